using MlaRequests.Contracts;
using MlaRequests.Domain;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using static MlaRequests.Tests.Api.RequestSetup;

namespace MlaRequests.Tests.Api;

/// <summary>
/// Mirror and parallel investigations get the clocks of their own kind (issue 15), not a request's 90-day execution
/// clock: a mirror case is decided by opening the domestic mirror case (its own target from registration), a parallel
/// investigation coordinates through shared milestones once accepted. On the requested node and on the requesting one.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_linked_investigation_runs_its_own_clocks(ApiNode api) : IClassFixture<ApiNode>
{
    [Fact]
    public async Task A_mirror_case_runs_a_target_for_opening_the_mirror_case_and_no_execution_clock()
    {
        var id = await api.CaseIn("Assigned", Of(RequestKind.MirrorInvestigation, "KZ"));
        var clocks = await api.Node.Clocks(id);
        clocks.Should().ContainSingle(c => c.Kind == ClockKind.MirrorCaseOpening && c.CurrentState == "Running")
            .Which.Source.Should().StartWith("management target (design choice)");
        clocks.Should().NotContain(c => c.Kind == ClockKind.Recognition);

        await (await api.As(Liaison)).StepAsync($"/api/incoming/{id}/accept");

        await api.Node.IncomingIn(id, "InExecution");
        await api.Settled();
        var after = await Eventually.Until(() => api.Node.Clocks(id), cs => cs.Any(c => c.Kind == ClockKind.MirrorCaseOpening && c.CurrentState == "Met"),
            TestTimeouts.Workflow, "the mirror case opening clock to be met");
        after.Should().NotContain(c => c.Kind == ClockKind.Execution, "the two case files move in step; no execution period applies");
    }

    [Fact]
    public async Task An_accepted_parallel_investigation_runs_no_execution_clock()
    {
        var id = await api.CaseIn("InExecution", Of(RequestKind.ParallelInvestigation, "KZ"));

        var clocks = await api.Node.Clocks(id);

        clocks.Should().Contain(c => c.Kind == ClockKind.Recognition && c.CurrentState == "Met");
        clocks.Should().NotContain(c => c.Kind == ClockKind.Execution, "parallel investigations coordinate through shared milestones");
    }

    [Fact]
    public async Task A_classic_request_still_runs_its_execution_clock()
    {
        var id = await api.CaseIn("InExecution");

        (await api.Node.Clocks(id)).Should().ContainSingle(c => c.Kind == ClockKind.Execution && c.CurrentState == "Running");
    }

    [Fact]
    public async Task The_requesting_node_keeps_the_same_clocks_for_its_mirror_request()
    {
        var request = await api.RequestIn("Approved", Of(RequestKind.MirrorInvestigation, "KG"));
        var branch = DeterministicGuid.Branch(request, "KG");
        await api.Node.BranchIn(branch, "Transmitted");

        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", new IncomingRequestRegistered(branch, "KG", "kg.liaison", api.Now), api.Now));
        await api.Node.BranchIn(branch, "Acknowledged");
        await Eventually.Until(() => api.Node.Clocks(request), cs => cs.Any(c => c.Kind == ClockKind.MirrorCaseOpening && c.BranchId == branch && c.CurrentState == "Running"),
            TestTimeouts.Workflow, "the foreign mirror case opening clock");
        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", new IncomingRequestAccepted(branch, "KG", "KG-MC-2026-0001", "kg.liaison", api.Now), api.Now));

        await api.Node.BranchIn(branch, "InExecution");
        await api.Settled();
        var clocks = await Eventually.Until(() => api.Node.Clocks(request), cs => cs.Any(c => c.Kind == ClockKind.MirrorCaseOpening && c.CurrentState == "Met"),
            TestTimeouts.Workflow, "the foreign mirror case opening clock to be met");
        clocks.Should().NotContain(c => c.Kind == ClockKind.Recognition || c.Kind == ClockKind.Execution);
    }

    static RequestContent Of(RequestKind kind, string target)
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002, target);
        content.Kind = kind;
        return content;
    }
}
