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
/// <param name="ContractVersion">The contract version the message needs: the version that introduced its contract (1 for every contract of the first release).</param>
/// <param name="CorrelationId">The branch (request as sent to one country) the message belongs to.</param>
/// <param name="SentAt">When the sender first queued it.</param>
/// <param name="Payload">The contract as JSON, or when sealed base64 nonce, ciphertext and tag.</param>
/// <param name="Signature">Base64 ECDSA P-256/SHA-256 signature of the canonical form of every other field.</param>
/// <param name="Seal">The sealing scheme, or null for an unsealed envelope (what releases before sealing send).</param>
/// <param name="SignerKeyId">Id of the sender's signing key (a sender may have several trusted keys while it rotates).</param>
/// <param name="RecipientKeyId">Id of the recipient's encryption key the payload is sealed for.</param>
/// <param name="EphemeralKey">The sender's one-message ECDH public key, base64 SubjectPublicKeyInfo.</param>
/// <param name="SenderVersion">
/// The highest contract version the sender speaks (since version 2; null from releases before it, which speak 1). Releases
/// before it ignore the field: it is outside <paramref name="Signature"/> and signed on its own in <paramref name="VersionSignature"/>.
/// </param>
/// <param name="VersionSignature">Base64 ECDSA signature, with the same key, of what <paramref name="Signature"/> covers followed by <paramref name="SenderVersion"/>.</param>
public sealed record CrossBorderEnvelope(
    Guid MessageId, string From, string To, string Kind, string ContractType, int ContractVersion, Guid CorrelationId, Instant SentAt,
    string Payload, string? Signature, string? Seal = null, string? SignerKeyId = null, string? RecipientKeyId = null, string? EphemeralKey = null,
    int? SenderVersion = null, string? VersionSignature = null);
