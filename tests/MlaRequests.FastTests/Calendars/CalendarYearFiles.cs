using System.Text.Json.Nodes;
using MlaRequests.Workflows.Data;

namespace MlaRequests.FastTests.Calendars;

/// <summary>Calendar files with one year, made from the shipped data, as an administrator would load them.</summary>
public static class CalendarYearFiles
{
    /// <summary>The shipped file of <paramref name="country"/> with only <paramref name="year"/>, changed by <paramref name="change"/>.</summary>
    public static string Year(string country, int year, Action<JsonObject>? change = null)
    {
        var file = JsonNode.Parse(WorkflowData.RawText($"calendars/{country}.json"))!.AsObject();
        var years = file["years"]!.AsArray();
        var entry = years.Single(y => (int)y!["year"]! == year)!.DeepClone().AsObject();
        years.Clear();
        years.Add(entry);
        change?.Invoke(file);
        return file.ToJsonString();
    }

    /// <summary>The year entry of a file made by <see cref="Year"/>.</summary>
    public static JsonObject Entry(JsonObject file) => file["years"]![0]!.AsObject();

    /// <summary>Kazakhstan's 2027 as checked: 15 March is not a day off after all (the test's premise, not a legal finding).</summary>
    public static string KazakhstanWithout15March() => Year("KZ", 2027, f =>
    {
        var entry = Entry(f);
        var holidays = entry["holidays"]!.AsArray();
        holidays.Remove(holidays.Single(h => (string)h!["date"]! == "2027-03-15"));
        entry["source"] = "test: the checked 2027 list without 15 March";
    });
}
