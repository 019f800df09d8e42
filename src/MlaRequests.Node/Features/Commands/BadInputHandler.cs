using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using MlaRequests.Domain.Requests.Validation;

namespace MlaRequests.Node.Features.Commands;

/// <summary>
/// Answers a request the endpoint could not even bind (JSON that does not parse, a wrong type, an unknown
/// field, an unreadable date, a query value that is not a number) with a 400 whose <c>errors</c> name the
/// JSON path or parameter, instead of the 500 an unhandled binding exception becomes.
/// </summary>
public sealed partial class BadInputHandler : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad)
            return false;
        var (field, reason) = bad.InnerException is JsonException json ? FromJson(json) : FromBinding(bad);
        var errors = new Dictionary<string, string[]> { [field] = [ProblemTexts.Unreadable.Format(reason)] };
        // 413 (too large) and 415 (not JSON) keep their own status; everything else a client sent wrong is a 400.
        IResult answer = bad.StatusCode is > 400 and < 500
            ? TypedResults.Problem(detail: bad.Message, statusCode: bad.StatusCode)
            : TypedResults.ValidationProblem(errors);
        await answer.ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>The JSON path without its root (<c>persons[0].dateOfBirth</c>), or <c>body</c> for the whole body.</summary>
    static (string Field, string Reason) FromJson(JsonException json)
    {
        var path = json.Path is { Length: > 1 } p && p.StartsWith('$') ? p[1..].TrimStart('.') : "body";
        var unmapped = UnmappedProperty().Match(json.Message);
        if (unmapped.Success)
            return (path == "body" ? unmapped.Groups[1].Value : path, ProblemTexts.UnknownField.Format(unmapped.Groups[1].Value));
        var message = json.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (path, cut > 0 ? message[..cut] : message);
    }

    /// <summary>The parameter named in the framework's binding message (<c>Failed to bind parameter "int? page" from "x".</c>).</summary>
    static (string Field, string Reason) FromBinding(BadHttpRequestException bad)
    {
        var named = BindingParameter().Match(bad.Message);
        return (named.Success ? named.Groups[1].Value : "body", bad.Message);
    }

    [GeneratedRegex("""parameter "[^"]* ([A-Za-z0-9_]+)" """)]
    private static partial Regex BindingParameter();

    [GeneratedRegex("""JSON property '([^']*)' could not be mapped""")]
    private static partial Regex UnmappedProperty();
}
