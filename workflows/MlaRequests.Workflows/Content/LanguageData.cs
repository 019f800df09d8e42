using MlaRequests.Domain.Requests.Validation;

namespace MlaRequests.Workflows.Content;

/// <summary>The languages each requested state accepts (<c>Data/accepted-languages.json</c>), parsed and checked once.</summary>
public static class LanguageData
{
    /// <summary>The logical name of the data file.</summary>
    public const string FileName = "accepted-languages.json";

    static readonly Lazy<AcceptedLanguages> Lazy = new(() => AcceptedLanguages.Parse(ContentData.Read(FileName)));

    /// <summary>The accepted languages per node code.</summary>
    public static AcceptedLanguages Accepted => Lazy.Value;
}
