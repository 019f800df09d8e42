using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlaRequests.Engine.Outbox;
using MlaRequests.Engine.Persistence;
using NodaTime;

namespace MlaRequests.Engine.Inbox;

/// <summary>Prunes inbox rows older than <see cref="OutboxOptions.InboxRetention"/>, once an hour.</summary>
public sealed class InboxRetention(
    IServiceScopeFactory scopes, EngineDatabase database, IClock clock, IOptions<OutboxOptions> options,
    ILogger<InboxRetention> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DbContext>();
            var cutoff = clock.GetCurrentInstant() - options.Value.InboxRetention;
            using (await database.Gate.EnterAsync(stoppingToken).ConfigureAwait(false))
            {
                var pruned = await db.Set<InboxMessage>().Where(x => x.ConsumedAt < cutoff).ExecuteDeleteAsync(stoppingToken).ConfigureAwait(false);
                if (pruned > 0)
                    logger.LogInformation("Pruned {Count} inbox rows older than {Cutoff}", pruned, cutoff);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
