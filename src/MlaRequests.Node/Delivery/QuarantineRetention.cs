using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MlaRequests.Engine.Persistence;
using MlaRequests.Node.Persistence;
using NodaTime;

namespace MlaRequests.Node.Delivery;

/// <summary>
/// Quarantined messages older than <see cref="QuarantineOptions.Retention"/> are dropped, bodies and all, and only counted:
/// one <see cref="QuarantineSummary"/> per day, sender and reason. Junk that keeps arriving can then not grow the database
/// without bound, and what was refused from whom stays on record.
/// </summary>
public sealed class QuarantineRetention(IServiceProvider services, IOptions<QuarantineOptions> options, IClock clock, ILogger<QuarantineRetention> logger)
    : BackgroundService
{
    const int Batch = 500;

    /// <summary>Summarises everything older than the retention period; returns how many messages were summarised.</summary>
    public async Task<int> SummariseAsync(CancellationToken ct)
    {
        var before = clock.GetCurrentInstant() - Duration.FromTimeSpan(options.Value.Retention);
        var total = 0;
        while (!ct.IsCancellationRequested)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NodeDbContext>();
            using var entered = await scope.ServiceProvider.GetRequiredService<EngineDatabase>().Gate.EnterAsync(ct);
            var old = await db.QuarantinedMessages.Where(q => q.ReceivedAt < before).OrderBy(q => q.Id).Take(Batch)
                .Select(q => new { q.Id, q.ReceivedAt, q.FromNode, q.Reason }).ToListAsync(ct);
            if (old.Count == 0)
                break;
            foreach (var group in old.GroupBy(q => (Day: q.ReceivedAt.InUtc().Date, From: q.FromNode ?? string.Empty, Reason: q.Reason.Length > 200 ? q.Reason[..200] : q.Reason)))
            {
                var row = await db.Set<QuarantineSummary>().SingleOrDefaultAsync(s => s.Day == group.Key.Day && s.FromNode == group.Key.From && s.Reason == group.Key.Reason, ct);
                if (row is null)
                    db.Add(new QuarantineSummary { Day = group.Key.Day, FromNode = group.Key.From, Reason = group.Key.Reason, Count = group.Count() });
                else
                    row.Count += group.Count();
            }
            var ids = old.Select(q => q.Id).ToList();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await db.QuarantinedMessages.Where(q => ids.Contains(q.Id)).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
            total += old.Count;
        }
        return total;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SummaryInterval);
        do
        {
            try
            {
                if (await SummariseAsync(stoppingToken) is > 0 and var summarised)
                    logger.LogInformation("Summarised {Count} quarantined messages older than {Retention}", summarised, options.Value.Retention);
            }
            catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
            {
                logger.LogWarning(exception, "Summarising the quarantine failed; trying again in {Interval}", options.Value.SummaryInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
