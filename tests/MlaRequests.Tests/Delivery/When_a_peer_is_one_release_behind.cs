using System.Net;
using MlaRequests.Contracts;
using MlaRequests.Domain;
using MlaRequests.Domain.Requests;
using MlaRequests.Node.Delivery;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;

namespace MlaRequests.Tests.Delivery;

/// <summary>
/// Nodes upgrade one at a time. A peer still on the release before sealing is listed in the trust list with its signing
/// key only: to it the node sends what that release reads (ContractVersion 1, unsealed, signed the old way), from it the
/// node accepts the same, and the links page shows the link unsealed. A peer that has an encryption key cannot be
/// talked down to unsealed envelopes.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_peer_is_one_release_behind : IDisposable
{
    readonly TestDirectory _data = new();
    readonly FakeClock _clock = new(Instant.FromUtc(2026, 4, 6, 5, 0));

    RequestTransmitted Request(string from) => new(Guid.NewGuid(), Guid.NewGuid(), $"{from}-2026-000044", from, "KZ", "ClassicMla", "Untoc", false, false,
        RequestContentJson.Version, RequestContentJson.Serialize(TestContent.Complete(LegalBasis.Untoc, "KZ")), $"{from.ToLowerInvariant()}.liaison",
        _clock.GetCurrentInstant());

    [Fact]
    public async Task It_is_sent_and_may_send_what_that_release_reads_and_the_link_shows_unsealed()
    {
        await using var node = new NodeFactory(_data.Path, _clock, new Dictionary<string, string?>
        {
            ["CrossBorder:TrustedKeys:KG"] = TestKeys.SigningPublicKeyOf("KG"),
        });
        var kg = await FakePeer.StartAsync(node, "KG", oldRelease: true);

        var id = await Scenario.ApprovedAsync(node);
        var branch = DeterministicGuid.Branch(id, "KG");
        await Eventually.Until(() => node.Query(db => Task.FromResult(db.CrossBorderMessages.Single(m => m.CorrelationId == branch).State)),
            state => state == DeliveryStates.Delivered, TestTimeouts.Delivery, "the old release to read the request and receipt it");
        var sent = kg.Envelopes.Should().ContainSingle().Subject;
        sent.Seal.Should().BeNull("the old release cannot open a sealed envelope");
        sent.ContractVersion.Should().Be(OldRelease.Version);
        OldRelease.Verifies("KZ", sent).Should().BeTrue("the old release verifies the signature its way");
        CrossBorderContracts.Deserialize(sent.Payload, typeof(RequestTransmitted)).Should().BeOfType<RequestTransmitted>().Which.BranchId.Should().Be(branch);

        var fromKg = Request("KG");
        await TestEnvelopes.DeliverAsync(node, OldRelease.Sign("KG", TestEnvelopes.Unsigned("KG", "KZ", fromKg, _clock.GetCurrentInstant())));
        await node.IncomingIn(fromKg.BranchId, "Received");

        var supervisor = await node.LoginAsync("kz.supervisor");
        var links = (await supervisor.GetAsync("/api/links")).EnumerateArray().ToDictionary(l => l.GetProperty("node").GetString()!, l => l.GetProperty("sealed").GetBoolean());
        links["KG"].Should().BeFalse("the administrator sees that KG's link is not sealed yet");
        links["UZ"].Should().BeTrue();
    }

    [Fact]
    public async Task An_unsealed_envelope_from_a_peer_that_seals_is_quarantined()
    {
        await using var node = new NodeFactory(_data.Path, _clock);
        var downgraded = Request("UZ");
        await TestEnvelopes.DeliverAsync(node, OldRelease.Sign("UZ", TestEnvelopes.Unsigned("UZ", "KZ", downgraded, _clock.GetCurrentInstant())));

        var quarantined = await Eventually.Until(() => node.Query(db => Task.FromResult(db.QuarantinedMessages.ToList())), q => q.Count >= 1,
            TestTimeouts.Delivery, "the unsealed envelope to be quarantined");
        quarantined.Should().ContainSingle().Which.Reason.Should().StartWith("unsealed: UZ");
        var sealedRequest = Request("UZ");
        await TestEnvelopes.DeliverAsync(node, TestEnvelopes.Signed("UZ", "KZ", sealedRequest, _clock.GetCurrentInstant()));
        await node.IncomingIn(sealedRequest.BranchId, "Received");
        (await node.Query(db => Task.FromResult(db.IncomingCases.Select(c => c.Id).ToList()))).Should().Equal([sealedRequest.BranchId],
            "the unsealed copy was never applied");
    }

    public void Dispose() => _data.Dispose();
}
