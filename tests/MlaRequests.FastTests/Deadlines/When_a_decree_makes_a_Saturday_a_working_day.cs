using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using static MlaRequests.FastTests.Deadlines.Region;

namespace MlaRequests.FastTests.Deadlines;

public sealed class When_a_decree_makes_a_Saturday_a_working_day
{
    [Fact]
    public void The_working_Saturday_counts_as_a_business_day()
    {
        // Wed 11 March 2026, Dushanbe: Thu 12 (1), Fri 13 (2), Sat 14 worked by decree (3), Mon 16 (4), Tue 17 (5).
        var deadline = Calculator.Compute(ClockKind.InternalReview, LegalBasis.Chisinau2002, false, "TJ", At("2026-03-11T09:00+05:00"));

        deadline.DueAt.Should().Be(At("2026-03-18T00:00+05:00"));
    }

    [Fact]
    public void An_ordinary_Saturday_a_week_earlier_does_not_count()
    {
        // Wed 4 March 2026: Thu 5 (1), Fri 6 (2), Sat 7 and Sun 8 off, Mon 9 is the day off moved from Mother's Day; Tue 10 (3) .. Thu 12 (5).
        var deadline = Calculator.Compute(ClockKind.InternalReview, LegalBasis.Chisinau2002, false, "TJ", At("2026-03-04T09:00+05:00"));

        deadline.DueAt.Should().Be(At("2026-03-13T00:00+05:00"));
    }

    [Fact]
    public void The_Uzbek_December_swap_is_a_working_Saturday_and_a_free_Thursday()
    {
        var uz = Calendar("UZ");

        uz.IsWorkingDay(Day("2026-12-12")).Should().BeTrue();
        uz.IsWorkingDay(Day("2026-12-31")).Should().BeFalse();
    }
}
