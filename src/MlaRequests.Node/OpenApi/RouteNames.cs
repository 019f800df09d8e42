using System.Globalization;
using System.Text;

namespace MlaRequests.Node.OpenApi;

/// <summary>
/// An operation id and a summary made from a route, for an endpoint that names neither: <c>POST /api/incoming/{id}/extend-recognition</c>
/// becomes <c>postIncomingByIdExtendRecognition</c>, "Extend recognition (incoming)". A route and its method are unique, so the id is.
/// </summary>
public static class RouteNames
{
    /// <summary>The id of <paramref name="method"/> <paramref name="path"/>.</summary>
    public static string OperationId(string method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        var id = new StringBuilder(method.ToLowerInvariant());
        foreach (var segment in Segments(path))
            id.Append(segment.StartsWith('{') ? "By" + Pascal(Parameter(segment)) : Pascal(segment));
        return id.ToString();
    }

    /// <summary>The route's last word, with its first for context.</summary>
    public static string Summary(string path)
    {
        var words = Segments(path).Where(s => !s.StartsWith('{')).ToList();
        if (words.Count == 0)
            return path;
        var last = words[^1].Replace('-', ' ');
        var summary = char.ToUpperInvariant(last[0]) + last[1..];
        return words.Count > 1 ? $"{summary} ({words[0].Replace('-', ' ')})" : summary;
    }

    static IEnumerable<string> Segments(string path) =>
        (path ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != "api");

    static string Parameter(string segment) => segment.Trim('{', '}').Split(':', '=', '?')[0];

    static string Pascal(string word) =>
        string.Concat(word.Split('-', '_', '.').Where(w => w.Length > 0).Select(w => char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..]));
}
