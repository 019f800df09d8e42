using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using NodaTime;

namespace MlaRequests.FastTests.Deadlines;

public sealed class When_reminders_are_due
{
    [Fact]
    public void They_fall_at_exactly_half_four_fifths_and_all_of_the_interval_from_start_to_due()
    {
        var start = Instant.FromUtc(2026, 3, 2, 5, 0);

        var deadline = Region.Calculator.Compute(ClockKind.Recognition, LegalBasis.Chisinau2002, false, "KZ", start);

        // Due 2 April 00:00 Almaty = 1 April 19:00 UTC: 734 hours after the start.
        deadline.DueAt.Should().Be(Instant.FromUtc(2026, 4, 1, 19, 0));
        deadline.Reminders.Should().Equal(
            new DeadlineReminder(50, Instant.FromUtc(2026, 3, 17, 12, 0)),
            new DeadlineReminder(80, Instant.FromUtc(2026, 3, 26, 16, 12)),
            new DeadlineReminder(100, Instant.FromUtc(2026, 4, 1, 19, 0)));
    }

    [Fact]
    public void An_extension_spreads_them_over_the_whole_extended_interval()
    {
        var start = Instant.FromUtc(2026, 3, 2, 5, 0);
        var deadline = Region.Calculator.Compute(ClockKind.Recognition, LegalBasis.Chisinau2002, false, "KZ", start);

        var extended = Region.Calculator.Extend(deadline, Period.FromDays(30));

        // 1 April + 30 days is Fri 1 May, Unity Day; Sat 2 and Sun 3 are the weekend: due at the end of Mon 4 May in Almaty
        // (5 May 00:00 = 4 May 19:00 UTC), 1,526 hours after the start.
        extended.Reminders.Select(r => r.At).Should().Equal(
            start + Duration.FromHours(763),
            start + Duration.FromMinutes(1526 * 60 * 8 / 10),
            Instant.FromUtc(2026, 5, 4, 19, 0));
    }
}
