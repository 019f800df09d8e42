using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using NodaTime;
using static MlaRequests.FastTests.Deadlines.Region;

namespace MlaRequests.FastTests.Deadlines;

public sealed class When_a_JIT_agreement_runs_to_its_end_date
{
    [Fact]
    public void The_clock_is_due_at_the_end_of_the_last_day_in_the_acting_country_and_reminds_at_half_and_four_fifths()
    {
        var start = Instant.FromUtc(2026, 7, 1, 5, 0); // 10:00 in Almaty

        var deadline = Calculator.UntilEndOf(ClockKind.JitPeriod, LegalBasis.Chisinau2002, false, "KZ", start, new LocalDate(2027, 6, 30));

        deadline.DueAt.Should().Be(Instant.FromUtc(2027, 6, 30, 19, 0), "midnight after 30 June 2027 in Almaty");
        deadline.Length.Should().Be(Period.FromDays(365));
        deadline.Reminders.Select(r => r.Percent).Should().Equal(50, 80, 100);
        deadline.Reminders.Should().OnlyContain(r => r.At > start && r.At <= deadline.DueAt);
        deadline.Source.Should().Contain("end date").And.Contain("not a treaty rule");
    }

    [Fact]
    public void The_end_date_counts_not_the_policy_s_length_and_an_urgent_request_changes_nothing()
    {
        var start = Instant.FromUtc(2026, 7, 1, 5, 0);

        var urgent = Calculator.UntilEndOf(ClockKind.JitPeriod, LegalBasis.Untoc, true, "KG", start, new LocalDate(2026, 12, 31));

        urgent.DueAt.Should().Be(Instant.FromUtc(2026, 12, 31, 18, 0), "midnight after 31 December 2026 in Bishkek");
    }

    [Fact]
    public void An_agreement_whose_last_day_has_passed_is_due_at_once()
    {
        var start = Instant.FromUtc(2026, 7, 1, 5, 0);

        var late = Calculator.UntilEndOf(ClockKind.JitPeriod, LegalBasis.Untoc, false, "KZ", start, new LocalDate(2026, 6, 1));

        late.DueAt.Should().Be(start);
    }
}
