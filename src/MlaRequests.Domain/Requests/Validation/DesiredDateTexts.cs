using MlaRequests.Domain.Timeline;

namespace MlaRequests.Domain.Requests.Validation;

/// <summary>The messages of <see cref="DesiredDateRules"/> (part of <c>ProblemTexts.All</c>, so the web UI shows them in the user's language).</summary>
public static class DesiredDateTexts
{
    /// <summary>A desired date that has already passed (a 400 on a draft).</summary>
    public static readonly TextTemplate Past = new("Problem.DesiredDatePast", "The desired date cannot be in the past (today is {today}).");

    /// <summary>A desired date earlier than the last day the deadline policies give the requested country (a warning, not a block).</summary>
    public static readonly TextTemplate EarlierThanPolicies = new("Problem.DesiredDateEarly",
        "The desired date {date} is earlier than {last}, the last day the deadline policies give {country} for this kind of request ({clocks}, counted from today in its calendar); "
        + "UNTOC Art. 18(24) asks it only to take as full account as possible of a date given with reasons: state the reasons in urgencyReasons.");

    /// <summary>Every template.</summary>
    public static IReadOnlyList<TextTemplate> All { get; } = [Past, EarlierThanPolicies];
}
