using System.Text.Json;
using System.Text.Json.Serialization;
using MlaRequests.Domain.Requests;
using NodaTime;
using NodaTime.Text;

namespace MlaRequests.Domain.Deadlines;

/// <summary>Reads deadline-policies.json (shape: workflows/MlaRequests.Workflows/Data/README.md) and checks each rule.</summary>
static class DeadlinePolicyJson
{
    static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static DeadlinePolicyBook Parse(string json)
    {
        PolicyFile file;
        try
        {
            file = JsonSerializer.Deserialize<PolicyFile>(json, Options) ?? throw new InvalidDataException("Deadline policies: the file is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Deadline policies: not valid: {e.Message}", e);
        }
        var reminders = file.Reminders ?? throw new InvalidDataException("Deadline policies: reminders are required.");
        if (reminders.Length == 0 || reminders.Any(p => p is < 1 or > 100) || !reminders.SequenceEqual(reminders.Order().Distinct()))
            throw new InvalidDataException("Deadline policies: reminders must be ascending percentages between 1 and 100.");
        var variants = (file.Variants ?? []).ToDictionary(v => v.Key, v => Rules(v.Value.Rules, $"variant '{v.Key}'"));
        var byBasis = new Dictionary<(LegalBasis, string), IReadOnlyDictionary<ClockKind, DeadlineRule>>();
        foreach (var (basisName, basisVariants) in file.ByLegalBasis ?? [])
        {
            var basis = Named<LegalBasis>(basisName, "byLegalBasis");
            foreach (var (variant, rules) in basisVariants)
            {
                if (!variants.ContainsKey(variant)) throw new InvalidDataException($"Deadline policies: byLegalBasis.{basisName} names unknown variant '{variant}'.");
                byBasis[(basis, variant)] = Rules(rules, $"byLegalBasis.{basisName}.{variant}");
            }
        }
        var milestoneDays = file.MilestoneReminderDays ?? [7, 1];
        if (milestoneDays.Any(d => d is < 1 or > 365) || milestoneDays.Distinct().Count() != milestoneDays.Length)
            throw new InvalidDataException("Deadline policies: milestoneReminderDays must be distinct numbers of days between 1 and 365.");
        var desiredDays = file.DesiredDateReminderDays ?? [14, 3];
        if (desiredDays.Any(d => d is < 1 or > 365) || desiredDays.Distinct().Count() != desiredDays.Length || desiredDays.Length != 2)
            throw new InvalidDataException("Deadline policies: desiredDateReminderDays must be two distinct numbers of days between 1 and 365.");
        return new DeadlinePolicyBook(reminders, variants.ToDictionary(v => v.Key, v => (IReadOnlyDictionary<ClockKind, DeadlineRule>)v.Value), byBasis)
        {
            MilestoneReminderDays = [.. milestoneDays.OrderDescending()],
            DesiredDateReminderDays = [.. desiredDays.OrderDescending()],
        };
    }

    static Dictionary<ClockKind, DeadlineRule> Rules(Dictionary<string, RuleEntry>? rules, string where) =>
        (rules ?? throw new InvalidDataException($"Deadline policies: {where} has no rules."))
            .ToDictionary(r => Named<ClockKind>(r.Key, where), r => Rule(Named<ClockKind>(r.Key, where), r.Value, $"{where}.{r.Key}"));

    static DeadlineRule Rule(ClockKind kind, RuleEntry entry, string where)
    {
        var counting = Named<DayCounting>(entry.Counting, $"{where}.counting");
        var length = Length(entry.Length, counting, $"{where}.length");
        var max = entry.MaxExtension is null ? null : (Period?)Length(entry.MaxExtension, counting, $"{where}.maxExtension");
        if (string.IsNullOrWhiteSpace(entry.Source)) throw new InvalidDataException($"Deadline policies: {where}.source is required.");
        return new DeadlineRule(kind, length, counting, max, entry.Source);
    }

    static Period Length(string? text, DayCounting counting, string where)
    {
        var parsed = PeriodPattern.Roundtrip.Parse(text ?? "");
        if (!parsed.Success) throw new InvalidDataException($"Deadline policies: {where} '{text}' is not an ISO-8601 period.");
        if (!FitsCounting(parsed.Value, counting))
        {
            var unit = counting == DayCounting.Hours ? "a positive time period such as PT24H" : "a positive number of days such as P7D";
            throw new InvalidDataException($"Deadline policies: {where} '{text}' must be {unit} for {counting}.");
        }
        return parsed.Value;
    }

    /// <summary>True for a positive period in the counting's unit: days only for day counting, time units only for hours.</summary>
    internal static bool FitsCounting(Period period, DayCounting counting) =>
        counting == DayCounting.Hours
            ? period.HasTimeComponent && !period.HasDateComponent && period.ToDuration() > Duration.Zero
            : !period.HasTimeComponent && period.Years == 0 && period.Months == 0 && period.Weeks == 0 && period.Days > 0;

    static T Named<T>(string? text, string where) where T : struct, Enum =>
        text is not null && text.All(char.IsLetterOrDigit) && Enum.TryParse<T>(text, ignoreCase: false, out var value) && Enum.IsDefined(value) && !char.IsDigit(text[0])
            ? value
            : throw new InvalidDataException($"Deadline policies: {where}: '{text}' is not one of {string.Join(", ", Enum.GetNames<T>())}.");

    sealed record PolicyFile(
        string? Note,
        int[]? Reminders,
        string? RemindersSource,
        int[]? MilestoneReminderDays,
        string? MilestoneRemindersSource,
        int[]? DesiredDateReminderDays,
        string? DesiredDateRemindersSource,
        Dictionary<string, VariantEntry>? Variants,
        Dictionary<string, Dictionary<string, Dictionary<string, RuleEntry>>>? ByLegalBasis);

    sealed record VariantEntry(string? Note, Dictionary<string, RuleEntry>? Rules);

    sealed record RuleEntry(string? Length, string? Counting, string? MaxExtension, string? Source);
}
