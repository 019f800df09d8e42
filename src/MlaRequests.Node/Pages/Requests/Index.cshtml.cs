using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MlaRequests.Node.Features.Requests;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Requests;

namespace MlaRequests.Node.Pages.Requests;

/// <summary>The requests the user may see (a prosecutor: their office's), filtered and searched, paged on the server by the API's own query.</summary>
public sealed class IndexModel(NodeDbContext db, OutgoingRequestStateMachine machine, MlaRequests.Domain.Requests.Validation.InputLimits limits) : PageModel
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 25;

    /// <summary>Status filter.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>Requested-country filter.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    /// <summary>Search text.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>Page number.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The page of rows.</summary>
    public ListRequests.Page Rows { get; private set; } = new([], 0, 1, PageSize);

    /// <summary>Every status of the request workflow, for the filter.</summary>
    public IEnumerable<string> Statuses => machine.States.Where(s => s != machine.Initial && s != machine.Final).Select(s => s.Name);

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        var country = string.IsNullOrWhiteSpace(Country) ? null : Country;
        var result = await ListRequests.Handle(User, db, limits, Status, country, Q,
            Math.Clamp(PageNumber, 1, Features.Commands.Paging.MaxPage), PageSize, ct);
        if (result.Result is Ok<ListRequests.Page> ok)
            Rows = ok.Value!;
    }

    /// <summary>The query string of page <paramref name="number"/> with the current filters.</summary>
    public string Link(int number) =>
        QueryString.Create(new Dictionary<string, string?> { ["Status"] = Status, ["Country"] = Country, ["Q"] = Q, ["p"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToString();
}
