using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using NodaTime;
using static MlaRequests.FastTests.Deadlines.Region;

namespace MlaRequests.FastTests.Deadlines;

public sealed class When_provisional_measures_are_requested
{
    [Fact]
    public void The_clock_is_exactly_twenty_four_hours_across_local_midnight_and_weekends()
    {
        var start = At("2026-03-20T21:17+05:00") + Duration.FromMilliseconds(500); // a Friday evening, the eve of Navruz

        var deadline = Calculator.Compute(ClockKind.ProvisionalMeasures, LegalBasis.Minsk1993, false, "UZ", start);

        deadline.DueAt.Should().Be(start + Duration.FromHours(24));
        deadline.Counting.Should().Be(DayCounting.Hours);
        deadline.Length.Should().Be(Period.FromHours(24));
    }

    [Fact]
    public void Its_reminders_fall_after_twelve_hours_nineteen_hours_twelve_minutes_and_twenty_four_hours()
    {
        var start = Instant.FromUtc(2026, 3, 2, 5, 0);

        var deadline = Calculator.Compute(ClockKind.ProvisionalMeasures, LegalBasis.Untoc, true, "TJ", start);

        deadline.Reminders.Should().Equal(
            new DeadlineReminder(50, start + Duration.FromHours(12)),
            new DeadlineReminder(80, start + Duration.FromMinutes(19 * 60 + 12)),
            new DeadlineReminder(100, start + Duration.FromHours(24)));
    }
}
