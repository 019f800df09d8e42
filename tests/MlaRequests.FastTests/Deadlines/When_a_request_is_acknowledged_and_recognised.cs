using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using NodaTime;
using static MlaRequests.FastTests.Deadlines.Region;

namespace MlaRequests.FastTests.Deadlines;

public sealed class When_a_request_is_acknowledged_and_recognised
{
    static readonly Instant Transmitted = At("2026-03-02T10:00+05:00");

    [Fact]
    public void Acknowledgement_is_due_at_the_end_of_the_seventh_calendar_day_in_Almaty_moved_off_a_day_off()
    {
        var deadline = Calculator.Compute(ClockKind.Acknowledgement, LegalBasis.Untoc, false, "KZ", Transmitted);

        // The seventh day is Mon 9 March, Kazakhstan's day off for Women's Day on Sunday 8 March: the period ends with Tue 10 March.
        deadline.DueAt.Should().Be(At("2026-03-11T00:00+05:00"));
        deadline.Length.Should().Be(Period.FromDays(7));
        deadline.Counting.Should().Be(DayCounting.CalendarDaysNextWorkingDay);
        deadline.Source.Should().Contain("management target, borrowed from EIO Directive 2014/41/EU Art. 16(1)").And.Contain("UNTOC Art. 18(24)");
        deadline.UsesUnverifiedCalendar.Should().BeTrue("Kazakhstan's 2026 data is flagged since the constitutional referendum moved Constitution Day");
    }

    [Fact]
    public void A_calendar_day_period_runs_through_Nauryz_when_it_ends_on_a_working_day()
    {
        var deadline = Calculator.Compute(ClockKind.Acknowledgement, LegalBasis.Untoc, false, "KZ", At("2026-03-19T10:00+05:00"));

        deadline.DueAt.Should().Be(At("2026-03-27T00:00+05:00"));
    }

    [Fact]
    public void Recognition_is_due_after_thirty_days_and_can_be_extended_once_by_thirty()
    {
        var deadline = Calculator.Compute(ClockKind.Recognition, LegalBasis.Untoc, false, "KZ", Transmitted);
        deadline.DueAt.Should().Be(At("2026-04-02T00:00+05:00"));
        deadline.MaxExtension.Should().Be(Period.FromDays(30));

        var extended = Calculator.Extend(deadline, Period.FromDays(30));

        extended.DueAt.Should().Be(At("2026-05-05T00:00+05:00"), "1 May (Unity Day) and the weekend after it move the end to Mon 4 May");
        extended.Extension.Should().Be(Period.FromDays(30));
        extended.Reminders.Last().At.Should().Be(extended.DueAt);
    }

    [Fact]
    public void A_second_extension_of_recognition_is_refused()
    {
        var extended = Calculator.Extend(Calculator.Compute(ClockKind.Recognition, LegalBasis.Untoc, false, "KZ", Transmitted), Period.FromDays(10));

        var again = () => Calculator.Extend(extended, Period.FromDays(5));

        again.Should().Throw<DeadlineExtensionException>().WithMessage("*Recognition*already extended by P10D*only once*");
    }

    [Fact]
    public void An_extension_longer_than_thirty_days_is_refused()
    {
        var deadline = Calculator.Compute(ClockKind.Recognition, LegalBasis.Untoc, false, "KZ", Transmitted);

        var extend = () => Calculator.Extend(deadline, Period.FromDays(31));

        extend.Should().Throw<DeadlineExtensionException>().WithMessage("*at most P30D*P31D*");
    }

    [Fact]
    public void The_acknowledgement_clock_cannot_be_extended()
    {
        var deadline = Calculator.Compute(ClockKind.Acknowledgement, LegalBasis.Untoc, false, "KZ", Transmitted);

        var extend = () => Calculator.Extend(deadline, Period.FromDays(1));

        extend.Should().Throw<DeadlineExtensionException>().WithMessage("*Acknowledgement*cannot be extended*");
    }

    [Fact]
    public void An_urgent_request_is_recognised_within_ten_days()
    {
        var deadline = Calculator.Compute(ClockKind.Recognition, LegalBasis.Untoc, true, "KZ", Transmitted);

        deadline.DueAt.Should().Be(At("2026-03-13T00:00+05:00"));
        deadline.Source.Should().Contain("design choice");
    }
}
