using System.Text.Json;
using MlaRequests.Domain.Calendars;
using MlaRequests.Workflows.Data;
using NodaTime;
using static MlaRequests.FastTests.Deadlines.Region;

namespace MlaRequests.FastTests.Deadlines;

public sealed class When_the_calendar_data_is_loaded
{
    public static TheoryData<string, string, int> Zones => new()
    {
        { "KZ", "Asia/Almaty", 5 },
        { "KG", "Asia/Bishkek", 6 },
        { "TJ", "Asia/Dushanbe", 5 },
        { "TM", "Asia/Ashgabat", 5 },
        { "UZ", "Asia/Tashkent", 5 },
    };

    [Fact]
    public void Every_file_parses_and_covers_2026_and_2027_for_all_five_countries()
    {
        WorkflowData.Names.Where(n => n.StartsWith(WorkflowData.CalendarPrefix, StringComparison.Ordinal))
            .Should().Equal("calendars/KG.json", "calendars/KZ.json", "calendars/TJ.json", "calendars/TM.json", "calendars/UZ.json");
        WorkflowData.Calendars.Countries.Should().Equal("KG", "KZ", "TJ", "TM", "UZ");
        foreach (var country in WorkflowData.Calendars.Countries)
            Calendar(country).CoveredYears.Should().Contain([2026, 2027], $"{country} must cover both years");
    }

    [Theory]
    [MemberData(nameof(Zones))]
    public void Each_country_counts_in_its_own_time_zone(string country, string zoneId, int offsetHours)
    {
        var zone = Calendar(country).Zone;

        zone.Id.Should().Be(zoneId);
        zone.GetUtcOffset(Instant.FromUtc(2026, 6, 1, 0, 0)).Should().Be(Offset.FromHours(offsetHours));
        zone.GetUtcOffset(Instant.FromUtc(2027, 1, 1, 0, 0)).Should().Be(Offset.FromHours(offsetHours));
    }

    [Fact]
    public void Every_holiday_override_rule_and_year_names_its_source()
    {
        foreach (var name in WorkflowData.Names.Where(n => n.StartsWith(WorkflowData.CalendarPrefix, StringComparison.Ordinal)))
        {
            using var file = JsonDocument.Parse(WorkflowData.RawText(name));
            var root = file.RootElement;
            Source(root.GetProperty("holidayOnWeekend")).Should().NotBeNullOrWhiteSpace($"{name}: the weekend rule needs its act");
            foreach (var year in root.GetProperty("years").EnumerateArray())
            {
                Source(year).Should().NotBeNullOrWhiteSpace($"{name} {year.GetProperty("year")}");
                var entries = new[] { "holidays", "overrides", "observances" }
                    .Where(list => year.TryGetProperty(list, out _))
                    .SelectMany(list => year.GetProperty(list).EnumerateArray());
                foreach (var entry in entries)
                    Source(entry).Should().NotBeNullOrWhiteSpace($"{name}: {entry.GetProperty("date")} needs its act");
            }
        }
    }

    [Fact]
    public void The_years_without_published_decrees_are_unverified_and_say_why()
    {
        foreach (var country in WorkflowData.Calendars.Countries)
        {
            var calendar = Calendar(country);
            calendar.IsVerified(2027).Should().BeFalse($"no 2027 decree is published for {country}");
            calendar.Year(2027).Source.Should().StartWith("expected: decree not yet published");
        }
        Calendar("TM").IsVerified(2026).Should().BeFalse("Turkmenistan's per-occasion decrees after March 2026 were not reviewed");
        Calendar("KZ").IsVerified(2026).Should().BeFalse("the act amending the Law on holidays after the referendum of 15 March 2026 was not read");
        Calendar("KZ").Year(2026).Source.Should().StartWith("UNVERIFIED since the 2026 constitutional referendum");
        new[] { "KG", "TJ", "UZ" }.Should().OnlyContain(c => Calendar(c).IsVerified(2026));
    }

    [Fact]
    public void Each_year_gives_both_Islamic_holidays_saying_whether_the_date_is_official_or_expected()
    {
        string[] fitr = ["Oraza", "Orozo", "Ramazon"];
        string[] adha = ["Kurban", "Kurman", "Qurbon"];
        foreach (var country in WorkflowData.Calendars.Countries)
        {
            foreach (var year in new[] { 2026, 2027 })
            {
                var data = Calendar(country).Year(year);
                var dates = data.Holidays.Concat(data.Observances).ToList();
                dates.Should().Contain(h => fitr.Any(h.Name.Contains), $"{country} {year} needs Oraza/Ramazan ait");
                dates.Should().Contain(h => adha.Any(h.Name.Contains), $"{country} {year} needs Kurban/Eid al-Adha");
                if (year == 2027)
                    dates.Where(h => h.Kind == HolidayKind.Religious && !h.Name.Contains("Christmas", StringComparison.Ordinal))
                        .Should().OnlyContain(h => h.Status == DateStatus.Expected, "no 2027 Islamic date is fixed yet");
            }
        }
    }

    [Fact]
    public void The_Tajik_2026_calendar_has_the_116_days_off_the_published_calendar_counts()
    {
        var tj = Calendar("TJ");
        var days = Enumerable.Range(0, 365).Select(i => new LocalDate(2026, 1, 1).PlusDays(i));

        days.Count(d => !tj.IsWorkingDay(d)).Should().Be(116, "Sputnik Tajikistan, 9 December 2025: 116 days off in 2026");
    }

    [Fact]
    public void A_holiday_without_a_source_is_rejected_when_the_data_is_read()
    {
        var json = WorkflowData.RawText("calendars/KZ.json").Replace(
            "\"source\": \"Law of the RK 'On holidays in the Republic of Kazakhstan' of 13 December 2001 No. 267-II\"", "\"source\": \"\"");

        var parse = () => CalendarBook.Parse([json]);

        parse.Should().Throw<InvalidDataException>().WithMessage("Calendar KZ 2026: holiday 2026-01-01: source is required.");
    }

    [Fact]
    public void A_decree_override_that_changes_nothing_is_rejected()
    {
        var json = WorkflowData.RawText("calendars/TJ.json").Replace(
            "{ \"date\": \"2026-01-10\", \"day\": \"WorkingDay\"", "{ \"date\": \"2026-01-12\", \"day\": \"WorkingDay\"");

        var parse = () => CalendarBook.Parse([json]);

        parse.Should().Throw<InvalidDataException>().WithMessage("Calendar TJ 2026: override 2026-01-12:*Monday WorkingDay changes nothing.");
    }

    static string? Source(JsonElement element) => element.TryGetProperty("source", out var source) ? source.GetString() : null;
}
