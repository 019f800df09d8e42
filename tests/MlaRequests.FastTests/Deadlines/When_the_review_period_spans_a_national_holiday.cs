using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using static MlaRequests.FastTests.Deadlines.Region;

namespace MlaRequests.FastTests.Deadlines;

public sealed class When_the_review_period_spans_a_national_holiday
{
    [Fact]
    public void The_deadline_skips_Nauryz_and_the_days_off_moved_from_its_weekend_days()
    {
        // Thu 19 March 2026, Almaty. Fri 20 counts (1); Sat 21 and Sun 22 are Nauryz on a weekend, Mon 23 is Nauryz,
        // Tue 24 and Wed 25 are the moved days off; Thu 26 (2), Fri 27 (3), Mon 30 (4), Tue 31 (5).
        var deadline = Calculator.Compute(ClockKind.InternalReview, LegalBasis.Chisinau2002, false, "KZ", At("2026-03-19T10:00+05:00"));

        deadline.DueAt.Should().Be(At("2026-04-01T00:00+05:00"));
        deadline.Counting.Should().Be(DayCounting.BusinessDays);
        deadline.Warnings.Should().ContainSingle("every holiday in the period is official; only the year is flagged")
            .Which.Should().Contain("KZ calendar for 2026 is not verified");
    }

    [Fact]
    public void The_Kyrgyz_deadline_skips_Orozo_ait_but_gains_nothing_from_Nooruz_on_a_Saturday()
    {
        // Thu 19 March 2026, Bishkek. Fri 20 is Orozo ait; Nooruz is Sat 21 and is not moved (2025 Labour Code);
        // Mon 23 (1) .. Fri 27 (5).
        var deadline = Calculator.Compute(ClockKind.InternalReview, LegalBasis.Chisinau2002, false, "KG", At("2026-03-19T10:00+06:00"));

        deadline.DueAt.Should().Be(At("2026-03-28T00:00+06:00"));
    }

    [Fact]
    public void The_Uzbek_deadline_skips_Ramazon_hayit_and_the_Monday_taken_for_Navruz()
    {
        // Thu 19 March 2026, Tashkent. Fri 20 Ramazon hayit, Sat 21 Navruz moved to Mon 23; Tue 24 (1) .. Mon 30 (5).
        var deadline = Calculator.Compute(ClockKind.InternalReview, LegalBasis.Minsk1993, false, "UZ", At("2026-03-19T10:00+05:00"));

        deadline.DueAt.Should().Be(At("2026-03-31T00:00+05:00"));
    }
}
