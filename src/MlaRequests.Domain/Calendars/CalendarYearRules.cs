using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace MlaRequests.Domain.Calendars;

/// <summary>
/// The rules a calendar year must meet before an administrator's load replaces the year in force (issue 15; the file format of
/// <c>workflows/MlaRequests.Workflows/Data/calendars/</c> with exactly one year). Pure: each broken rule names its field by
/// JSON path. The country's header (time zone, weekend, weekend rule) must be the one in force: a load replaces one year,
/// never the rules every year shares (those change with a release).
/// </summary>
public static class CalendarYearRules
{
    /// <summary>The largest file accepted, in UTF-8 bytes (a year has a few dozen lines; the largest shipped file is under 20 KiB).</summary>
    public const int MaxBytes = 64 * 1024;

    static readonly HashSet<string> FileFields = ["country", "name", "timeZone", "timeZoneNote", "weekend", "weekendNote", "holidayOnWeekend", "years"];
    static readonly HashSet<string> RuleFields = ["rule", "onDays", "exceptKinds", "source"];
    static readonly HashSet<string> YearFields = ["year", "verified", "source", "holidays", "overrides", "observances"];
    static readonly HashSet<string> HolidayFields = ["date", "name", "kind", "status", "source"];
    static readonly HashSet<string> OverrideFields = ["date", "day", "reason", "source"];

    /// <summary>Checks <paramref name="json"/> as the <paramref name="year"/> of <paramref name="country"/> against the calendars in force.</summary>
    public static CalendarYearCheck Check(string json, string country, int year, CalendarBook inForce)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(country);
        ArgumentNullException.ThrowIfNull(inForce);
        var errors = new List<CalendarFieldError>();
        if (!inForce.Countries.Contains(country, StringComparer.Ordinal))
            return Failed(new("$.country", $"'{country}' is not a country with a calendar (known: {string.Join(", ", inForce.Countries)})."));
        if (Encoding.UTF8.GetByteCount(json) > MaxBytes)
            return Failed(new("$", $"The file is larger than {MaxBytes / 1024} KiB."));
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            return Failed(new("$", $"The file is not JSON: {e.Message}"));
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Failed(new("$", "The file must be a JSON object (one country's calendar file)."));
            Unknown(root, "$", FileFields, errors);
            var calendar = inForce.For(country);
            CheckHeader(root, country, calendar, errors);
            CheckYears(root, year, calendar, errors);
        }
        if (errors.Count > 0) return new CalendarYearCheck(errors, null);
        try
        {
            return new CalendarYearCheck([], CalendarJson.Parse(json).Year(year));
        }
        catch (InvalidDataException e)
        {
            return Failed(new("$", e.Message));
        }
    }

    static CalendarYearCheck Failed(CalendarFieldError error) => new([error], null);

    static void CheckHeader(JsonElement root, string country, BusinessCalendar calendar, List<CalendarFieldError> errors)
    {
        var code = Text(root, "country", "$", errors);
        if (code is not null && code != country)
            errors.Add(new("$.country", $"The file is for '{code}' but is loaded as {country}'s calendar."));
        var zone = Text(root, "timeZone", "$", errors);
        if (zone is not null && zone != calendar.Zone.Id)
            errors.Add(new("$.timeZone", $"The time zone in force is {calendar.Zone.Id}; a load changes one year, not the time zone."));
        if (Days(root, "weekend", "$", errors) is { } weekend && !weekend.SetEquals(calendar.Weekend))
            errors.Add(new("$.weekend", $"The weekend in force is {string.Join(", ", calendar.Weekend.Order())}; a load changes one year, not the weekend."));
        if (!root.TryGetProperty("holidayOnWeekend", out var rule) || rule.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("$.holidayOnWeekend", "holidayOnWeekend is required (the rule in force, unchanged)."));
            return;
        }
        const string at = "$.holidayOnWeekend";
        Unknown(rule, at, RuleFields, errors);
        var inForce = calendar.HolidayOnWeekend;
        if (Named<HolidayTransfer>(rule, "rule", at, errors) is { } transfer && transfer != inForce.Transfer)
            errors.Add(new($"{at}.rule", $"The rule in force is {inForce.Transfer}; a load changes one year, not the labour code's rule."));
        if (OptionalDays(rule, "onDays", at, errors) is { } onDays && !onDays.SetEquals(inForce.OnDays))
            errors.Add(new($"{at}.onDays", $"The days in force are {string.Join(", ", inForce.OnDays.Order())}."));
        if (OptionalKinds(rule, at, errors) is { } kinds && !kinds.SetEquals(inForce.ExceptKinds))
            errors.Add(new($"{at}.exceptKinds", $"The kinds in force are {string.Join(", ", inForce.ExceptKinds.Order())}."));
        Text(rule, "source", at, errors);
    }

    static void CheckYears(JsonElement root, int year, BusinessCalendar calendar, List<CalendarFieldError> errors)
    {
        if (!root.TryGetProperty("years", out var years) || years.ValueKind != JsonValueKind.Array || years.GetArrayLength() != 1)
        {
            errors.Add(new("$.years", $"years must hold exactly one entry: the year {year} being loaded."));
            return;
        }
        var entry = years[0];
        const string at = "$.years[0]";
        if (entry.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(at, "A year entry must be an object."));
            return;
        }
        Unknown(entry, at, YearFields, errors);
        if (!entry.TryGetProperty("year", out var number) || !number.TryGetInt32(out var given))
            errors.Add(new($"{at}.year", "year is required (a whole number)."));
        else if (given != year)
            errors.Add(new($"{at}.year", $"The file holds {given} but is loaded as {year}."));
        if (!entry.TryGetProperty("verified", out var verified) || verified.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            errors.Add(new($"{at}.verified", "verified is required (true only when every act of the year was read)."));
        Text(entry, "source", at, errors);
        var dates = new Dictionary<LocalDate, string>();
        foreach (var (item, path) in Items(entry, "holidays", at, errors))
        {
            if (!Fields(item, path, HolidayFields, errors)) continue;
            Once(Date(item, path, year, errors), path, dates, errors);
            Text(item, "name", path, errors);
            Named<HolidayKind>(item, "kind", path, errors);
            Named<DateStatus>(item, "status", path, errors);
            Text(item, "source", path, errors);
        }
        foreach (var (item, path) in Items(entry, "overrides", at, errors))
        {
            if (!Fields(item, path, OverrideFields, errors)) continue;
            var date = Date(item, path, year, errors);
            Once(date, path, dates, errors);
            var day = Named<OverrideDay>(item, "day", path, errors);
            if (date is { } d && day is { } made && (made == OverrideDay.WorkingDay) != calendar.Weekend.Contains(d.DayOfWeek))
                errors.Add(new($"{path}.day", $"{d:uuuu-MM-dd} is a {d.DayOfWeek}: {made} changes nothing (a decree makes a weekend day a working day or a weekday a day off)."));
            Text(item, "reason", path, errors);
            Text(item, "source", path, errors);
        }
        var observed = new Dictionary<LocalDate, string>();
        foreach (var (item, path) in Items(entry, "observances", at, errors))
        {
            if (!Fields(item, path, HolidayFields, errors)) continue;
            Once(Date(item, path, year, errors), path, observed, errors);
            Text(item, "name", path, errors);
            Named<HolidayKind>(item, "kind", path, errors);
            Named<DateStatus>(item, "status", path, errors);
            Text(item, "source", path, errors);
        }
    }

    static IEnumerable<(JsonElement Item, string Path)> Items(JsonElement entry, string name, string at, List<CalendarFieldError> errors)
    {
        if (!entry.TryGetProperty(name, out var list) || list.ValueKind == JsonValueKind.Null) return [];
        if (list.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new($"{at}.{name}", $"{name} must be a list."));
            return [];
        }
        return list.EnumerateArray().Select((item, i) => (item, $"{at}.{name}[{i}]"));
    }

    static bool Fields(JsonElement item, string path, HashSet<string> allowed, List<CalendarFieldError> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(path, "An entry must be an object."));
            return false;
        }
        Unknown(item, path, allowed, errors);
        return true;
    }

    static void Once(LocalDate? date, string path, Dictionary<LocalDate, string> seen, List<CalendarFieldError> errors)
    {
        if (date is not { } d) return;
        if (seen.TryGetValue(d, out var first))
            errors.Add(new($"{path}.date", $"{d:uuuu-MM-dd} has more than one entry (also {first}); one holiday or one override per date."));
        else
            seen.Add(d, path);
    }

    static LocalDate? Date(JsonElement item, string path, int year, List<CalendarFieldError> errors)
    {
        var text = Text(item, "date", path, errors);
        if (text is null) return null;
        var parsed = LocalDatePattern.Iso.Parse(text);
        if (!parsed.Success)
        {
            errors.Add(new($"{path}.date", $"'{text}' is not a yyyy-MM-dd date."));
            return null;
        }
        if (parsed.Value.Year != year)
        {
            errors.Add(new($"{path}.date", $"{text} is not in {year}."));
            return null;
        }
        return parsed.Value;
    }

    static T? Named<T>(JsonElement item, string name, string path, List<CalendarFieldError> errors) where T : struct, Enum
    {
        var text = Text(item, name, path, errors);
        if (text is null) return null;
        if (text.All(char.IsLetter) && Enum.TryParse<T>(text, ignoreCase: false, out var value) && Enum.IsDefined(value)) return value;
        errors.Add(new($"{path}.{name}", $"'{text}' is not one of {string.Join(", ", Enum.GetNames<T>())}."));
        return null;
    }

    static HashSet<IsoDayOfWeek>? Days(JsonElement item, string name, string path, List<CalendarFieldError> errors)
    {
        if (!item.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new($"{path}.{name}", $"{name} is required (a list of days)."));
            return null;
        }
        return Listed<IsoDayOfWeek>(list, $"{path}.{name}", errors);
    }

    static HashSet<IsoDayOfWeek>? OptionalDays(JsonElement item, string name, string path, List<CalendarFieldError> errors) =>
        item.TryGetProperty(name, out var list) && list.ValueKind != JsonValueKind.Null ? Days(item, name, path, errors) : [];

    static HashSet<HolidayKind>? OptionalKinds(JsonElement item, string path, List<CalendarFieldError> errors)
    {
        if (!item.TryGetProperty("exceptKinds", out var list) || list.ValueKind == JsonValueKind.Null) return [];
        if (list.ValueKind == JsonValueKind.Array) return Listed<HolidayKind>(list, $"{path}.exceptKinds", errors);
        errors.Add(new($"{path}.exceptKinds", "exceptKinds must be a list."));
        return null;
    }

    static HashSet<T>? Listed<T>(JsonElement list, string path, List<CalendarFieldError> errors) where T : struct, Enum
    {
        var values = new HashSet<T>();
        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var text = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (text is not null && text.All(char.IsLetter) && Enum.TryParse<T>(text, ignoreCase: false, out var value) && Enum.IsDefined(value))
                values.Add(value);
            else
            {
                errors.Add(new($"{path}[{i}]", $"'{text ?? item.GetRawText()}' is not one of {string.Join(", ", Enum.GetNames<T>())}."));
                return null;
            }
            i++;
        }
        return values;
    }

    static string? Text(JsonElement item, string name, string path, List<CalendarFieldError> errors)
    {
        if (item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
            return value.GetString();
        errors.Add(new($"{path}.{name}", $"{name} is required."));
        return null;
    }

    static void Unknown(JsonElement item, string path, HashSet<string> allowed, List<CalendarFieldError> errors) =>
        errors.AddRange(item.EnumerateObject().Where(p => !allowed.Contains(p.Name))
            .Select(p => new CalendarFieldError($"{path}.{p.Name}", $"'{p.Name}' is not a field of the calendar format.")));
}
