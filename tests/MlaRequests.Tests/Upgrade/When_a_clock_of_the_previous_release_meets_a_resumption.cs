using MlaRequests.Domain.Deadlines;
using MlaRequests.Tests.Infrastructure;

namespace MlaRequests.Tests.Upgrade;

/// <summary>
/// Clocks already running in a node's database keep their due instants when the node is upgraded (issue 15): a case the
/// previous release left waiting for additional information has a recognition clock that kept counting; the answer that
/// arrives after the upgrade resumes nothing and moves nothing, on either node.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_clock_of_the_previous_release_meets_a_resumption : IAsyncLifetime
{
    UpgradedRegion _region = null!;

    public async Task InitializeAsync() => _region = await UpgradedRegion.OpenAsync();

    public async Task DisposeAsync() => await _region.DisposeAsync();

    [Fact]
    public async Task The_recognition_clocks_keep_their_due_instants_after_the_answer()
    {
        var request = _region.Instance("awaiting information", "request").Id;
        var incoming = _region.Instance("awaiting information", "incoming").Id;
        var kgBefore = (await _region.Kg.Clocks(incoming)).Single(c => c.Kind == ClockKind.Recognition);
        var kzBefore = (await _region.Kz.Clocks(request)).Single(c => c.Kind == ClockKind.Recognition);
        kgBefore.CurrentState.Should().Be("Running", "the previous release never suspended a clock");

        await (await _region.As("kz.prosecutor")).StepAsync($"/api/requests/{request}/targets/KG/answer-information",
            new { answer = "The account is held at the Bishkek branch." });
        await _region.Kg.IncomingIn(incoming, "Assigned");
        await _region.Kz.BranchIn(incoming, "UnderRecognition");
        await _region.DispatchRounds(3);

        var kgAfter = (await _region.Kg.Clocks(incoming)).Single(c => c.Kind == ClockKind.Recognition);
        var kzAfter = (await _region.Kz.Clocks(request)).Single(c => c.Kind == ClockKind.Recognition);
        kgAfter.Should().Match<MlaRequests.Workflows.Deadlines.DeadlineClockState>(c => c.DueAt == kgBefore.DueAt && c.SuspendedFor == null && c.CurrentState == kgBefore.CurrentState);
        kzAfter.Should().Match<MlaRequests.Workflows.Deadlines.DeadlineClockState>(c => c.DueAt == kzBefore.DueAt && c.SuspendedFor == null && c.CurrentState == kzBefore.CurrentState);
    }
}
