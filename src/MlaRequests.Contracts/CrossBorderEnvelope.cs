using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>
/// How every message travels between national nodes (modelled on AS4/eDelivery): a unique
/// MessageId kept on every resend, sender and recipient node, the case it correlates by, the
/// contract and its version, the sending instant, the contract itself as JSON, and the sender's
/// ECDSA signature over all of it. A receipt is an envelope of kind <c>receipt</c> whose payload names
/// the message it acknowledges.
/// </summary>
/// <param name="MessageId">Unique per message; a resend keeps it, so the receiver can drop duplicates.</param>
/// <param name="From">The sending node's code.</param>
/// <param name="To">The receiving node's code.</param>
/// <param name="Kind"><c>message</c> or <c>receipt</c>.</param>
/// <param name="ContractType">The contract's name, e.g. <c>RequestTransmitted</c>.</param>
/// <param name="ContractVersion">The contract's version.</param>
/// <param name="CorrelationId">The branch (request as sent to one country) the message belongs to.</param>
/// <param name="SentAt">When the sender first queued it.</param>
/// <param name="Payload">The contract as JSON.</param>
/// <param name="Signature">Base64 ECDSA P-256/SHA-256 signature of the canonical form of every other field.</param>
public sealed record CrossBorderEnvelope(
    Guid MessageId, string From, string To, string Kind, string ContractType, int ContractVersion, Guid CorrelationId, Instant SentAt,
    string Payload, string? Signature);
