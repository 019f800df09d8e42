using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MlaRequests.Contracts;
using MlaRequests.Engine.Outbox;
using MlaRequests.Engine.Persistence;
using MlaRequests.Node.Messaging;
using MlaRequests.Node.Persistence;
using MlaRequests.Node.Telemetry;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.Node.Delivery;

/// <summary>
/// Sends queued cross-border messages as sealed, signed envelopes (<see cref="EnvelopeSigner.SealAndSign"/>) and keeps their transport state: each
/// send goes through the peer's <see cref="LinkCircuits"/> pipeline with a fresh transport id but the
/// same envelope MessageId; without a receipt in time the message is sent again on a growing,
/// jittered schedule; when the schedule is exhausted it is failed and supervisors are alerted.
/// While a peer's circuit is open its messages wait in the database, for hours or days if need be. Every envelope states the
/// version the message needs (its contract's) and the version this node speaks; a message needing more than its peer was
/// last seen speaking is held (<see cref="DeliveryStates.WaitingForUpgrade"/>, <see cref="PeerVersions"/>).
/// </summary>
public sealed class CrossBorderDelivery(
    IServiceScopeFactory scopes, IBorderSender sender, EngineDatabase database, IClock clock, DeliverySignal signal, OutboxSignal commits,
    EnvelopeSigner signer, LinkCircuits circuits, IOptions<CrossBorderOptions> options, WorkflowNode node, ILogger<CrossBorderDelivery> logger)
    : BackgroundService
{
    const int BatchSize = 256;
    const string CircuitOpen = "the link's circuit is open";
    readonly CrossBorderOptions _options = options.Value;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        commits.UnitCommitted += WakeForQueuedMessages;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (await DeliverDueAsync(stoppingToken) == BatchSize)
                        continue;
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(exception, "Cross-border delivery round failed");
                }
                await signal.WaitAsync(_options.PollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogDebug("Cross-border delivery stopped");
        }
        finally
        {
            commits.UnitCommitted -= WakeForQueuedMessages;
        }
    }

    /// <summary>
    /// Wakes the loop after a commit that queued a message for another node, not after every commit: what the unit of
    /// work saved is still tracked by its context (added rows are <c>Unchanged</c> once saved).
    /// </summary>
    void WakeForQueuedMessages(DbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.Entity is CrossBorderMessage)
            {
                signal.Notify();
                return;
            }
        }
    }

    /// <summary>Sends every message due now (one batch) and records the outcome; returns how many were due.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NodeDbContext>();
        var now = clock.GetCurrentInstant();
        var due = await db.CrossBorderMessages.AsNoTracking()
            .Where(m => (m.State == DeliveryStates.Queued || m.State == DeliveryStates.Retrying || m.State == DeliveryStates.Sent) && m.NextAttemptAt <= now)
            .OrderBy(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (due.Count == 0)
            return 0;

        // A message whose contract needs a version its peer was last seen not speaking waits for the peer's upgrade.
        var peers = due.Any(m => m.ContractVersion > 1) ? await PeerVersions.KnownAsync(db, cancellationToken) : [];
        var held = due.Where(m => m.Kind == DeliveryStates.MessageKind && peers.TryGetValue(m.ToNode, out var speaks) && speaks < m.ContractVersion).ToList();
        due = due.Except(held).ToList();
        var exhausted = due.Where(m => m.State == DeliveryStates.Sent && m.Attempts >= _options.MaxAttempts).ToList();
        // A peer whose circuit is not closed gets one message as a probe; the rest wait for the next round.
        var sendable = due.Except(exhausted).GroupBy(m => m.ToNode)
            .SelectMany(peer => circuits.IsClosed(peer.Key) ? peer : peer.Take(1)).ToList();
        var errors = await Task.WhenAll(sendable.Select(m => TrySendAsync(m, cancellationToken)));

        using (await database.Gate.EnterAsync(CancellationToken.None))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            foreach (var message in held)
                await db.CrossBorderMessages.Where(m => m.Id == message.Id && m.State != DeliveryStates.Delivered)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, DeliveryStates.WaitingForUpgrade).SetProperty(m => m.NextAttemptAt, (Instant?)null)
                        .SetProperty(m => m.LastError, PeerVersions.Waiting(message.ToNode, message.ContractType, message.ContractVersion, peers[message.ToNode])));
            foreach (var message in exhausted)
                await FailAsync(db, message, message.Attempts, message.LastError ?? "no receipt after the last attempt", now);
            for (var i = 0; i < sendable.Count; i++)
                await RecordAsync(db, sendable[i], errors[i], now);
            await transaction.CommitAsync(CancellationToken.None);
        }
        return sendable.Count + exhausted.Count + held.Count;
    }

    async Task RecordAsync(NodeDbContext db, CrossBorderMessage message, string? error, Instant now)
    {
        var attempts = message.Attempts + 1;
        var rows = db.CrossBorderMessages.Where(m => m.Id == message.Id && m.State != DeliveryStates.Delivered);
        if (error == CircuitOpen)
        {
            // Not an attempt: the link is known to be down, so the message simply waits.
            var later = now + Duration.FromTimeSpan(_options.BreakDuration / 2);
            await rows.ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, later).SetProperty(m => m.LastError, error));
        }
        else if (error is null && message.Kind == DeliveryStates.ReceiptKind)
        {
            await rows.ExecuteUpdateAsync(s => s.SetProperty(m => m.State, DeliveryStates.Delivered).SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastSentAt, now).SetProperty(m => m.DeliveredAt, now).SetProperty(m => m.NextAttemptAt, (Instant?)null));
        }
        else if (error is null)
        {
            var receiptDue = now + Duration.FromTimeSpan(Max(_options.ReceiptTimeout, Backoff(attempts)));
            await rows.ExecuteUpdateAsync(s => s.SetProperty(m => m.State, DeliveryStates.Sent).SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastSentAt, now).SetProperty(m => m.NextAttemptAt, receiptDue));
        }
        else if (attempts >= _options.MaxAttempts)
        {
            await FailAsync(db, message, attempts, error, now);
        }
        else
        {
            var retryAt = now + Duration.FromTimeSpan(Backoff(attempts));
            await rows.ExecuteUpdateAsync(s => s.SetProperty(m => m.State, DeliveryStates.Retrying).SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastError, error).SetProperty(m => m.NextAttemptAt, retryAt));
        }
    }

    async Task FailAsync(NodeDbContext db, CrossBorderMessage message, int attempts, string error, Instant now)
    {
        var tags = NodeTelemetry.Link(node.Code, message.ToNode, message.Kind);
        tags.Add("mla.final", true);
        NodeTelemetry.MessagesFailed.Add(1, tags);
        logger.LogError("Cross-border {Contract} {MessageId} to {Node} failed after {Attempts} attempts: {Error}",
            message.ContractType, message.MessageId, message.ToNode, attempts, error);
        await db.CrossBorderMessages.Where(m => m.Id == message.Id && m.State != DeliveryStates.Delivered)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, DeliveryStates.Failed).SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.FailedAt, now).SetProperty(m => m.LastError, error).SetProperty(m => m.NextAttemptAt, (Instant?)null));
    }

    async Task<string?> TrySendAsync(CrossBorderMessage message, CancellationToken cancellationToken)
    {
        var envelope = signer.SealAndSign(new CrossBorderEnvelope(message.MessageId, node.Code, message.ToNode, message.Kind, message.ContractType,
            message.ContractVersion, message.CorrelationId, message.CreatedAt, message.Payload, null, SenderVersion: _options.ContractVersion));
        // Resume the trace the message was queued in (kept with the row, so a restart does not lose it); the sender carries
        // it to the peer in the message headers.
        using var activity = NodeTelemetry.Source.StartActivity($"send {message.ContractType} to {message.ToNode}", ActivityKind.Producer,
            ActivityContext.TryParse(message.TraceParent, null, out var queuedIn) ? queuedIn : default);
        activity?.SetTag("mla.node", node.Code).SetTag("mla.peer", message.ToNode).SetTag("mla.kind", message.Kind)
            .SetTag("mla.contract", message.ContractType).SetTag("mla.message_id", message.MessageId).SetTag("mla.attempt", message.Attempts + 1);
        var link = NodeTelemetry.Link(node.Code, message.ToNode, message.Kind);
        try
        {
            await circuits.For(message.ToNode).ExecuteAsync(
                async token => await sender.SendAsync(envelope, NewId.NextGuid(), message.CorrelationId, token), cancellationToken);
            NodeTelemetry.MessagesSent.Add(1, link);
            return null;
        }
        catch (Polly.CircuitBreaker.BrokenCircuitException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, CircuitOpen);
            return CircuitOpen;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            NodeTelemetry.MessagesFailed.Add(1, link);
            logger.LogWarning("Sending {MessageId} to {Node} failed: {Error}", message.MessageId, message.ToNode, exception.Message);
            return exception.Message;
        }
    }

    TimeSpan Backoff(int attempts)
    {
        var exponential = _options.FirstRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempts - 1, 20));
        var capped = Math.Min(exponential, _options.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }

    static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
