using MlaRequests.Domain.Timeline;

namespace MlaRequests.Domain.Requests.Validation;

/// <summary>The problem messages of the content added by issue 15 (part of <c>ProblemTexts.All</c>, so the web UI shows them in the user's language).</summary>
public static class ContentTexts
{
    static TextTemplate T(string key, string english) => new("Problem." + key, english);

    /// <summary>A procedural status that contradicts the person's role.</summary>
    public static readonly TextTemplate StatusDoesNotFitRole = T("StatusDoesNotFitRole", "The status {status} does not fit the role {role}; for this role: {statuses}.");

    /// <summary>A malformed e-mail address.</summary>
    public static readonly TextTemplate Email = T("Email", "An e-mail address such as name@example.org.");

    /// <summary>A malformed telephone number.</summary>
    public static readonly TextTemplate Phone = T("Phone", "A telephone number of 5 to 30 characters: +, digits, spaces, brackets or hyphens.");

    /// <summary>A language code that is not two letters.</summary>
    public static readonly TextTemplate LanguageCode = T("LanguageCode", "A two-letter language code (ISO 639-1) such as ru, kk, ky, tg, tk, uz.");

    /// <summary>A translation meant for a country the request does not go to.</summary>
    public static readonly TextTemplate NotATarget = T("NotATarget", "{country} is not a requested country of this request.");

    /// <summary>A requested state that accepts none of the languages the request is in (for it).</summary>
    public static readonly TextTemplate LanguageNotAccepted = T("LanguageNotAccepted",
        "{country} accepts requests in {accepted}; the request offers it {offered}. Add a translation into one of the accepted languages.");

    /// <summary>Every template.</summary>
    public static IReadOnlyList<TextTemplate> All { get; } = [StatusDoesNotFitRole, Email, Phone, LanguageCode, NotATarget, LanguageNotAccepted];
}
