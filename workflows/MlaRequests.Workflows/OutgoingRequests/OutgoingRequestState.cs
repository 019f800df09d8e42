using MassTransit;
using NodaTime;

namespace MlaRequests.Workflows.OutgoingRequests;

/// <summary>One outgoing request's workflow instance: ids, statuses and clock instants only, no personal data.</summary>
public sealed class OutgoingRequestState : SagaStateMachineInstance, ISagaVersion
{
    /// <summary>The request id.</summary>
    public Guid CorrelationId { get; set; }

    /// <summary>Optimistic concurrency token, bumped on every update.</summary>
    public int Version { get; set; }

    /// <summary>The workflow state's name.</summary>
    public string CurrentState { get; set; } = null!;

    /// <summary>When it entered review.</summary>
    public Instant SubmittedAt { get; set; }

    /// <summary>When a liaison officer released it.</summary>
    public Instant? ApprovedAt { get; set; }

    /// <summary>When the legal acknowledgement is due.</summary>
    public Instant? AcknowledgementDueAt { get; set; }

    /// <summary>The pending acknowledgement deadline, if any.</summary>
    public Guid? AcknowledgementDeadlineToken { get; set; }

    /// <summary>When the requested authority acknowledged it.</summary>
    public Instant? AcknowledgedAt { get; set; }

    /// <summary>When the overdue acknowledgement was escalated to supervisors.</summary>
    public Instant? EscalatedAt { get; set; }

    /// <summary>Notes applied to the request's file.</summary>
    public int NoteCount { get; set; }
}
