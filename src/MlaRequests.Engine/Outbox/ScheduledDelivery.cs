using NodaTime;

namespace MlaRequests.Engine.Outbox;

/// <summary>A payload on a send context marking it as scheduled: the outbox row gets this due instant and token.</summary>
/// <param name="DueAt">When the message becomes due.</param>
/// <param name="TokenId">The schedule token the workflow keeps to cancel it.</param>
public sealed record ScheduledDelivery(Instant DueAt, Guid TokenId);
