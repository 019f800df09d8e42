using MlaRequests.Domain;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;

namespace MlaRequests.Tests.Processes;

/// <summary>
/// Issue 14's legal steps between Kazakhstan and Kyrgyzstan over the region's broker, every message sealed, signed and
/// receipted as in the field: a consultation on conditions answered by the requesting prosecutor and the acceptance under
/// them, then a postponement during execution on coded grounds and its resumption; and a JIT agreement signed by both
/// parties, in force with its period clock on both nodes, and closed with an evaluation.
/// </summary>
[Trait("Category", "RabbitMq")]
[Trait(Tier.Name, Tier.System)]
public sealed class When_two_nodes_take_issue_14_s_legal_steps : IDisposable
{
    readonly TestDirectory _data = new();
    readonly FakeClock _clock = new(Instant.FromUtc(2026, 9, 14, 4, 0));

    [Fact]
    public async Task A_consultation_ends_in_acceptance_under_conditions_and_a_postponement_in_resumption()
    {
        var region = await RabbitBroker.CreateRegionAsync(Path.Combine(_data.Path, "secrets"), "KZ", "KG");
        await using var kz = new NodeFactory(Path.Combine(_data.Path, "kz"), _clock, region.Settings["KZ"], "KZ");
        await using var kg = new NodeFactory(Path.Combine(_data.Path, "kg"), _clock, region.Settings["KG"], "KG");
        _ = kg.Services;
        var id = await Scenario.ApprovedAsync(kz, TestContent.Complete(LegalBasis.Chisinau2002, "KG"));
        var branch = DeterministicGuid.Branch(id, "KG");
        var kgLiaison = await Assigned(kg, branch);
        var prosecutor = await kz.LoginAsync("kz.prosecutor");

        await kgLiaison.StepAsync($"/api/incoming/{branch}/consult", new
        {
            purpose = "Conditions", reasons = "The witness is under protection in Kyrgyzstan.",
            conditions = new[] { new { kind = "Confidentiality", text = "The witness's name is not disclosed before trial." } },
        });
        await kg.IncomingIn(branch, "InConsultation");
        await kz.BranchIn(branch, "InConsultation", TestTimeouts.Delivery);
        await Eventually.Until(() => kz.Clocks(id), cs => cs.Count(c => c.Kind == ClockKind.Consultation && c.CurrentState == "Running") == 1,
            TestTimeouts.Workflow, "the consultation clock: the requesting side's answer is awaited");
        await prosecutor.StepAsync($"/api/requests/{id}/targets/KG/accept-consultation", new { note = "We accept the condition." });
        await kg.IncomingIn(branch, "Assigned", TestTimeouts.Delivery);
        await kgLiaison.StepAsync($"/api/incoming/{branch}/accept-under-conditions",
            new { conditions = new[] { new { kind = "Confidentiality", text = "The witness's name is not disclosed before trial." } } });
        await kg.IncomingIn(branch, "InExecution");
        await kz.BranchIn(branch, "InExecution", TestTimeouts.Delivery);
        var conditions = await Eventually.Until(async () => (await prosecutor.GetAsync($"/api/requests/{id}")).GetProperty("targets")[0].GetProperty("conditions"),
            c => c.GetArrayLength() == 1, TestTimeouts.Delivery, "the conditions shown to the requesting prosecutor");
        conditions[0].GetProperty("kind").GetString().Should().Be("Confidentiality");

        await kgLiaison.StepAsync($"/api/incoming/{branch}/postpone",
            new { reason = "It would interfere with our own prosecution.", until = new LocalDate(2026, 11, 2), grounds = new[] { "ONGOING_PROSECUTION" } });
        await kg.IncomingIn(branch, "ExecutionPostponed");
        await kz.BranchIn(branch, "ExecutionPostponed", TestTimeouts.Delivery);
        await kgLiaison.StepAsync($"/api/incoming/{branch}/resume", new { reasons = "Our prosecution ended with a verdict." });
        await kz.BranchIn(branch, "InExecution", TestTimeouts.Delivery);
        var actions = (await kz.Timeline(id)).Select(e => e.Action).ToList();
        actions.Should().Contain(a => a.StartsWith("Consultation", StringComparison.Ordinal))
            .And.Contain(a => a.Contains("postponed", StringComparison.OrdinalIgnoreCase))
            .And.Contain(a => a.Contains("resumed", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_JIT_agreement_signed_by_both_parties_is_in_force_on_both_nodes_and_closes_on_both()
    {
        var region = await RabbitBroker.CreateRegionAsync(Path.Combine(_data.Path, "secrets"), "KZ", "KG");
        await using var kz = new NodeFactory(Path.Combine(_data.Path, "kz"), _clock, region.Settings["KZ"], "KZ");
        await using var kg = new NodeFactory(Path.Combine(_data.Path, "kg"), _clock, region.Settings["KG"], "KG");
        _ = kg.Services;
        var content = TestContent.Complete(LegalBasis.Chisinau2002, "KG");
        content.Kind = RequestKind.JointInvestigationTeam;
        content.Jit = TestContent.JitAgreement(content.Targets);
        var id = await Scenario.ApprovedAsync(kz, content);
        var branch = DeterministicGuid.Branch(id, "KG");
        var kgLiaison = await Assigned(kg, branch);
        await kgLiaison.StepAsync($"/api/incoming/{branch}/accept");
        await kg.IncomingIn(branch, "AgreementAwaitingSignatures");
        await kz.BranchIn(branch, "AgreementAwaitingSignatures", TestTimeouts.Delivery);

        await kgLiaison.StepAsync($"/api/incoming/{branch}/sign-agreement");
        await kg.IncomingIn(branch, "AgreementSignedHere");
        await kz.BranchIn(branch, "AgreementSignedThere", TestTimeouts.Delivery);
        var prosecutor = await kz.LoginAsync("kz.prosecutor");
        await prosecutor.StepAsync($"/api/requests/{id}/targets/KG/sign-jit");
        await kg.IncomingIn(branch, "AgreementInForce", TestTimeouts.Delivery);
        await kz.BranchIn(branch, "AgreementInForce");
        foreach (var (node, subject) in new[] { (kz, id), (kg, branch) })
        {
            await Eventually.Until(() => node.Clocks(subject), cs => cs.Any(c => c.Kind == ClockKind.JitPeriod && c.CurrentState == "Running"),
                TestTimeouts.Workflow, $"the agreement period clock on {node.Code}");
        }

        await prosecutor.StepAsync($"/api/requests/{id}/targets/KG/close-jit", new { evaluation = "The network was dismantled; 9 suspects charged." });
        await kg.IncomingIn(branch, "AgreementClosed", TestTimeouts.Delivery);
        await kz.RequestIn(id, "Completed");
        (await kg.Timeline(branch)).Should().Contain(e => e.Details == "The network was dismantled; 9 suspects charged.");
    }

    static async Task<NodeApi> Assigned(NodeFactory kg, Guid branch)
    {
        var liaison = await kg.LoginAsync("kg.liaison");
        await kg.IncomingIn(branch, "Received", TestTimeouts.Delivery);
        await liaison.StepAsync($"/api/incoming/{branch}/register");
        await kg.IncomingIn(branch, "Registered");
        await liaison.StepAsync($"/api/incoming/{branch}/assign", new { assignee = "kg.liaison" });
        await kg.IncomingIn(branch, "Assigned");
        return liaison;
    }

    public void Dispose() => _data.Dispose();
}
