using NodaTime.Text;

namespace MlaRequests.Domain.Requests.Validation;

/// <summary>
/// A proposed amendment of a JIT agreement in force (UNTOC Art. 19: the team is what the parties agree, so a change is agreed by both):
/// the amended agreement is complete by <see cref="JitAgreementRules"/>, the reasons are given, something actually changed, and the
/// period is left alone: the end date is changed by an extension (<c>propose-jit-extension</c>, <c>propose-extension</c>), the start
/// of an agreement in force is history. A proposal that leaves the period out keeps the current one.
/// </summary>
public static class JitAmendmentRules
{
    /// <summary><paramref name="proposed"/> with the period in force filled in where it was left out.</summary>
    /// <param name="proposed">The amended agreement as proposed.</param>
    /// <param name="current">The agreement in force.</param>
    /// <param name="currentEndsOn">The end date in force (an extension's, else the agreement's own).</param>
    public static JitProposal WithPeriod(JitProposal proposed, JitProposal current, NodaTime.LocalDate? currentEndsOn)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        ArgumentNullException.ThrowIfNull(current);
        return new JitProposal
        {
            Purpose = proposed.Purpose?.Trim(), Arrangements = proposed.Arrangements?.Trim(),
            StartsOn = proposed.StartsOn ?? current.StartsOn, EndsOn = proposed.EndsOn ?? currentEndsOn ?? current.EndsOn,
            Members = proposed.Members?.Select(m => m is null ? null! : new JitMember
            {
                Country = m.Country?.Trim(), Name = m.Name?.Trim(), Function = m.Function?.Trim(), Authority = m.Authority?.Trim(), Leader = m.Leader,
            }).ToList(),
        };
    }

    /// <summary>Every problem with proposing <paramref name="proposed"/> for <paramref name="reasons"/>, keyed by field (<c>jit</c>, <c>jit.…</c>, <c>reasons</c>).</summary>
    /// <param name="proposed">The amended agreement as proposed (null when the body has none).</param>
    /// <param name="reasons">Why the agreement is amended.</param>
    /// <param name="current">The agreement in force.</param>
    /// <param name="currentEndsOn">The end date in force (an extension's, else the agreement's own).</param>
    /// <param name="requestingCountry">The requesting country (a party).</param>
    /// <param name="targets">The requested countries (parties).</param>
    /// <param name="limits">How long texts and lists may be.</param>
    public static Dictionary<string, string[]> Problems(JitProposal? proposed, string? reasons, JitProposal current, NodaTime.LocalDate? currentEndsOn,
        string requestingCountry, IReadOnlyList<string>? targets, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(limits);
        var errors = StepInputRules.Required("reasons", reasons, limits);
        if (proposed is null)
        {
            errors["jit"] = [ProblemTexts.Required.Format("jit")];
            return errors;
        }
        var endsOn = currentEndsOn ?? current.EndsOn;
        if (proposed.EndsOn is { } end && end != endsOn)
            errors["jit.endsOn"] = [JitAmendmentTexts.EndByExtension.Format(endsOn is { } e ? LocalDatePattern.Iso.Format(e) : "?")];
        if (proposed.StartsOn is { } start && start != current.StartsOn)
            errors["jit.startsOn"] = [JitAmendmentTexts.StartUnchanged.Format()];
        var amended = WithPeriod(proposed, current, currentEndsOn);
        foreach (var (field, problems) in JitAgreementRules.Problems(amended, requestingCountry, targets))
            errors.TryAdd(field, problems);
        Bound(errors, "jit.purpose", amended.Purpose, limits.TextLength);
        Bound(errors, "jit.arrangements", amended.Arrangements, limits.TextLength);
        var members = amended.Members ?? [];
        if (members.Count > limits.ListItems)
            errors.TryAdd("jit.members", [ProblemTexts.TooMany.Format(limits.ListItems)]);
        for (var i = 0; i < members.Count; i++)
        {
            Bound(errors, $"jit.members[{i}].name", members[i]?.Name, limits.NameLength);
            Bound(errors, $"jit.members[{i}].function", members[i]?.Function, limits.NameLength);
            Bound(errors, $"jit.members[{i}].authority", members[i]?.Authority, limits.NameLength);
        }
        var inForce = WithPeriod(current, current, currentEndsOn);
        inForce.EndsOn = endsOn;
        if (errors.Count == 0 && Same(amended, inForce))
            errors["jit"] = [JitAmendmentTexts.Unchanged.Format()];
        return errors;
    }

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> are the same agreement (members in the same order, texts trimmed).</summary>
    public static bool Same(JitProposal a, JitProposal b) => JitAgreementVersion.Write(a) == JitAgreementVersion.Write(b);

    static void Bound(Dictionary<string, string[]> errors, string field, string? value, int length)
    {
        if (value is not null && value.Length > length)
            errors.TryAdd(field, [ProblemTexts.TooLong.Format(length)]);
    }
}
