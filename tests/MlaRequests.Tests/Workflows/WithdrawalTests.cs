using MlaRequests.Contracts;
using MlaRequests.Domain;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;

namespace MlaRequests.Tests.Workflows;

[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_request_to_three_countries_is_withdrawn : IDisposable
{
    readonly TestDirectory _data = new();
    readonly FakeClock _clock = new(Instant.FromUtc(2026, 6, 1, 5, 0));

    [Fact]
    public async Task Every_branch_and_its_clocks_are_cancelled_and_every_country_is_told()
    {
        await using var node = new NodeFactory(_data.Path, _clock);
        string[] targets = ["KG", "TJ", "UZ"];
        var told = new Dictionary<string, SentToCountry>();
        foreach (var target in targets)
            told[target] = await SentToCountry.ListenAsync(node, target);
        var id = await Scenario.ApprovedAsync(node, TestContent.Complete(LegalBasis.Untoc, targets));
        await Scenario.RegisteredBy(node, id, "TJ", _clock.GetCurrentInstant());
        await node.BranchIn(DeterministicGuid.Branch(id, "TJ"), "Acknowledged");
        await Eventually.Until(() => node.Clocks(id), cs => cs.Count(c => c.CurrentState == "Running") == 3, TestTimeouts.Workflow,
            "acknowledgement clocks for KG and UZ and the recognition clock for TJ");

        var prosecutor = await node.LoginAsync("kz.prosecutor");
        await prosecutor.StepAsync($"/api/requests/{id}/withdraw", new { reason = "The suspect was arrested in Kazakhstan; the evidence is no longer needed." });

        await node.RequestIn(id, "Withdrawn");
        foreach (var target in targets)
        {
            var branch = await node.BranchIn(DeterministicGuid.Branch(id, target), "Withdrawn");
            branch.AcknowledgementClockId.Should().BeNull();
            branch.RecognitionClockId.Should().BeNull();
            var withdrawn = await told[target].Receives<RequestWithdrawn>(branch.CorrelationId);
            withdrawn.Reason.Should().StartWith("The suspect was arrested");
            told[target].All.OfType<RequestWithdrawn>().Should().ContainSingle("each country is told once");
        }
        await Eventually.Until(() => node.Clocks(id), cs => cs.Where(c => c.BranchId != null).All(c => c.CurrentState is "Cancelled" or "Met"),
            TestTimeouts.Workflow, "every branch clock to stop");
        (await node.Clocks(id)).Should().NotContain(c => c.CurrentState == "Running" || c.CurrentState == "Overdue");
        (await node.Outbox()).Should().NotContain(x => x.NotBefore != null, "no checkpoint of a cancelled clock stays scheduled");

        _clock.Advance(Duration.FromDays(60));
        await node.DispatchRounds(3);
        (await node.Clocks(id)).Should().NotContain(c => c.CurrentState == "Overdue", "a cancelled clock never escalates");
    }

    public void Dispose() => _data.Dispose();
}

[Trait(Tier.Name, Tier.Integration)]
public sealed class When_every_party_accepts_a_joint_investigation_team_proposal : IDisposable
{
    readonly TestDirectory _data = new();
    readonly FakeClock _clock = new(Instant.FromUtc(2026, 6, 1, 5, 0));

    [Fact]
    public async Task Each_acceptance_is_a_step_and_the_team_is_agreed_after_the_last()
    {
        await using var node = new NodeFactory(_data.Path, _clock);
        var content = TestContent.Complete(LegalBasis.Chisinau2002, "KG", "TJ");
        content.Kind = RequestKind.JointInvestigationTeam;
        content.Jit = TestContent.JitAgreement(content.Targets);
        var id = await Scenario.ApprovedAsync(node, content);
        var supervisor = await node.LoginAsync("kz.supervisor");

        foreach (var party in new[] { "KG", "TJ" })
        {
            await Scenario.RegisteredBy(node, id, party, _clock.GetCurrentInstant());
            await node.BranchIn(DeterministicGuid.Branch(id, party), "Acknowledged");
            await Scenario.AcceptedBy(node, id, party, _clock.GetCurrentInstant(), "AgreementAwaitingSignatures");
        }

        var actions = await Eventually.Until(
            async () => (await supervisor.GetAsync($"/api/requests/{id}")).GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("action").GetString()!).ToList(),
            a => a.Contains("JIT proposal accepted by every party; the agreement's signatures follow"), TestTimeouts.Workflow, "the team to be agreed");
        actions.Count(a => a == "JIT proposal accepted").Should().Be(2, "each party's acceptance is its own step");
        actions.IndexOf("JIT proposal accepted by every party; the agreement's signatures follow").Should().BeGreaterThan(actions.LastIndexOf("JIT proposal accepted"));
    }

    public void Dispose() => _data.Dispose();
}
