using MlaRequests.Domain.Calendars;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using static MlaRequests.FastTests.Deadlines.Region;

namespace MlaRequests.FastTests.Deadlines;

public sealed class When_a_year_has_no_verified_calendar_data
{
    [Fact]
    public void A_business_day_deadline_in_an_uncovered_year_is_refused_with_a_clear_message()
    {
        var compute = () => Calculator.Compute(ClockKind.InternalReview, LegalBasis.Untoc, false, "KZ", At("2031-01-06T10:00+05:00"));

        compute.Should().Throw<CalendarYearNotCoveredException>()
            .WithMessage("The KZ business calendar has no data for 2031 (covered years: 2026, 2027)*cannot be counted without guessing*calendars/KZ.json*")
            .Which.Year.Should().Be(2031);
    }

    [Fact]
    public void A_count_that_runs_into_an_uncovered_year_is_refused()
    {
        var compute = () => Calculator.Compute(ClockKind.InternalReview, LegalBasis.Untoc, false, "KZ", At("2027-12-29T10:00+05:00"));

        compute.Should().Throw<CalendarYearNotCoveredException>().Which.Year.Should().Be(2028);
    }

    [Fact]
    public void A_calendar_day_deadline_beyond_the_data_ends_where_it_falls_and_is_flagged()
    {
        var deadline = Calculator.Compute(ClockKind.Acknowledgement, LegalBasis.Untoc, false, "KZ", At("2031-01-06T10:00+05:00"));

        deadline.DueAt.Should().Be(At("2031-01-14T00:00+05:00"));
        deadline.UsesUnverifiedCalendar.Should().BeTrue();
        deadline.Warnings.Should().ContainSingle().Which.Should().Contain("does not cover 2031");
    }

    [Fact]
    public void An_unverified_year_is_used_but_reported_in_the_result()
    {
        // Mon 1 March 2027: Tue 2 (1) .. Fri 5 (4); Mon 8 is Women's Day; Tue 9 (5).
        var deadline = Calculator.Compute(ClockKind.InternalReview, LegalBasis.Untoc, false, "KZ", At("2027-03-01T10:00+05:00"));

        deadline.DueAt.Should().Be(At("2027-03-10T00:00+05:00"));
        deadline.UsesUnverifiedCalendar.Should().BeTrue();
        deadline.Warnings.Should().ContainSingle().Which.Should().Contain("KZ calendar for 2027 is not verified").And.Contain("expected: decree not yet published");
    }

    [Fact]
    public void An_expected_holiday_date_in_a_verified_year_is_reported_without_marking_the_year_unverified()
    {
        // Mon 25 May 2026, Bishkek: Tue 26 (1); Kurman ait is expected on Wed 27 May; Thu 28 (2) .. Tue 2 June (5).
        var deadline = Calculator.Compute(ClockKind.InternalReview, LegalBasis.Chisinau2002, false, "KG", At("2026-05-25T10:00+06:00"));

        deadline.DueAt.Should().Be(At("2026-06-03T00:00+06:00"));
        deadline.UsesUnverifiedCalendar.Should().BeFalse();
        deadline.Warnings.Should().ContainSingle().Which.Should().Contain("KG 2026-05-27 (Kurman ait)").And.Contain("expected");
    }
}
