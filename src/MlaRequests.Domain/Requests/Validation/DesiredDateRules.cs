using MlaRequests.Domain.Deadlines;
using NodaTime;
using NodaTime.Text;

namespace MlaRequests.Domain.Requests.Validation;

/// <summary>
/// The requesting state's desired date (<see cref="RequestContent.DesiredDate"/>; UNTOC Art. 18(24): the requested state takes as full account as
/// possible of a deadline the requesting state suggests with reasons). A date in the past is refused on a draft; a date earlier than what the deadline
/// policies give a requested country is a warning to the prosecutor and the liaison officer, never a block.
/// </summary>
public static class DesiredDateRules
{
    /// <summary>The field both rules name.</summary>
    public const string Field = "desiredDate";

    /// <summary>The problem with <paramref name="desired"/> on a draft written on <paramref name="today"/> (the node's legal today), or null.</summary>
    public static string[]? InputProblem(LocalDate? desired, LocalDate today) =>
        desired is { } date && date < today ? [DesiredDateTexts.Past.Format(LocalDatePattern.Iso.Format(today))] : null;

    /// <summary>
    /// One warning per requested country whose policy end falls after the desired date: the last day of the kind's decision clock counted from
    /// <paramref name="transmission"/> (registration the day it arrives, the earliest it can start) and, for a classic request, of the execution clock
    /// counted on from it (<see cref="DeadlineCalculator.PolicyLastDay"/>), each with that country's legal basis, the request's priority and calendar.
    /// </summary>
    public static IReadOnlyList<ContentWarning> Warnings(RequestContent content, DeadlineCalculator calculator, Instant transmission, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(calculator);
        if (content.DesiredDate is not { } desired || content.Targets is null)
            return [];
        var urgent = content.IsPriority(today);
        var warnings = new List<ContentWarning>();
        foreach (var country in content.Targets.Where(t => t is not null && NodeCode.IsKnown(t)).Distinct())
        {
            var basis = content.BasisFor(country) ?? LegalBasis.Reciprocity;
            if (calculator.PolicyLastDay(content.Kind, basis, urgent, country, transmission) is not { } last || desired >= last)
                continue;
            var clocks = KindClocks.HasExecutionClock(content.Kind)
                ? $"{KindClocks.DecisionClockOf(content.Kind)} + {ClockKind.Execution}"
                : KindClocks.DecisionClockOf(content.Kind).ToString();
            warnings.Add(new ContentWarning(Field, DesiredDateTexts.EarlierThanPolicies.Format(
                LocalDatePattern.Iso.Format(desired), LocalDatePattern.Iso.Format(last), country, (urgent ? "urgent: " : string.Empty) + clocks)));
        }
        return warnings;
    }
}
