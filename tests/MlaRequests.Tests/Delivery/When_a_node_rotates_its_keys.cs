using System.Security.Cryptography;
using MassTransit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MlaRequests.Contracts;
using MlaRequests.Domain.Requests;
using MlaRequests.Node.Delivery;
using MlaRequests.Node.Hosting;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;

namespace MlaRequests.Tests.Delivery;

/// <summary>
/// Keys rotate without a flag day: a node opens envelopes sealed for its current or its previous encryption key and seals
/// and signs with its current keys; a trust entry lists several identities of a peer, so the peer's new signing key
/// verifies as soon as it is added and the old one until it is removed. Rotating in the middle of traffic loses nothing.
/// </summary>
public sealed class When_a_node_rotates_its_keys : IDisposable
{
    readonly TestDirectory _data = new();
    readonly FakeClock _clock = new(Instant.FromUtc(2026, 4, 6, 5, 0));
    static readonly (NodeKeyFile Keys, string PublicKey) NewKg = NodeKeys.Generate();
    static readonly (NodeKeyFile Keys, string PublicKey) NewKz = NodeKeys.Generate();

    NodeKeys Kz(NodeKeyFile keys, string trustedKg) => new(Options.Create(new CrossBorderOptions
        {
            SigningKey = keys.SigningKey, EncryptionKey = keys.EncryptionKey, PreviousEncryptionKey = keys.PreviousEncryptionKey,
            TrustedKeys = new(StringComparer.Ordinal) { ["KG"] = trustedKg },
        }), Options.Create(new NodeOptions { Code = "KZ", DataDirectory = _data.Path }), NullLogger<NodeKeys>.Instance);

    RequestTransmitted Request() => new(Guid.NewGuid(), Guid.NewGuid(), "KG-2026-000045", "KG", "KZ", "ClassicMla", "Untoc", false, false,
        RequestContentJson.Version, RequestContentJson.Serialize(TestContent.Complete(LegalBasis.Untoc, "KZ")), "kg.liaison", _clock.GetCurrentInstant());

    /// <summary>An envelope from KG sealed for <paramref name="recipient"/> and signed with <paramref name="signingKey"/>.</summary>
    CrossBorderEnvelope FromKg(string signingKey, string recipient, RequestTransmitted? request = null)
    {
        using var signing = ECDsa.Create();
        signing.ImportPkcs8PrivateKey(Convert.FromBase64String(signingKey), out _);
        using var encryption = ECDiffieHellman.Create();
        encryption.ImportPkcs8PrivateKey(Convert.FromBase64String(recipient), out _);
        var plain = TestEnvelopes.Unsigned("KG", "KZ", request ?? Request(), _clock.GetCurrentInstant());
        return EnvelopeSigner.SignWith(signing, EnvelopeSeal.Seal(plain, encryption, PeerKeys.KeyIdOf(encryption), PeerKeys.KeyIdOf(signing)));
    }

    [Fact]
    [Trait(Tier.Name, Tier.Integration)]
    public void Envelopes_sealed_for_the_previous_key_still_open_and_those_for_an_unknown_key_do_not()
    {
        var old = TestKeys.Of("KZ");
        using var keys = Kz(NewKz.Keys with { PreviousEncryptionKey = old.EncryptionKey }, TestKeys.PublicKeyOf("KG"));
        var signer = new EnvelopeSigner(keys);

        signer.Open(FromKg(TestKeys.PrivateKeyOf("KG"), old.EncryptionKey!), out var payload).Should().BeNull("the previous key still opens");
        payload.Should().Contain("KG-2026-000045");
        signer.Open(FromKg(TestKeys.PrivateKeyOf("KG"), NewKz.Keys.EncryptionKey!), out _).Should().BeNull("the current key opens");
        signer.Open(FromKg(TestKeys.PrivateKeyOf("KG"), TestKeys.Of("UZ").EncryptionKey!), out _).Should().StartWith("unopenable: sealed for key");
        using var retired = Kz(NewKz.Keys, TestKeys.PublicKeyOf("KG"));
        new EnvelopeSigner(retired).Open(FromKg(TestKeys.PrivateKeyOf("KG"), old.EncryptionKey!), out _)
            .Should().StartWith("unopenable", "once the previous key is removed, what was sealed for it no longer opens");
    }

    [Fact]
    [Trait(Tier.Name, Tier.Integration)]
    public void A_peer_s_new_signing_key_verifies_once_trusted_and_its_old_one_until_removed()
    {
        var oldKg = TestKeys.PublicKeyOf("KG");
        var byOldKey = FromKg(TestKeys.PrivateKeyOf("KG"), TestKeys.Of("KZ").EncryptionKey!);
        var byNewKey = FromKg(NewKg.Keys.SigningKey!, TestKeys.Of("KZ").EncryptionKey!);

        using (var before = Kz(TestKeys.Of("KZ"), oldKg))
            new EnvelopeSigner(before).Problem(byNewKey).Should().Be("forged: the signature does not verify", "the new key is not trusted yet");
        using (var during = Kz(TestKeys.Of("KZ"), $"{oldKg} {NewKg.PublicKey}"))
        {
            new EnvelopeSigner(during).Problem(byNewKey).Should().BeNull();
            new EnvelopeSigner(during).Problem(byOldKey).Should().BeNull();
            new EnvelopeSigner(during).SealAndSign(TestEnvelopes.Unsigned("KZ", "KG", Request(), _clock.GetCurrentInstant()))
                .RecipientKeyId.Should().Be(KeyIdOf(TestKeys.Of("KG").EncryptionKey!), "the node seals for the first listed key until the old identity goes");
        }
        using var after = Kz(TestKeys.Of("KZ"), NewKg.PublicKey);
        new EnvelopeSigner(after).Problem(byOldKey).Should().Be("forged: the signature does not verify", "the old key is removed");
        new EnvelopeSigner(after).Problem(byNewKey).Should().BeNull();
    }

    [Fact]
    [Trait(Tier.Name, Tier.System)]
    [Trait("Category", "RabbitMq")]
    public async Task A_rotation_in_the_middle_of_traffic_loses_nothing()
    {
        var virtualHost = await RabbitBroker.CreateVirtualHostAsync();
        var settings = RabbitBroker.Settings(virtualHost);
        var first = Request();
        await using (var node = new NodeFactory(_data.Path, _clock, settings))
        {
            await TestEnvelopes.DeliverAsync(node, TestEnvelopes.Signed("KG", "KZ", first, _clock.GetCurrentInstant()));
            await node.IncomingIn(first.BranchId, "Received");
        }

        // While KZ restarts with new keys, KG's messages wait in the broker: one sealed for KZ's old key, one signed by KG's new key.
        var sealedForOldKey = Request();
        var signedByNewKey = Request();
        var bus = await TestBus.StartAsync(virtualHost, "KZ");
        try
        {
            var inbound = await bus.GetSendEndpoint(new Uri("exchange:kz-inbound"));
            await inbound.Send(TestEnvelopes.Signed("KG", "KZ", sealedForOldKey, _clock.GetCurrentInstant()));
            await inbound.Send(FromKg(NewKg.Keys.SigningKey!, NewKz.Keys.EncryptionKey!, signedByNewKey));
        }
        finally
        {
            await bus.StopAsync();
        }

        var rotated = Path.Combine(_data.Path, "rotated.keys");
        (NewKz.Keys with { PreviousEncryptionKey = TestKeys.Of("KZ").EncryptionKey }).Write(rotated);
        settings["CrossBorder:KeyFile"] = rotated;
        settings["CrossBorder:TrustedKeys:KG"] = $"{TestKeys.PublicKeyOf("KG")} {NewKg.PublicKey}";
        await using (var node = new NodeFactory(_data.Path, _clock, settings))
        {
            await node.IncomingIn(sealedForOldKey.BranchId, "Received");
            await node.IncomingIn(signedByNewKey.BranchId, "Received");
            (await node.Query(db => Task.FromResult(db.QuarantinedMessages.Select(q => q.Reason).ToList()))).Should().BeEmpty();
        }
    }

    static string KeyIdOf(string privateKey)
    {
        using var key = ECDiffieHellman.Create();
        key.ImportPkcs8PrivateKey(Convert.FromBase64String(privateKey), out _);
        return PeerKeys.KeyIdOf(key);
    }

    public void Dispose() => _data.Dispose();
}
