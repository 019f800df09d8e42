using MlaRequests.Domain.Calendars;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using MlaRequests.Workflows.Calendars;
using MlaRequests.Workflows.Data;
using MlaRequests.Workflows.Deadlines;
using NodaTime;

namespace MlaRequests.FastTests.Calendars;

/// <summary>
/// The arithmetic of recomputing a running clock when Kazakhstan's 2027 is corrected (issue 15): an acknowledgement clock (7 calendar
/// days, an end on a non-working day moves to the next working day) started on Monday 8 March 2027 in Almaty ends with Monday 15 March;
/// shipped, 15 March is Constitution Day (expected), so the clock is due at the end of 16 March; corrected, at the end of 15 March.
/// </summary>
public sealed class When_a_calendar_correction_moves_running_clocks
{
    static readonly DateTimeZone Almaty = DateTimeZoneProviders.Tzdb["Asia/Almaty"];
    static readonly Instant Start = Almaty.AtStrictly(new LocalDateTime(2027, 3, 8, 10, 0)).ToInstant();
    static readonly IClockPlanner Shipped = Planner(WorkflowData.Calendars);
    static readonly IClockPlanner Corrected = Planner(WorkflowData.Calendars.WithYears(
        [("KZ", CalendarYearRules.Check(CalendarYearFiles.KazakhstanWithout15March(), "KZ", 2027, WorkflowData.Calendars).Year!)]));

    static IClockPlanner Planner(CalendarBook book) => new PolicyClockPlanner(new DeadlineCalculator(book, WorkflowData.DeadlinePolicies));

    static Instant EndOf(int month, int day) => Almaty.AtStartOfDay(new LocalDate(2027, month, day).PlusDays(1)).ToInstant();

    static DeadlineClockState Clock(string state = "Running", Instant? start = null, ClockKind kind = ClockKind.Acknowledgement)
    {
        var begin = new StartClock(Guid.NewGuid(), Guid.NewGuid(), null, kind, LegalBasis.Untoc, false, "KZ", "KG-2027-0001", null, start ?? Start);
        var plan = Shipped.Plan(begin);
        return new DeadlineClockState
        {
            CorrelationId = begin.ClockId, SubjectId = begin.SubjectId, CurrentState = state, Kind = kind, LegalBasis = begin.LegalBasis, ActingCountry = "KZ",
            Reference = begin.Reference, StartedAt = begin.Start, DueAt = plan.DueAt, Reminder50At = plan.Reminder50At, Reminder80At = plan.Reminder80At,
            Length = plan.Length, Source = plan.Source, TimeZone = plan.TimeZone, CalendarVerified = plan.CalendarVerified,
        };
    }

    [Fact]
    public void The_shipped_calendar_moves_the_end_over_constitution_day() =>
        Clock().DueAt.Should().Be(EndOf(3, 16));

    [Fact]
    public void A_running_clock_gets_the_due_instant_and_reminders_of_the_corrected_calendar()
    {
        var plan = ClockRecalculation.Recompute(Clock(), Shipped, Corrected)!;

        plan.DueAt.Should().Be(EndOf(3, 15));
        plan.Reminder50At.Should().Be(Start + (EndOf(3, 15) - Start) / 2);
        plan.Reminder80At.Should().Be(Start + Duration.FromNanoseconds((EndOf(3, 15) - Start).ToBigIntegerNanoseconds() * 80 / 100));
    }

    [Fact]
    public void Removing_the_correction_moves_it_back() =>
        ClockRecalculation.Recompute(Clock() is var c && ClockRecalculation.Recompute(c, Shipped, Corrected) is { } p ? Moved(c, p) : c, Corrected, Shipped)!
            .DueAt.Should().Be(EndOf(3, 16));

    [Fact]
    public void A_suspended_clock_keeps_the_time_it_spent_suspended()
    {
        var clock = Clock("Suspended");
        clock.SuspendedFor = Duration.FromHours(50);
        clock.DueAt += Duration.FromHours(50);

        var plan = ClockRecalculation.Recompute(clock, Shipped, Corrected)!;

        plan.DueAt.Should().Be(EndOf(3, 15) + Duration.FromHours(50));
        plan.Reminder50At.Should().Be(Start + (EndOf(3, 15) - Start) / 2 + Duration.FromHours(50));
    }

    [Theory]
    [InlineData("Overdue")]
    [InlineData("Met")]
    [InlineData("Cancelled")]
    public void A_clock_that_fired_or_ended_is_untouched(string state) =>
        ClockRecalculation.Recompute(Clock(state), Shipped, Corrected).Should().BeNull();

    [Fact]
    public void A_suspended_clock_that_was_already_overdue_is_untouched()
    {
        var clock = Clock("Suspended");
        clock.EscalatedAt = EndOf(3, 16);

        ClockRecalculation.Recompute(clock, Shipped, Corrected).Should().BeNull();
    }

    [Fact]
    public void A_clock_whose_due_instant_does_not_change_is_untouched() =>
        ClockRecalculation.Recompute(Clock(start: Start + Duration.FromDays(14)), Shipped, Corrected).Should().BeNull();

    [Fact]
    public void An_extended_clock_is_recomputed_with_its_extension()
    {
        var clock = Clock(kind: ClockKind.Recognition, start: Almaty.AtStrictly(new LocalDateTime(2027, 1, 13, 10, 0)).ToInstant());
        clock.Length += " + P30D";
        clock.DueAt = EndOf(3, 16);

        var plan = ClockRecalculation.Recompute(clock, Shipped, Corrected);

        plan!.DueAt.Should().Be(EndOf(3, 15), "13 January + 30 days is 12 February, + 30 days is 14 March, a Sunday: the next working day is 15 March once corrected");
    }

    [Theory]
    [InlineData("P7D CalendarDaysNextWorkingDay", null, null)]
    [InlineData("P30D CalendarDaysNextWorkingDay + P30D", null, 30)]
    [InlineData("until 2027-03-01 + P1D BusinessDays", "2027-03-01", null)]
    public void The_stored_length_names_the_chosen_day_and_the_extension(string length, string? until, int? extension)
    {
        var (day, added) = ClockRecalculation.ReadLength(length);

        day.Should().Be(until is null ? null : NodaTime.Text.LocalDatePattern.Iso.Parse(until).Value);
        added.Should().Be(extension is { } days ? Period.FromDays(days) : null);
    }

    static DeadlineClockState Moved(DeadlineClockState clock, ClockPlan plan)
    {
        (clock.DueAt, clock.Reminder50At, clock.Reminder80At) = (plan.DueAt, plan.Reminder50At, plan.Reminder80At);
        return clock;
    }
}
