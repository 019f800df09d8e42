using MlaRequests.Domain.Requests.Validation;

namespace MlaRequests.Node.Features.Commands;

/// <summary>
/// The bounds of every paged list: a page number the database can skip to without overflowing
/// (<c>page × pageSize</c> stays far below <see cref="int.MaxValue"/>) and a page size that keeps an answer small.
/// </summary>
public static class Paging
{
    /// <summary>The highest page number.</summary>
    public const int MaxPage = 100_000;

    /// <summary>The largest page.</summary>
    public const int MaxPageSize = 200;

    /// <summary>The page size when none is asked for.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>Problems with <paramref name="page"/> and <paramref name="pageSize"/>, keyed by parameter; empty when both are fine.</summary>
    public static Dictionary<string, string[]> Problems(int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (page is < 1 or > MaxPage)
            errors["page"] = [ProblemTexts.NumberRange.Format(1, MaxPage)];
        if (pageSize is < 1 or > MaxPageSize)
            errors["pageSize"] = [ProblemTexts.NumberRange.Format(1, MaxPageSize)];
        return errors;
    }

    /// <summary>Adds a problem for a query text longer than <paramref name="limits"/> allow.</summary>
    public static void Text(Dictionary<string, string[]> errors, string name, string? value, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(limits);
        if (value?.Length > limits.NameLength)
            errors[name] = [ProblemTexts.TooLong.Format(limits.NameLength)];
    }
}
