using MlaRequests.Domain;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace MlaRequests.Node.Persistence;

/// <summary>Gives out references like <c>KZ-2026-000114</c>; call inside the write transaction so numbers never repeat.</summary>
public static class References
{
    /// <summary>
    /// The next reference for <paramref name="prefix"/> in the year of <paramref name="now"/> where the node's office sits
    /// (a request registered at 02:00 on 1 January in Almaty is numbered in the new year, as the office's register is).
    /// </summary>
    public static async Task<string> NextAsync(NodeDbContext db, string prefix, string nodeCode, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var year = NodeTime.Today(nodeCode, now).Year;
        var counter = await db.ReferenceCounters.SingleOrDefaultAsync(x => x.Prefix == prefix && x.Year == year, cancellationToken);
        if (counter is null)
            db.ReferenceCounters.Add(counter = new ReferenceCounter { Prefix = prefix, Year = year });
        counter.Last++;
        return $"{prefix}-{year}-{counter.Last:D6}";
    }
}
