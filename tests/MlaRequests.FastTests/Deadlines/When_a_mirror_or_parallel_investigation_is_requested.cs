using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using NodaTime;
using static MlaRequests.FastTests.Deadlines.Region;

namespace MlaRequests.FastTests.Deadlines;

/// <summary>Each kind runs the clocks of its own kind (issue 15): a mirror case is decided by opening it, linked cases are not executed.</summary>
public sealed class When_a_mirror_or_parallel_investigation_is_requested
{
    static readonly Instant Registered = At("2026-03-02T10:00+06:00");

    [Theory]
    [InlineData(RequestKind.ClassicMla, ClockKind.Recognition, true)]
    [InlineData(RequestKind.MirrorInvestigation, ClockKind.MirrorCaseOpening, false)]
    [InlineData(RequestKind.ParallelInvestigation, ClockKind.Recognition, false)]
    [InlineData(RequestKind.JointInvestigationTeam, ClockKind.Recognition, false)]
    public void The_kind_decides_the_decision_clock_and_whether_an_execution_clock_follows(RequestKind kind, ClockKind decision, bool execution)
    {
        KindClocks.DecisionClockOf(kind).Should().Be(decision);
        KindClocks.HasExecutionClock(kind).Should().Be(execution);
    }

    [Fact]
    public void Opening_the_mirror_case_is_a_thirty_day_management_target_and_says_so()
    {
        var deadline = Calculator.Compute(ClockKind.MirrorCaseOpening, LegalBasis.Untoc, false, "KG", Registered);

        deadline.DueAt.Should().Be(At("2026-04-02T00:00+06:00"));
        deadline.MaxExtension.Should().BeNull();
        deadline.Source.Should().StartWith("management target (design choice)").And.Contain("no treaty day count applies");
    }

    [Fact]
    public void An_urgent_mirror_case_is_opened_within_ten_days()
    {
        var deadline = Calculator.Compute(ClockKind.MirrorCaseOpening, LegalBasis.Minsk1993, true, "KG", Registered);

        deadline.DueAt.Should().Be(At("2026-03-13T00:00+06:00"));
    }
}
