using MlaRequests.Domain.Timeline;

namespace MlaRequests.Domain.Requests.Validation;

/// <summary>The problem messages of <see cref="JitAmendmentRules"/> (part of <c>ProblemTexts.All</c>, so the web UI shows them in the user's language).</summary>
public static class JitAmendmentTexts
{
    /// <summary>An amendment that changes the end date.</summary>
    public static readonly TextTemplate EndByExtension = new("Problem.JitAmendmentEndByExtension",
        "An amendment keeps the end date {date}: a later end date is proposed by the extension step (propose-jit-extension, propose-extension).");

    /// <summary>An amendment that changes the start date.</summary>
    public static readonly TextTemplate StartUnchanged = new("Problem.JitAmendmentStartUnchanged",
        "An amendment keeps the start date of the agreement in force; leave startsOn out or give the same date.");

    /// <summary>An amendment identical to the agreement in force.</summary>
    public static readonly TextTemplate Unchanged = new("Problem.JitAmendmentUnchanged",
        "The proposed agreement is the agreement in force: change its members, purpose or arrangements.");

    /// <summary>Every template.</summary>
    public static IReadOnlyList<TextTemplate> All { get; } = [EndByExtension, StartUnchanged, Unchanged];
}
