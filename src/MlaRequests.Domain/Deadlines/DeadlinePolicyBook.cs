using MlaRequests.Domain.Requests;

namespace MlaRequests.Domain.Deadlines;

/// <summary>
/// The deadline rules of every clock, in a default and an urgent variant, with optional overrides per legal
/// basis, and the reminder percentages. The data is owned by the workflows project (deadline-policies.json);
/// this type only parses and checks it.
/// </summary>
public sealed class DeadlinePolicyBook
{
    /// <summary>The variant name for ordinary requests.</summary>
    public const string DefaultVariant = "default";

    /// <summary>The variant name for urgent requests and child-victim priority.</summary>
    public const string UrgentVariant = "urgent";

    readonly IReadOnlyDictionary<string, IReadOnlyDictionary<ClockKind, DeadlineRule>> _variants;
    readonly IReadOnlyDictionary<(LegalBasis, string), IReadOnlyDictionary<ClockKind, DeadlineRule>> _byLegalBasis;

    /// <summary>Holds checked policy data; <see cref="Parse"/> builds it from JSON.</summary>
    public DeadlinePolicyBook(
        IReadOnlyList<int> reminderPercents,
        IReadOnlyDictionary<string, IReadOnlyDictionary<ClockKind, DeadlineRule>> variants,
        IReadOnlyDictionary<(LegalBasis, string), IReadOnlyDictionary<ClockKind, DeadlineRule>> byLegalBasis)
    {
        ArgumentNullException.ThrowIfNull(reminderPercents);
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(byLegalBasis);
        foreach (var name in new[] { DefaultVariant, UrgentVariant })
        {
            if (!variants.TryGetValue(name, out var rules)) throw new InvalidDataException($"Deadline policies: variant '{name}' is missing.");
            var missing = Enum.GetValues<ClockKind>().Where(k => !rules.ContainsKey(k)).ToList();
            if (missing.Count > 0) throw new InvalidDataException($"Deadline policies: variant '{name}' has no rule for {string.Join(", ", missing)}.");
        }
        ReminderPercents = reminderPercents;
        _variants = variants;
        _byLegalBasis = byLegalBasis;
    }

    /// <summary>The reminder points in percent of a deadline's interval, ascending (50, 80, 100 by default).</summary>
    public IReadOnlyList<int> ReminderPercents { get; }

    /// <summary>How many days before a shared milestone its reminders start, descending (7 and 1 by default; a management target).</summary>
    public IReadOnlyList<int> MilestoneReminderDays { get; init; } = [7, 1];

    /// <summary>
    /// How many days before the end of the requesting state's desired date its two reminders fall, descending (14 and 3 by default;
    /// a management target). Two, because a clock has two reminder checkpoints before its due instant.
    /// </summary>
    public IReadOnlyList<int> DesiredDateReminderDays { get; init; } = [14, 3];

    /// <summary>The rule for a clock: the legal basis's override if the data has one, else the variant's rule.</summary>
    public DeadlineRule Rule(ClockKind kind, LegalBasis basis, bool urgent)
    {
        var variant = urgent ? UrgentVariant : DefaultVariant;
        return _byLegalBasis.TryGetValue((basis, variant), out var overrides) && overrides.TryGetValue(kind, out var rule)
            ? rule
            : _variants[variant][kind];
    }

    /// <summary>Parses deadline-policies.json.</summary>
    /// <exception cref="InvalidDataException">The data is malformed, incomplete, or a length does not fit its counting.</exception>
    public static DeadlinePolicyBook Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return DeadlinePolicyJson.Parse(json);
    }

    /// <summary>Reads and parses deadline-policies.json from a UTF-8 stream.</summary>
    public static DeadlinePolicyBook Load(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var reader = new StreamReader(json);
        return Parse(reader.ReadToEnd());
    }
}
