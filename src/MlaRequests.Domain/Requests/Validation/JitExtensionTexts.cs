using MlaRequests.Domain.Timeline;

namespace MlaRequests.Domain.Requests.Validation;

/// <summary>The problem messages of <see cref="JitExtensionRules"/> (part of <c>ProblemTexts.All</c>, so the web UI shows them in the user's language).</summary>
public static class JitExtensionTexts
{
    /// <summary>A new end date that does not extend the agreement.</summary>
    public static readonly TextTemplate NotLater = new("Problem.JitExtensionNotLater", "The new end date must be later than the agreement's current end date {date}.");

    /// <summary>Every template.</summary>
    public static IReadOnlyList<TextTemplate> All { get; } = [NotLater];
}
