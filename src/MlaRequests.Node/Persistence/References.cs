using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace MlaRequests.Node.Persistence;

/// <summary>Gives out references like <c>KZ-2026-000114</c>; call inside the write transaction so numbers never repeat.</summary>
public static class References
{
    /// <summary>The next reference for <paramref name="prefix"/> in the year of <paramref name="now"/> (UTC).</summary>
    public static async Task<string> NextAsync(NodeDbContext db, string prefix, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var year = now.InUtc().Year;
        var counter = await db.ReferenceCounters.SingleOrDefaultAsync(x => x.Prefix == prefix && x.Year == year, cancellationToken);
        if (counter is null)
            db.ReferenceCounters.Add(counter = new ReferenceCounter { Prefix = prefix, Year = year });
        counter.Last++;
        return $"{prefix}-{year}-{counter.Last:D6}";
    }
}
