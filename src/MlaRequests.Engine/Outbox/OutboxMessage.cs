using NodaTime;

namespace MlaRequests.Engine.Outbox;

/// <summary>
/// A message a workflow or an API command sent or published, stored in the same transaction as
/// the change that caused it and delivered by <see cref="OutboxDispatcher"/> after commit.
/// A row with <see cref="NotBefore"/> is a scheduled message (a deadline): it is not delivered
/// before that instant, and <see cref="ScheduleTokenId"/> lets the workflow cancel it.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>Insertion order; delivery follows it.</summary>
    public long SequenceNumber { get; set; }

    /// <summary>The MessageId the message keeps on every delivery attempt (receivers deduplicate on it).</summary>
    public Guid MessageId { get; set; }

    /// <summary>The message's CLR type, as <c>Full.Name, Assembly</c>.</summary>
    public required string MessageType { get; set; }

    /// <summary>The message as JSON.</summary>
    public required string Body { get; set; }

    /// <summary>Where to send it; <c>null</c> means publish.</summary>
    public string? DestinationAddress { get; set; }

    /// <summary>Transport headers as a JSON object of strings, numbers and booleans.</summary>
    public string? Headers { get; set; }

    /// <summary>Correlation identifiers carried over from the send context.</summary>
    public Guid? CorrelationId { get; set; }

    /// <summary>The conversation the message belongs to.</summary>
    public Guid? ConversationId { get; set; }

    /// <summary>The message that caused this one.</summary>
    public Guid? InitiatorId { get; set; }

    /// <summary>When the row was written.</summary>
    public Instant CreatedAt { get; set; }

    /// <summary>For a scheduled message: the instant it becomes due.</summary>
    public Instant? NotBefore { get; set; }

    /// <summary>For a scheduled message: the token the workflow holds to cancel it.</summary>
    public Guid? ScheduleTokenId { get; set; }

    /// <summary>Failed delivery attempts so far.</summary>
    public int Attempts { get; set; }

    /// <summary>After a failed attempt: when to try again.</summary>
    public Instant? NextAttemptAt { get; set; }

    /// <summary>The last delivery error, for operators.</summary>
    public string? LastError { get; set; }
}
