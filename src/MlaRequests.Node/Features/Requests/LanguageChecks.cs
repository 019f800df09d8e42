using MlaRequests.Domain.Requests;
using MlaRequests.Workflows.Content;

namespace MlaRequests.Node.Features.Requests;

/// <summary>On submit, every requested country must accept a language the request offers it (<see cref="Domain.Requests.Validation.AcceptedLanguages"/>).</summary>
public static class LanguageChecks
{
    /// <summary><paramref name="missing"/> plus the language problems of <paramref name="content"/> (added to a field's problems already listed).</summary>
    public static Dictionary<string, string[]> WithLanguages(Dictionary<string, string[]> missing, RequestContent content)
    {
        ArgumentNullException.ThrowIfNull(missing);
        ArgumentNullException.ThrowIfNull(content);
        foreach (var (field, problems) in LanguageData.Accepted.Problems(content))
            missing[field] = missing.TryGetValue(field, out var earlier) ? [.. earlier, .. problems] : problems;
        return missing;
    }
}
