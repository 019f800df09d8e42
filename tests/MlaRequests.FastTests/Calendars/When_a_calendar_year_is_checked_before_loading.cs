using System.Text.Json.Nodes;
using MlaRequests.Domain.Calendars;
using MlaRequests.Workflows.Data;
using NodaTime;
using static MlaRequests.FastTests.Calendars.CalendarYearFiles;

namespace MlaRequests.FastTests.Calendars;

/// <summary>The rules a calendar year meets before an administrator's load replaces the shipped year (issue 15), rule by rule, each naming its field.</summary>
public sealed class When_a_calendar_year_is_checked_before_loading
{
    static CalendarYearCheck Check(string json, string country = "KZ", int year = 2027) =>
        CalendarYearRules.Check(json, country, year, WorkflowData.Calendars);

    static IEnumerable<string> Fields(CalendarYearCheck check) => check.Errors.Select(e => e.Path);

    [Fact]
    public void A_shipped_year_passes_and_is_read_as_the_shipped_year()
    {
        var check = Check(Year("KZ", 2027));

        check.IsValid.Should().BeTrue(string.Join("; ", check.Errors));
        check.Year!.Holidays.Should().BeEquivalentTo(WorkflowData.Calendars.For("KZ").Year(2027).Holidays);
    }

    [Fact]
    public void Every_shipped_year_of_every_country_passes()
    {
        foreach (var country in WorkflowData.Calendars.Countries)
        {
            foreach (var year in WorkflowData.Calendars.For(country).CoveredYears)
                Check(Year(country, year), country, year).Errors.Should().BeEmpty($"{country} {year}");
        }
    }

    [Fact]
    public void An_unknown_country_is_refused() =>
        Fields(Check(Year("KZ", 2027), "RU")).Should().Equal("$.country");

    [Fact]
    public void A_file_of_another_country_is_refused() =>
        Fields(Check(Year("KG", 2027), "KZ")).Should().Contain("$.country");

    [Fact]
    public void A_year_other_than_the_route_s_is_refused() =>
        Fields(Check(Year("KZ", 2026), "KZ", 2027)).Should().Contain("$.years[0].year");

    [Fact]
    public void More_than_one_year_is_refused() =>
        Fields(Check(Year("KZ", 2027, f => f["years"]!.AsArray().Add(Entry(f).DeepClone())))).Should().Contain("$.years");

    [Fact]
    public void A_date_outside_the_year_is_refused_by_its_path() =>
        Fields(Check(Year("KZ", 2027, f => Entry(f)["holidays"]![2]!["date"] = "2028-01-07"))).Should().Equal("$.years[0].holidays[2].date");

    [Fact]
    public void A_date_that_is_not_a_date_is_refused() =>
        Fields(Check(Year("KZ", 2027, f => Entry(f)["holidays"]![0]!["date"] = "2027-02-30"))).Should().Equal("$.years[0].holidays[0].date");

    [Fact]
    public void A_date_listed_twice_is_refused_at_the_second_entry() =>
        Fields(Check(Year("KZ", 2027, f => Entry(f)["holidays"]![1]!["date"] = (string)Entry(f)["holidays"]![0]!["date"]!)))
            .Should().Equal("$.years[0].holidays[1].date");

    [Fact]
    public void A_holiday_and_an_override_on_one_date_are_refused() =>
        Fields(Check(Year("KZ", 2027, f => Entry(f)["overrides"] = new JsonArray(new JsonObject
        {
            ["date"] = "2027-01-01", ["day"] = "DayOff", ["reason"] = "bridge", ["source"] = "decree",
        })))).Should().Equal("$.years[0].overrides[0].date");

    [Theory]
    [InlineData("kind", "Secular")]
    [InlineData("status", "Rumoured")]
    public void An_unknown_holiday_kind_or_status_is_refused(string field, string value) =>
        Fields(Check(Year("KZ", 2027, f => Entry(f)["holidays"]![0]![field] = value))).Should().Equal($"$.years[0].holidays[0].{field}");

    [Fact]
    public void An_unknown_day_kind_of_an_override_is_refused() =>
        Fields(Check(Year("KZ", 2027, f => Entry(f)["overrides"] = new JsonArray(new JsonObject
        {
            ["date"] = "2027-01-09", ["day"] = "HalfDay", ["reason"] = "swap", ["source"] = "decree",
        })))).Should().Equal("$.years[0].overrides[0].day");

    [Fact]
    public void An_override_that_changes_nothing_is_refused() =>
        Fields(Check(Year("KZ", 2027, f => Entry(f)["overrides"] = new JsonArray(new JsonObject
        {
            ["date"] = "2027-01-11", ["day"] = "WorkingDay", ["reason"] = "a Monday", ["source"] = "decree",
        })))).Should().Equal("$.years[0].overrides[0].day");

    [Theory]
    [InlineData("$.years[0].source")]
    [InlineData("$.years[0].holidays[0].source")]
    [InlineData("$.holidayOnWeekend.source")]
    public void A_missing_source_is_refused(string path) =>
        Fields(Check(Year("KZ", 2027, f =>
        {
            var (owner, name) = path switch
            {
                "$.years[0].source" => (Entry(f), "source"),
                "$.years[0].holidays[0].source" => (Entry(f)["holidays"]![0]!.AsObject(), "source"),
                _ => (f["holidayOnWeekend"]!.AsObject(), "source"),
            };
            owner[name] = " ";
        }))).Should().Equal(path);

    [Fact]
    public void A_missing_verified_flag_is_refused() =>
        Fields(Check(Year("KZ", 2027, f => Entry(f).Remove("verified")))).Should().Equal("$.years[0].verified");

    [Fact]
    public void An_unknown_field_is_refused_by_its_path() =>
        Fields(Check(Year("KZ", 2027, f => Entry(f)["holidays"]![0]!["halfDay"] = true))).Should().Equal("$.years[0].holidays[0].halfDay");

    [Theory]
    [InlineData("timeZone")]
    [InlineData("weekend")]
    [InlineData("holidayOnWeekend.rule")]
    public void A_change_of_the_rules_every_year_shares_is_refused(string field) =>
        Fields(Check(Year("KZ", 2027, f =>
        {
            switch (field)
            {
                case "timeZone": f["timeZone"] = "Asia/Tashkent"; break;
                case "weekend": f["weekend"] = new JsonArray("Sunday"); break;
                default: f["holidayOnWeekend"]!["rule"] = "Never"; break;
            }
        }))).Should().Equal($"$.{field}");

    [Fact]
    public void A_file_over_the_size_bound_is_refused() =>
        Fields(Check(Year("KZ", 2027, f => Entry(f)["source"] = new string('x', CalendarYearRules.MaxBytes)))).Should().Equal("$");

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    public void Text_that_is_not_a_calendar_file_is_refused_as_a_whole(string text) =>
        Fields(Check(text)).Should().Equal("$");

    [Fact]
    public void A_loaded_year_replaces_the_shipped_one_and_a_new_year_extends_the_coverage()
    {
        var corrected = Check(KazakhstanWithout15March()).Year!;
        var next = Check(Year("KZ", 2027, f => Entry(f)["year"] = 2028).Replace("2027-", "2028-", StringComparison.Ordinal), "KZ", 2028).Year!;

        var book = WorkflowData.Calendars.WithYears([("KZ", corrected), ("KZ", next)]);

        book.For("KZ").IsWorkingDay(new LocalDate(2027, 3, 15)).Should().BeTrue();
        WorkflowData.Calendars.For("KZ").IsWorkingDay(new LocalDate(2027, 3, 15)).Should().BeFalse("the shipped data is not changed");
        book.For("KZ").CoveredYears.Should().Equal(2026, 2027, 2028);
        CalendarCoverage.RunningOut(book, new LocalDate(2027, 10, 2)).Select(w => w.Country).Should().NotContain("KZ");
        book.For("KG").Should().BeSameAs(WorkflowData.Calendars.For("KG"));
    }
}
