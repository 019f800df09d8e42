using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Audit;
using MlaRequests.Node.Persistence;

namespace MlaRequests.Node.Pages.Audit;

/// <summary>The audit log, newest first and paged on the server, with a check of the whole chain on demand.</summary>
[Authorize(Policy = UiHosting.Policy, Roles = Roles.Supervisor + "," + Roles.Administrator)]
public sealed class IndexModel(NodeDbContext db) : PageModel
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 50;

    /// <summary>Page number.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The rows of the page.</summary>
    public IReadOnlyList<AuditEntry> Rows { get; private set; } = [];

    /// <summary>Rows in the log.</summary>
    public long Total { get; private set; }

    /// <summary>The result of a check, when one was asked for.</summary>
    public (long Rows, AuditBreak? Break)? Verification { get; private set; }

    /// <summary>Shows a page.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(PageNumber, 1);
        Total = await db.AuditEntries.LongCountAsync(ct);
        Rows = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }

    /// <summary>Checks the chain, then shows the first page.</summary>
    public async Task OnPostVerifyAsync(CancellationToken ct)
    {
        Verification = await AuditLog.VerifyAsync(db, ct);
        await OnGetAsync(ct);
    }
}
