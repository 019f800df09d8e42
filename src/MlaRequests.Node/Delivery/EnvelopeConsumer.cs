using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MlaRequests.Contracts;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Node.Persistence;
using MlaRequests.Node.Telemetry;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.Node.Delivery;

/// <summary>
/// The node's border: every envelope arriving on its inbound queue is checked (addressed here,
/// signed by a trusted peer, sealed for this node unless the peer is not yet sealing, a known contract and version, a payload that reads) and otherwise
/// quarantined, never applied. A good message is applied once (by envelope MessageId): a transmitted request
/// becomes an incoming case right here (<see cref="IncomingRequests"/>), any other contract is published to this
/// node's workflows; a signed receipt goes back in the same transaction;
/// a resent copy is only receipted again. A receipt marks the message it names delivered.
/// </summary>
/// <remarks>
/// Versions: every signed envelope says which contract version its sender speaks (<see cref="PeerVersions"/>, recorded
/// whatever happens to the envelope next). A contract this node does not know, or a version above the one it speaks, is
/// quarantined with the contract, the version it needs and the version spoken here; a sender that stated its version gets
/// a receipt saying it was not applied, and holds the message until this node speaks the version. A release before
/// version 2 never sends such a message (it knows less than this one) and never gets such a receipt.
/// </remarks>
public sealed class EnvelopeConsumer(
    NodeDbContext db, EnvelopeSigner signer, WorkflowNode node, IClock clock, Quarantine quarantine, InputLimits limits, IOptions<CrossBorderOptions> options)
    : IConsumer<CrossBorderEnvelope>
{
    readonly int _speaks = options.Value.ContractVersion;

    /// <inheritdoc />
    public async Task Consume(ConsumeContext<CrossBorderEnvelope> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var envelope = context.Message;
        var now = clock.GetCurrentInstant();
        using var activity = NodeTelemetry.Source.StartActivity($"receive {envelope.ContractType} from {envelope.From}", ActivityKind.Consumer);
        activity?.SetTag("mla.node", node.Code).SetTag("mla.peer", envelope.From).SetTag("mla.kind", envelope.Kind)
            .SetTag("mla.contract", envelope.ContractType).SetTag("mla.message_id", envelope.MessageId);
        var (contract, problem, opened) = Check(envelope);
        var notUnderstood = problem?.EndsWith(KeptUntilUpgraded, StringComparison.Ordinal) == true;
        var senderVersion = problem is null || notUnderstood ? signer.SenderVersionOf(envelope) : null;
        var peerSpeaks = senderVersion is { } speaks ? await PeerVersions.RecordAsync(db, envelope.From, speaks, envelope.SentAt, now, context.CancellationToken) : 0;
        problem ??= await PeerAuthorization.ProblemAsync(db, node.Code, envelope, contract!, context.CancellationToken);
        var outcome = problem is not null ? "quarantined"
            : envelope.Kind == DeliveryStates.ReceiptKind ? "receipt"
            : await db.ReceivedEnvelopes.AnyAsync(r => r.MessageId == envelope.MessageId, context.CancellationToken) ? "duplicate" : "applied";
        activity?.SetTag("mla.outcome", outcome);
        var tags = NodeTelemetry.Link(node.Code, envelope.From, envelope.Kind);
        tags.Add("mla.outcome", outcome);
        NodeTelemetry.MessagesReceived.Add(1, tags);
        if (problem is not null)
        {
            await quarantine.KeepAsync(db, opened, problem, now, context.CancellationToken);
            if (notUnderstood && envelope.SenderVersion is not null && senderVersion is not null)
                CrossBorderQueue.Receipt(db, envelope.From, envelope.MessageId, now, problem);
            return;
        }

        if (envelope.Kind == DeliveryStates.ReceiptKind)
        {
            var receipt = (DeliveryReceipt)contract!;
            if (receipt.NotApplied is { } reason)
            {
                // Kept by the peer, not applied: held here until the peer speaks the version (PeerVersions releases it).
                await db.CrossBorderMessages
                    .Where(m => m.MessageId == receipt.MessageId && m.ToNode == envelope.From && m.State != DeliveryStates.Delivered && m.ContractVersion > peerSpeaks)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, DeliveryStates.WaitingForUpgrade).SetProperty(m => m.NextAttemptAt, (Instant?)null)
                        .SetProperty(m => m.LastError, $"{envelope.From} kept it unapplied: {reason}"), context.CancellationToken);
                return;
            }
            var confirmed = await db.CrossBorderMessages.Where(m => m.MessageId == receipt.MessageId && m.ToNode == envelope.From && m.State != DeliveryStates.Delivered)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, DeliveryStates.Delivered).SetProperty(m => m.DeliveredAt, receipt.ReceivedAt)
                    .SetProperty(m => m.NextAttemptAt, (Instant?)null).SetProperty(m => m.LastError, (string?)null), context.CancellationToken);
            if (confirmed > 0)
                NodeTelemetry.MessagesDelivered.Add(confirmed, NodeTelemetry.Link(node.Code, envelope.From, DeliveryStates.MessageKind));
            return;
        }

        if (outcome == "applied")
        {
            db.ReceivedEnvelopes.Add(new ReceivedEnvelope { MessageId = envelope.MessageId, FromNode = envelope.From, ContractType = envelope.ContractType, ReceivedAt = now });
            if (contract is RequestTransmitted request)
                await IncomingRequests.ReceiveAsync(db, node.Code, request, now, context);
            else
                await context.Publish(contract!, contract!.GetType(), c => c.MessageId = envelope.MessageId);
        }
        CrossBorderQueue.Receipt(db, envelope.From, envelope.MessageId, now);
    }

    /// <summary>The end of the reason for a message this node does not speak yet: the sender holds it until it does.</summary>
    public const string KeptUntilUpgraded = "the sender keeps it until this node is upgraded";

    string Needs(CrossBorderEnvelope envelope) =>
        $"it needs contract version {envelope.ContractVersion}, this node speaks {_speaks}; {KeptUntilUpgraded}";

    /// <summary>
    /// The contract, or why the envelope is refused; and the envelope as it is kept if refused: with its payload opened
    /// once it opened (an administrator investigating sees what was refused, redacted like everywhere else), as received
    /// before that.
    /// </summary>
    (object? Contract, string? Problem, CrossBorderEnvelope Kept) Check(CrossBorderEnvelope envelope)
    {
        if (envelope.To != node.Code)
            return (null, $"misaddressed: for '{envelope.To}', this is {node.Code}", envelope);
        if (signer.Problem(envelope) is { } signature)
            return (null, signature, envelope);
        var type = envelope.Kind switch
        {
            DeliveryStates.ReceiptKind => envelope.ContractType == nameof(DeliveryReceipt) ? typeof(DeliveryReceipt) : null,
            DeliveryStates.MessageKind => CrossBorderContracts.TypeOf(envelope.ContractType),
            _ => null,
        };
        if (type is null && envelope.Kind == DeliveryStates.MessageKind && envelope.ContractVersion > _speaks)
            return (null, $"unknown contract '{envelope.Kind}/{envelope.ContractType}': {Needs(envelope)}", envelope);
        if (type is null)
            return (null, $"unknown contract '{envelope.Kind}/{envelope.ContractType}' (this node speaks contract version {_speaks})", envelope);
        if (envelope.ContractVersion > _speaks && envelope.Kind == DeliveryStates.MessageKind)
            return (null, $"unsupported version {envelope.ContractVersion} of {envelope.ContractType}: {Needs(envelope)}", envelope);
        if (envelope.ContractVersion < 1 || envelope.ContractVersion > _speaks
            || (type != typeof(DeliveryReceipt) && envelope.ContractVersion < CrossBorderContracts.VersionOf(type)))
            return (null, $"unsupported version {envelope.ContractVersion} of {envelope.ContractType} (this node speaks contract version {_speaks})", envelope);
        if (signer.Open(envelope, out var payload) is { } unopenable)
            return (null, unopenable, envelope);
        var opened = envelope with { Payload = payload };
        var contract = CrossBorderContracts.Deserialize(payload, type);
        if (contract is null)
            return (null, $"malformed payload for {envelope.ContractType}", opened);
        if (type != typeof(DeliveryReceipt) && CrossBorderContracts.CorrelationOf(contract) != envelope.CorrelationId)
            return (null, "malformed: the payload's branch does not match the envelope's correlation id", opened);
        if (IncomingRequests.Problem(contract, node.Code, limits, clock.GetCurrentInstant()) is { } unreadable)
            return (null, unreadable, opened);
        return (contract, null, opened);
    }
}
