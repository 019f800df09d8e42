using Microsoft.EntityFrameworkCore;
using MlaRequests.Node.Persistence;
using NodaTime;

namespace MlaRequests.Node.Audit;

/// <summary>
/// Appends to the audit log inside the caller's write transaction (which holds the database's write
/// gate, so rows are chained one after another), with who and from where taken from the HTTP request.
/// </summary>
public sealed class AuditLog(IHttpContextAccessor http, IClock clock)
{
    /// <summary>Appends a row for <paramref name="action"/> by the current caller (or <paramref name="actor"/>).</summary>
    public async Task AppendAsync(NodeDbContext db, string action, string? subject, string outcome, CancellationToken cancellationToken, string? actor = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var context = http.HttpContext;
        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var entry = new AuditEntry
        {
            Sequence = (last?.Sequence ?? 0) + 1,
            At = clock.GetCurrentInstant(),
            Actor = actor ?? context?.User.Identity?.Name ?? "system",
            Address = context?.Connection.RemoteIpAddress?.ToString() ?? "local",
            Action = action,
            Subject = subject,
            Outcome = outcome,
            PreviousHash = last?.Hash ?? AuditChain.Genesis,
            Hash = string.Empty,
        };
        entry.Hash = AuditChain.HashOf(entry);
        db.AuditEntries.Add(entry);
    }

    /// <summary>Checks the whole chain in batches: the rows intact before the first break, and the break (null when there is none).</summary>
    public static async Task<(long Rows, AuditBreak? Break)> VerifyAsync(NodeDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        AuditEntry? previous = null;
        long rows = 0;
        while (true)
        {
            var after = previous?.Sequence ?? 0;
            var batch = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(1000).ToListAsync(cancellationToken);
            if (batch.Count == 0)
                return (rows, null);
            if (AuditChain.FirstBreak(batch, previous) is { } broken)
                return (broken.Sequence - 1, broken);
            rows += batch.Count;
            previous = batch[^1];
        }
    }
}
