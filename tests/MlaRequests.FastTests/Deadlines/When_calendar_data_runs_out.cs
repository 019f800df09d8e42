using MlaRequests.Domain.Calendars;
using MlaRequests.Workflows.Data;
using NodaTime;

namespace MlaRequests.FastTests.Deadlines;

public sealed class When_calendar_data_runs_out
{
    [Fact]
    public void Every_country_is_covered_to_the_end_of_2027()
    {
        foreach (var country in WorkflowData.Calendars.Countries)
            CalendarCoverage.LastCoveredDay(WorkflowData.Calendars.For(country)).Should().Be(new LocalDate(2027, 12, 31), country);
    }

    [Fact]
    public void No_warning_is_due_more_than_ninety_days_before_the_last_covered_day()
    {
        CalendarCoverage.RunningOut(WorkflowData.Calendars, new LocalDate(2027, 10, 1)).Should().BeEmpty("31 December 2027 is 91 days away");
    }

    [Fact]
    public void Every_country_is_named_from_ninety_days_before_the_last_covered_day()
    {
        var warnings = CalendarCoverage.RunningOut(WorkflowData.Calendars, new LocalDate(2027, 10, 2));

        warnings.Select(w => w.Country).Should().Equal("KG", "KZ", "TJ", "TM", "UZ");
        warnings.Should().OnlyContain(w => w.LastCoveredDay == new LocalDate(2027, 12, 31) && w.DaysLeft == 90);
    }

    [Fact]
    public void A_calendar_that_has_run_out_is_still_named()
    {
        CalendarCoverage.RunningOut(WorkflowData.Calendars, new LocalDate(2028, 1, 5)).Should().OnlyContain(w => w.DaysLeft == -5);
    }
}
