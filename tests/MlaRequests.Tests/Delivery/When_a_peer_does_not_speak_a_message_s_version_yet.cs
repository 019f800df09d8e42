using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MlaRequests.Contracts;
using MlaRequests.Domain;
using MlaRequests.Domain.Requests;
using MlaRequests.Node.Delivery;
using MlaRequests.Node.Persistence;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;

namespace MlaRequests.Tests.Delivery;

/// <summary>
/// One country upgrades first. A message of contract version 2 (no contract of this branch needs it yet, so an existing
/// contract is queued as the workflows queue a version-2 one: its row says it needs version 2) reaches a peer that speaks
/// 1: the peer keeps it in quarantine with the contract and both versions and applies nothing; the sender holds it, visible on
/// its links page, and sends it again, same MessageId, once the peer is seen speaking 2; it is then applied once. Version-1
/// traffic goes on both ways throughout, and the release before version 2 still reads and receipts what this one sends.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_peer_does_not_speak_a_message_s_version_yet : IDisposable
{
    const string Answer = "The account is held at the Bishkek branch of the bank.";
    readonly TestDirectory _data = new();
    readonly FakeClock _clock = new(Instant.FromUtc(2026, 12, 7, 5, 0));

    [Fact]
    public async Task It_is_quarantined_there_held_here_and_applied_once_after_the_peer_upgrades()
    {
        var kgData = Path.Combine(_data.Path, "kg");
        var pinned = new Dictionary<string, string?> { ["CrossBorder:ContractVersion"] = "1" };
        await using var kz = new NodeFactory(Path.Combine(_data.Path, "kz"), _clock, code: "KZ") { ChecksContract = true };
        var kg = new NodeFactory(kgData, _clock, pinned, "KG");
        try
        {
            await Bridge(kz, () => kg);
            await Bridge(kg, () => kz);
            var prosecutor = await kz.LoginAsync("kz.prosecutor");
            var liaison = await kz.LoginAsync("kz.liaison");
            var admin = await kz.LoginAsync("kz.admin");

            var request = (await prosecutor.CreateAsync(TestContent.Complete(LegalBasis.Chisinau2002, "KG"))).Id;
            var branch = DeterministicGuid.Branch(request, "KG");
            var messageId = await QueueVersionTwoAsync(kz, branch);

            var kept = await Eventually.Until(() => kg.Query(db => db.QuarantinedMessages.Where(q => q.MessageId == messageId).ToListAsync()), q => q.Count > 0,
                TestTimeouts.Workflow, "KG to keep the message it does not speak");
            kept.Single().Reason.Should().Contain(nameof(AdditionalInformationProvided)).And.Contain("needs contract version 2")
                .And.Contain("this node speaks 1").And.Contain("the sender keeps it");
            var held = await Eventually.Until(() => Message(kz, messageId), m => m.State == DeliveryStates.WaitingForUpgrade, TestTimeouts.Workflow,
                "KZ to hold the message once KG said it kept it unapplied");
            held.LastError.Should().Contain("KG kept it unapplied").And.Contain("this node speaks 1");
            var listed = await admin.GetAsync("/api/links/KG/messages?state=WaitingForUpgrade");
            listed.EnumerateArray().Select(m => m.GetProperty("messageId").GetGuid()).Should().Equal(messageId);
            var link = await Link(admin, "KG");
            link.GetProperty("contractVersion").GetInt32().Should().Be(1, "KG's envelopes state it speaks 1");
            link.GetProperty("ownContractVersion").GetInt32().Should().Be(CrossBorderContracts.Version, "this release speaks every version up to its own");
            link.GetProperty("waitingForUpgrade").GetInt32().Should().Be(1);

            // Version-1 traffic both ways while the message waits.
            await prosecutor.StepAsync($"/api/requests/{request}/submit");
            await kz.RequestIn(request, "InReview");
            await liaison.StepAsync($"/api/requests/{request}/approve");
            await kg.IncomingIn(branch, "Received");
            var kgLiaison = await kg.LoginAsync("kg.liaison");
            foreach (var (step, body, state) in new (string, object, string)[]
                     {
                         ("register", new { }, "Registered"), ("assign", new { assignee = "kg.liaison" }, "Assigned"),
                         ("request-information", new { questions = "Which bank holds the account?" }, "AwaitingInformation"),
                     })
            {
                await kgLiaison.StepAsync($"/api/incoming/{branch}/{step}", body);
                await kg.IncomingIn(branch, state);
            }
            await kz.BranchIn(branch, "AdditionalInformationRequested");
            (await Message(kz, messageId)).State.Should().Be(DeliveryStates.WaitingForUpgrade, "KG still speaks 1");
            (await InformationReceived(kg, branch)).Should().Be(0, "nothing of the held message was applied");

            // KG upgrades: the same database, this release unpinned. Its next envelope (a receipt) says it speaks this release's version.
            await kg.DisposeAsync();
            kg = new NodeFactory(kgData, _clock, code: "KG");
            await Bridge(kg, () => kz);
            var second = (await prosecutor.CreateAsync(TestContent.Complete(LegalBasis.Chisinau2002, "KG"))).Id;
            await prosecutor.StepAsync($"/api/requests/{second}/submit");
            await kz.RequestIn(second, "InReview");
            await liaison.StepAsync($"/api/requests/{second}/approve");
            await kg.IncomingIn(DeterministicGuid.Branch(second, "KG"), "Received");

            await Eventually.Until(() => Message(kz, messageId), m => m.State == DeliveryStates.Delivered, TestTimeouts.Workflow,
                "the held message to be sent again and receipted once KG speaks 2");
            await kg.IncomingIn(branch, "Assigned");
            await kz.DispatchRounds(3);
            await Consistently.For(TimeSpan.FromMilliseconds(500), async () => await InformationReceived(kg, branch) == 1, "the message applied once");
            (await kg.Query(db => db.ReceivedEnvelopes.CountAsync(r => r.MessageId == messageId))).Should().Be(1);
            link = await Link(admin, "KG");
            link.GetProperty("contractVersion").GetInt32().Should().Be(CrossBorderContracts.Version, "upgraded, KG speaks this release's version");
            link.GetProperty("waitingForUpgrade").GetInt32().Should().Be(0);
        }
        finally
        {
            await kg.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_release_before_versions_still_reads_what_this_one_sends_and_the_sender_holds_what_it_cannot()
    {
        await using var node = new NodeFactory(_data.Path, _clock, new Dictionary<string, string?>
        {
            ["CrossBorder:TrustedKeys:KG"] = TestKeys.SigningPublicKeyOf("KG"),
        });
        var kg = await FakePeer.StartAsync(node, "KG", oldRelease: true);
        var early = await QueueVersionTwoAsync(node, Guid.NewGuid());
        await Eventually.Until(() => kg.Received.ContainsKey(early), TestTimeouts.Workflow, "the version-2 message to reach KG before KZ knows its version");

        var id = await Scenario.ApprovedAsync(node);
        var branch = DeterministicGuid.Branch(id, "KG");
        await Eventually.Until(() => node.Query(db => db.CrossBorderMessages.SingleAsync(m => m.CorrelationId == branch && m.Kind == DeliveryStates.MessageKind)),
            m => m.State == DeliveryStates.Delivered, TestTimeouts.Workflow, "the old release to read the request and receipt it");
        var sent = kg.Envelopes.Single(e => e.CorrelationId == branch);
        sent.ContractVersion.Should().Be(OldRelease.Version, "a version-1 contract still goes out as version 1");
        OldRelease.Verifies("KZ", sent).Should().BeTrue("the stated sender version is outside the signature the old release checks");
        OldRelease.Reads(sent).Should().BeTrue("the old release's envelope type ignores the fields it does not have");

        // No receipt came for the version-2 message (the old release quarantines it silently); when it is due again, KZ
        // knows from KG's receipts that KG speaks 1 and holds it instead of sending it again.
        _clock.Advance(Duration.FromMinutes(5));
        var held = await Eventually.Until(() => Message(node, early), m => m.State == DeliveryStates.WaitingForUpgrade, TestTimeouts.Workflow,
            "KZ to hold the message once it knows KG speaks 1");
        held.LastError.Should().Be("waiting for KG's upgrade: AdditionalInformationProvided needs contract version 2, KG was last seen speaking 1");
        var copies = kg.Received[early];
        _clock.Advance(Duration.FromHours(2));
        await node.DispatchRounds(3);
        await Consistently.For(TimeSpan.FromMilliseconds(500), () => Task.FromResult(kg.Received[early] == copies), "the held message not to be sent again");
        held = await Message(node, early);
        held.State.Should().Be(DeliveryStates.WaitingForUpgrade, "a held message does not use up attempts or fail");
    }

    /// <summary>
    /// Queues <see cref="AdditionalInformationProvided"/> for <paramref name="branch"/> as a contract of version 2 is queued:
    /// the row needs version 2. Returns its MessageId.
    /// </summary>
    static async Task<Guid> QueueVersionTwoAsync(NodeFactory node, Guid branch)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NodeDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<IClock>().GetCurrentInstant();
        var message = CrossBorderQueue.Message(db, "KG", new AdditionalInformationProvided(branch, "KZ", Answer, "kz.prosecutor", now), now);
        message.ContractVersion = 2;
        await db.SaveChangesAsync();
        return message.MessageId;
    }

    static Task<CrossBorderMessage> Message(NodeFactory node, Guid messageId) =>
        node.Query(db => db.CrossBorderMessages.SingleAsync(m => m.MessageId == messageId));

    static Task<int> InformationReceived(NodeFactory node, Guid caseId) =>
        node.Query(db => db.Timeline.CountAsync(t => t.SubjectId == caseId && t.Details == Answer));

    static async Task<JsonElement> Link(NodeApi admin, string code) =>
        (await admin.GetAsync("/api/links")).EnumerateArray().Single(l => l.GetProperty("node").GetString() == code);

    /// <summary>Carries every envelope <paramref name="from"/> sends to the current node <paramref name="to"/> onto its bus (the broker).</summary>
    static async Task Bridge(NodeFactory from, Func<NodeFactory> to)
    {
        var handle = from.Bus.ConnectReceiveEndpoint($"{(from.Code == "KZ" ? "kg" : "kz")}-inbound", e =>
        {
            e.ConfigureConsumeTopology = false;
            e.Handler<CrossBorderEnvelope>(context => TestEnvelopes.DeliverAsync(to(), context.Message));
        });
        await handle.Ready;
    }

    public void Dispose() => _data.Dispose();
}
