using MlaRequests.Domain.Timeline;

namespace MlaRequests.Domain.Requests.Validation;

/// <summary>The problem messages of the JIT agreement rules (part of <c>ProblemTexts.All</c>, so the web UI shows them in the user's language).</summary>
public static class JitAgreementTexts
{
    static TextTemplate T(string key, string english) => new("Problem." + key, english);

    /// <summary>A member of a country that is not a party.</summary>
    public static readonly TextTemplate NotAParty = T("JitNotAParty", "'{country}' is not a party to this agreement (parties: {parties}).");

    /// <summary>A party without its leader.</summary>
    public static readonly TextTemplate LeaderMissing = T("JitLeaderMissing", "Party {country} needs a team leader among the members.");

    /// <summary>A party with two leaders.</summary>
    public static readonly TextTemplate LeaderTwice = T("JitLeaderTwice", "Party {country} has more than one team leader.");

    /// <summary>Every template.</summary>
    public static IReadOnlyList<TextTemplate> All { get; } = [NotAParty, LeaderMissing, LeaderTwice];
}
