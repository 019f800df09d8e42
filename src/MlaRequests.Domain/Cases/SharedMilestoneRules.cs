using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Domain.Timeline;
using NodaTime;
using NodaTime.Text;

namespace MlaRequests.Domain.Cases;

/// <summary>The status of a shared milestone: scheduled until it is marked done or cancelled, both final.</summary>
public enum MilestoneStatus
{
    /// <summary>Planned for its date (possibly rescheduled).</summary>
    Scheduled,

    /// <summary>It took place.</summary>
    Done,

    /// <summary>Called off; no reminders follow.</summary>
    Cancelled,
}

/// <summary>
/// The rules of a milestone shared by every participating branch of a mirror or parallel investigation (the coordination of
/// UNTOC Art. 18(1), widest assistance, and Art. 19, joint investigations; no convention fixes the mechanics, so these are design
/// choices): the requesting side schedules it once for two or more requested
/// countries, reschedules, cancels or marks it done once for all; each participating country confirms its readiness once.
/// </summary>
public static class SharedMilestoneRules
{
    /// <summary>The steps the requesting side takes on a scheduled milestone.</summary>
    public static readonly IReadOnlyList<string> RequestingSteps = ["reschedule", "cancel", "complete"];

    /// <summary>The problems with a new shared milestone, keyed by field (empty when none).</summary>
    /// <param name="title">What it is.</param>
    /// <param name="date">Its date.</param>
    /// <param name="countries">The participating countries chosen.</param>
    /// <param name="targets">The requested countries of the request whose branches are still open.</param>
    /// <param name="today">Today in the requesting country.</param>
    /// <param name="limits">The node's input limits.</param>
    public static Dictionary<string, string[]> ScheduleProblems(string? title, LocalDate? date, IReadOnlyList<string?>? countries,
        IReadOnlyCollection<string> targets, LocalDate today, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(limits);
        var problems = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > 200)
            problems["title"] = [MilestoneTexts.Title.Format()];
        if (DateProblem(date, today, limits) is { } dateProblem)
            problems["date"] = [dateProblem];
        if (countries is null || countries.Count < 2 || countries.Any(string.IsNullOrWhiteSpace))
            problems["countries"] = [MilestoneTexts.TwoCountries.Format()];
        else if (countries.Distinct(StringComparer.Ordinal).Count() != countries.Count)
            problems["countries"] = [MilestoneTexts.CountryTwice.Format()];
        else if (countries.FirstOrDefault(c => !targets.Contains(c!)) is { } stranger)
            problems["countries"] = [MilestoneTexts.NotATarget.Format(stranger, string.Join(", ", targets.Order(StringComparer.Ordinal)))];
        return problems;
    }

    /// <summary>The problems with moving a milestone to <paramref name="date"/> for <paramref name="reason"/>, keyed by field.</summary>
    public static Dictionary<string, string[]> RescheduleProblems(LocalDate? date, LocalDate current, string? reason, LocalDate today, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var problems = StepInputRules.Required("reason", reason, limits);
        if (DateProblem(date, today, limits) is { } dateProblem)
            problems["date"] = [dateProblem];
        else if (date == current)
            problems["date"] = [MilestoneTexts.SameDate.Format(LocalDatePattern.Iso.Format(current))];
        return problems;
    }

    /// <summary>The problems with cancelling a milestone for <paramref name="reason"/>, keyed by field.</summary>
    public static Dictionary<string, string[]> CancelProblems(string? reason, InputLimits limits) => StepInputRules.Required("reason", reason, limits);

    /// <summary>True when <paramref name="step"/> may be taken on a milestone in <paramref name="status"/>: every step needs it scheduled.</summary>
    public static bool Allows(MilestoneStatus status, string step) => status == MilestoneStatus.Scheduled && (RequestingSteps.Contains(step) || step == "confirm");

    /// <summary>The status named <paramref name="stored"/> (a milestone stored before shared milestones existed is scheduled).</summary>
    public static MilestoneStatus StatusOf(string? stored) => Enum.TryParse<MilestoneStatus>(stored, out var status) ? status : MilestoneStatus.Scheduled;

    /// <summary>
    /// The reminder due for a milestone on <paramref name="date"/> seen on <paramref name="today"/>: the smallest of
    /// <paramref name="daysBefore"/> (e.g. 7 and 1) that the days left have reached, or null before the first one, on or after the
    /// date, and for a milestone that is not scheduled.
    /// </summary>
    public static int? ReminderDue(MilestoneStatus status, LocalDate date, LocalDate today, IReadOnlyList<int> daysBefore)
    {
        ArgumentNullException.ThrowIfNull(daysBefore);
        if (status != MilestoneStatus.Scheduled || today >= date)
            return null;
        var left = Period.Between(today, date, PeriodUnits.Days).Days;
        var reached = daysBefore.Where(d => left <= d).ToList();
        return reached.Count == 0 ? null : reached.Min();
    }

    static string? DateProblem(LocalDate? date, LocalDate today, InputLimits limits)
    {
        if (date is null)
            return ProblemTexts.Required.Format("date");
        if (date < today)
            return MilestoneTexts.Past.Format(LocalDatePattern.Iso.Format(today));
        if (date > today.PlusYears(limits.DateWindowYears))
            return ProblemTexts.DateRange.Format(LocalDatePattern.Iso.Format(today), LocalDatePattern.Iso.Format(today.PlusYears(limits.DateWindowYears)));
        return null;
    }
}

/// <summary>The problem texts of shared milestones.</summary>
public static class MilestoneTexts
{
    static TextTemplate T(string key, string english) => new("Problem.Milestone." + key, english);

    /// <summary>A title missing or too long.</summary>
    public static readonly TextTemplate Title = T("Title", "A title of 1 to 200 characters is required.");

    /// <summary>Fewer than two countries.</summary>
    public static readonly TextTemplate TwoCountries = T("TwoCountries",
        "A shared milestone concerns two or more requested countries; for one country use the branch's own milestones.");

    /// <summary>A country named twice.</summary>
    public static readonly TextTemplate CountryTwice = T("CountryTwice", "Each country is named once.");

    /// <summary>A country that is not an open branch of the request.</summary>
    public static readonly TextTemplate NotATarget = T("NotATarget", "{country} is not a requested country of this request with an open branch ({targets}).");

    /// <summary>A date in the past.</summary>
    public static readonly TextTemplate Past = T("Past", "The date may not be before today ({today}).");

    /// <summary>A reschedule to the same date.</summary>
    public static readonly TextTemplate SameDate = T("SameDate", "The milestone is already on {date}.");

    /// <summary>A milestone this request or case does not have.</summary>
    public static readonly TextTemplate Unknown = T("Unknown", "This request or case has no shared milestone {milestone}.");

    /// <summary>A step on a milestone that is done or cancelled.</summary>
    public static readonly TextTemplate Closed = T("Closed", "'{step}' is not allowed: the milestone is {status}.");

    /// <summary>A second confirmation by the same country.</summary>
    public static readonly TextTemplate AlreadyConfirmed = T("AlreadyConfirmed", "{country} already confirmed its readiness.");

    /// <summary>Every template.</summary>
    public static IReadOnlyList<TextTemplate> All { get; } = [Title, TwoCountries, CountryTwice, NotATarget, Past, SameDate, Unknown, Closed, AlreadyConfirmed];
}
