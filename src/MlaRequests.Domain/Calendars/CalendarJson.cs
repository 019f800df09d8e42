using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace MlaRequests.Domain.Calendars;

/// <summary>Reads one country's calendar file (shape: workflows/MlaRequests.Workflows/Data/README.md) and checks it.</summary>
static class CalendarJson
{
    static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static BusinessCalendar Parse(string json)
    {
        CountryFile file;
        try
        {
            file = JsonSerializer.Deserialize<CountryFile>(json, Options) ?? throw new InvalidDataException("A calendar file is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"A calendar file is not valid: {e.Message}", e);
        }
        var country = Required(file.Country, "country", "calendar");
        var where = $"Calendar {country}";
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(Required(file.TimeZone, "timeZone", where))
            ?? throw new InvalidDataException($"{where}: unknown time zone '{file.TimeZone}'.");
        var weekend = (file.Weekend ?? []).Select(d => Named<IsoDayOfWeek>(d, "weekend", where)).ToHashSet();
        if (weekend.Count == 0) throw new InvalidDataException($"{where}: weekend is required.");
        var rule = Rule(file.HolidayOnWeekend ?? throw new InvalidDataException($"{where}: holidayOnWeekend is required."), weekend, where);
        var years = (file.Years ?? []).Select(y => Year(y, weekend, where)).ToList();
        if (years.Count == 0) throw new InvalidDataException($"{where}: no years.");
        var repeated = years.GroupBy(y => y.Year).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new InvalidDataException($"{where}: year {repeated.Key} appears twice.");
        return new BusinessCalendar(country, zone, weekend, rule, years);
    }

    static HolidayOnWeekendRule Rule(RuleEntry entry, HashSet<IsoDayOfWeek> weekend, string where)
    {
        var at = $"{where}: holidayOnWeekend";
        var transfer = Named<HolidayTransfer>(entry.Rule, "rule", at);
        var onDays = (entry.OnDays ?? []).Select(d => Named<IsoDayOfWeek>(d, "onDays", at)).ToHashSet();
        if (!onDays.IsSubsetOf(weekend)) throw new InvalidDataException($"{at}: onDays must be weekend days.");
        if (transfer == HolidayTransfer.NextWorkingDay && onDays.Count == 0) throw new InvalidDataException($"{at}: onDays is required when holidays move.");
        var except = (entry.ExceptKinds ?? []).Select(k => Named<HolidayKind>(k, "exceptKinds", at)).ToHashSet();
        return new HolidayOnWeekendRule(transfer, onDays, except, Required(entry.Source, "source", at));
    }

    static CalendarYear Year(YearEntry entry, HashSet<IsoDayOfWeek> weekend, string where)
    {
        var year = entry.Year ?? throw new InvalidDataException($"{where}: a year entry has no year.");
        var at = $"{where} {year}";
        var holidays = (entry.Holidays ?? []).Select(h => Holiday(h, year, at)).ToList();
        var overrides = (entry.Overrides ?? []).Select(o => Override(o, year, weekend, at)).ToList();
        var dates = holidays.Select(h => h.Date).Concat(overrides.Select(o => o.Date));
        var twice = dates.GroupBy(d => d).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new InvalidDataException($"{at}: {twice.Key:uuuu-MM-dd} has more than one entry (one holiday or one override per date).");
        var observances = (entry.Observances ?? []).Select(h => Holiday(h, year, $"{at} observance")).ToList();
        var verified = entry.Verified ?? throw new InvalidDataException($"{at}: verified is required.");
        return new CalendarYear(year, verified, Required(entry.Source, "source", at), holidays, overrides, observances);
    }

    static CalendarHoliday Holiday(HolidayEntry entry, int year, string where)
    {
        var date = Date(entry.Date, year, where);
        var at = $"{where}: holiday {date:uuuu-MM-dd}";
        return new CalendarHoliday(
            date,
            Required(entry.Name, "name", at),
            Named<HolidayKind>(entry.Kind, "kind", at),
            Named<DateStatus>(entry.Status, "status", at),
            Required(entry.Source, "source", at));
    }

    static CalendarOverride Override(OverrideEntry entry, int year, HashSet<IsoDayOfWeek> weekend, string where)
    {
        var date = Date(entry.Date, year, where);
        var at = $"{where}: override {date:uuuu-MM-dd}";
        var day = Named<OverrideDay>(entry.Day, "day", at);
        var changesTheDay = day == OverrideDay.WorkingDay ? weekend.Contains(date.DayOfWeek) : !weekend.Contains(date.DayOfWeek);
        if (!changesTheDay)
            throw new InvalidDataException($"{at}: a decree makes a weekend day a working day, or a weekday a day off; {date.DayOfWeek} {day} changes nothing.");
        return new CalendarOverride(date, day, Required(entry.Reason, "reason", at), Required(entry.Source, "source", at));
    }

    static LocalDate Date(string? text, int year, string where)
    {
        var parsed = LocalDatePattern.Iso.Parse(Required(text, "date", where));
        if (!parsed.Success) throw new InvalidDataException($"{where}: '{text}' is not a yyyy-MM-dd date.");
        if (parsed.Value.Year != year) throw new InvalidDataException($"{where}: {text} is filed under the wrong year.");
        return parsed.Value;
    }

    static T Named<T>(string? text, string field, string where) where T : struct, Enum =>
        Required(text, field, where).All(char.IsLetter) && System.Enum.TryParse<T>(text, ignoreCase: false, out var value) && System.Enum.IsDefined(value)
            ? value
            : throw new InvalidDataException($"{where}: {field} '{text}' is not one of {string.Join(", ", System.Enum.GetNames<T>())}.");

    static string Required(string? text, string field, string where) =>
        string.IsNullOrWhiteSpace(text) ? throw new InvalidDataException($"{where}: {field} is required.") : text;

    sealed record CountryFile(
        string? Country, string? Name, string? TimeZone, string? TimeZoneNote, string[]? Weekend, string? WeekendNote,
        RuleEntry? HolidayOnWeekend, YearEntry[]? Years);

    sealed record RuleEntry(string? Rule, string[]? OnDays, string[]? ExceptKinds, string? Source);

    sealed record YearEntry(int? Year, bool? Verified, string? Source, HolidayEntry[]? Holidays, OverrideEntry[]? Overrides, HolidayEntry[]? Observances);

    sealed record HolidayEntry(string? Date, string? Name, string? Kind, string? Status, string? Source);

    sealed record OverrideEntry(string? Date, string? Day, string? Reason, string? Source);
}
