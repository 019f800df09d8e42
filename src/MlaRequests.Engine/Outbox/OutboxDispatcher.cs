using System.Collections.Concurrent;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlaRequests.Engine.Persistence;
using NodaTime;

namespace MlaRequests.Engine.Outbox;

/// <summary>
/// Delivers committed outbox rows to the bus in insertion order, each with the MessageId it was
/// written with, then deletes them. Scheduled rows wait until their due instant (read from the
/// injected <see cref="IClock"/>, so any delay works, months included, and a row due while the node
/// was down goes out right after the next start). A crash between send and delete sends the row
/// again with the same MessageId; receivers' inboxes drop the copy. A row the broker refuses is
/// retried with a growing delay and never dropped. While the broker is out of reach
/// (<see cref="OutboxOptions.TransportAvailable"/>) nothing is attempted, and when it answers again the rows waiting
/// for a retry go out at once: the work of an outage reaches the workflows when the link does, not minutes later.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, IBus bus, EngineDatabase database, IClock clock, OutboxSignal signal,
    IOptions<OutboxOptions> options, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    static readonly ConcurrentDictionary<string, Type?> Types = new(StringComparer.Ordinal);
    readonly OutboxOptions _options = options.Value;

    /// <summary>True while the dispatch loop runs (reported by the readiness check).</summary>
    public bool IsRunning { get; private set; }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        IsRunning = true;
        try
        {
            if (_options.StartGate is { } gate)
                await gate(stoppingToken).ConfigureAwait(false);
            var outage = false;
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = _options.PollInterval;
                try
                {
                    if (_options.TransportAvailable is { } available && !available())
                    {
                        if (!outage)
                            logger.LogWarning("The broker is out of reach; outbox rows wait in the database until it answers");
                        outage = true;
                        await signal.WaitAsync(wait, stoppingToken).ConfigureAwait(false);
                        continue;
                    }
                    if (outage)
                    {
                        outage = false;
                        var retried = await RetryNowAsync().ConfigureAwait(false);
                        logger.LogInformation("The broker answers again; {Count} outbox rows waiting for a retry are tried now", retried);
                    }
                    var round = await DispatchDueAsync(stoppingToken).ConfigureAwait(false);
                    if (round.Delivered == _options.BatchSize)
                        continue;
                    if (round.NextDue is { } nextDue)
                        wait = TimeSpan.FromTicks(Math.Clamp((nextDue - clock.GetCurrentInstant()).BclCompatibleTicks, 0, wait.Ticks));
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(exception, "Outbox dispatch round failed; retrying in {Wait}", wait);
                }
                await signal.WaitAsync(wait, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogDebug("Outbox dispatcher stopped");
        }
        finally
        {
            IsRunning = false;
        }
    }

    /// <summary>Sends every row due now (one batch) and returns how many went out and when the next scheduled row is due.</summary>
    public async Task<(int Delivered, Instant? NextDue)> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        var now = clock.GetCurrentInstant();
        var rows = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(x => (x.NotBefore == null || x.NotBefore <= now) && (x.NextAttemptAt == null || x.NextAttemptAt <= now))
            .OrderBy(x => x.SequenceNumber)
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var errors = await Task.WhenAll(rows.Select(row => TrySendAsync(row, cancellationToken))).ConfigureAwait(false);
        var delivered = rows.Where((_, i) => errors[i] is null).Select(x => x.SequenceNumber).ToList();
        var failed = rows.Select((row, i) => (row, error: errors[i])).Where(x => x.error is not null).ToList();

        if (rows.Count > 0)
        {
            using (await database.Gate.EnterAsync(CancellationToken.None).ConfigureAwait(false))
            {
                await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None).ConfigureAwait(false);
                if (delivered.Count > 0)
                {
                    await db.Set<OutboxMessage>().Where(x => delivered.Contains(x.SequenceNumber))
                        .ExecuteDeleteAsync(CancellationToken.None).ConfigureAwait(false);
                }
                foreach (var (row, error) in failed)
                {
                    var attempts = row.Attempts + 1;
                    var retryAt = now + Duration.FromTimeSpan(RetryDelay(attempts));
                    await db.Set<OutboxMessage>().Where(x => x.SequenceNumber == row.SequenceNumber)
                        .ExecuteUpdateAsync(s => s
                            .SetProperty(x => x.Attempts, attempts)
                            .SetProperty(x => x.NextAttemptAt, retryAt)
                            .SetProperty(x => x.LastError, error), CancellationToken.None).ConfigureAwait(false);
                }
                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }

        var nextDue = await db.Set<OutboxMessage>()
            .Where(x => x.NotBefore > now)
            .OrderBy(x => x.NotBefore)
            .Select(x => x.NotBefore)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return (delivered.Count, nextDue);
    }

    /// <summary>Makes every row waiting for a retry due now; returns how many.</summary>
    public async Task<int> RetryNowAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        using (await database.Gate.EnterAsync(CancellationToken.None).ConfigureAwait(false))
        {
            return await db.Set<OutboxMessage>().Where(x => x.NextAttemptAt != null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextAttemptAt, (Instant?)null), CancellationToken.None).ConfigureAwait(false);
        }
    }

    TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(attempts, 20)), _options.MaxRetryDelay.TotalSeconds));

    async Task<string?> TrySendAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        var type = Types.GetOrAdd(row.MessageType, name => Type.GetType(name, throwOnError: false));
        if (type is null)
        {
            logger.LogError("Outbox message {MessageId} has unknown type {MessageType}; kept for an operator", row.MessageId, row.MessageType);
            return $"Unknown message type {row.MessageType}";
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.SendTimeout);
        using var activity = OutboxTracing.Resume(row);
        try
        {
            var message = JsonSerializer.Deserialize(row.Body, type, MessageJson.Options)
                ?? throw new JsonException("The stored body is null.");
            // WaitAsync as well as the token: RabbitMQ.Client 7.2.2 can leave a call waiting forever on a channel
            // disposed under it (rabbitmq-dotnet-client#1976), and one stuck send must not stop the loop.
            if (row.DestinationAddress is null || IsPublishAddress(type, row.DestinationAddress))
            {
                await bus.Publish(message, type, Pipe.Execute<PublishContext>(context => Stamp(context, row)), timeout.Token)
                    .WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            else
            {
                var endpoint = await bus.GetSendEndpoint(new Uri(row.DestinationAddress)).WaitAsync(timeout.Token).ConfigureAwait(false);
                await endpoint.Send(message, type, Pipe.Execute<SendContext>(context =>
                    {
                        Stamp(context, row);
                        _options.ConfigureSend?.Invoke(context);
                    }), timeout.Token)
                    .WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            return null;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Outbox message {MessageId} not delivered (attempt {Attempt})", row.MessageId, row.Attempts + 1);
            return exception.Message;
        }
    }

    /// <summary>
    /// A published event is captured with its exchange's address. It goes out as a publish again: without the
    /// send options (RabbitMQ's mandatory flag would return an event nobody subscribes to, and the row would be
    /// retried forever). Only the exchange's name is compared, not the host or virtual host: an event published by a
    /// consumer on another bus of the node (the border bus, in a virtual host of its own) goes out on this bus.
    /// </summary>
    bool IsPublishAddress(Type type, string destination) =>
        bus.Topology.TryGetPublishAddress(type, out var publishAddress)
        && Uri.TryCreate(destination, UriKind.Absolute, out var captured)
        && string.Equals(EntityName(publishAddress), EntityName(captured), StringComparison.OrdinalIgnoreCase);

    static string EntityName(Uri address) => address.AbsolutePath[(address.AbsolutePath.LastIndexOf('/') + 1)..];

    static void Stamp(SendContext context, OutboxMessage row)
    {
        context.MessageId = row.MessageId;
        context.CorrelationId = row.CorrelationId;
        context.ConversationId = row.ConversationId;
        context.InitiatorId = row.InitiatorId;
        foreach (var (key, value) in MessageJson.DeserializeHeaders(row.Headers))
            context.Headers.Set(key, value);
    }
}
