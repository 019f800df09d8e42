using MlaRequests.Domain.Deadlines;
using MlaRequests.Tests.Infrastructure;
using MlaRequests.Workflows.Deadlines;

namespace MlaRequests.Tests.Upgrade;

/// <summary>
/// Clocks already running in a node's database keep their due instants when the node is upgraded (issue 15): a case an
/// earlier release left waiting for additional information has a recognition clock that kept counting; the answer that
/// arrives after the upgrade resumes nothing and moves nothing, on either node. Checked against every fixture a node in
/// the field may be upgraded from.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_clock_of_the_previous_release_meets_a_resumption
{
    [Theory]
    [InlineData(UpgradeFixture.Release2)]
    [InlineData(UpgradeFixture.Release1)]
    public async Task The_recognition_clocks_keep_their_due_instants_after_the_answer(string fixture)
    {
        await using var region = await UpgradedRegion.OpenAsync(fixture);
        var request = region.Instance("awaiting information", "request").Id;
        var incoming = region.Instance("awaiting information", "incoming").Id;
        var kgBefore = (await region.Kg.Clocks(incoming)).Single(c => c.Kind == ClockKind.Recognition);
        var kzBefore = (await region.Kz.Clocks(request)).Single(c => c.Kind == ClockKind.Recognition);
        kgBefore.CurrentState.Should().Be("Running", "an earlier release never suspended a clock");

        await (await region.As("kz.prosecutor")).StepAsync($"/api/requests/{request}/targets/KG/answer-information",
            new { answer = "The account is held at the Bishkek branch." });
        await region.Kg.IncomingIn(incoming, "Assigned");
        await region.Kz.BranchIn(incoming, "UnderRecognition");
        await region.DispatchRounds(3);

        var kgAfter = (await region.Kg.Clocks(incoming)).Single(c => c.Kind == ClockKind.Recognition);
        var kzAfter = (await region.Kz.Clocks(request)).Single(c => c.Kind == ClockKind.Recognition);
        kgAfter.Should().Match<DeadlineClockState>(c => c.DueAt == kgBefore.DueAt && c.SuspendedFor == null && c.CurrentState == kgBefore.CurrentState);
        kzAfter.Should().Match<DeadlineClockState>(c => c.DueAt == kzBefore.DueAt && c.SuspendedFor == null && c.CurrentState == kzBefore.CurrentState);
    }
}
