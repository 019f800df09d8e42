using MassTransit;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.Workflows.Deadlines;

/// <summary>One deadline clock: what it waits for, when it is due, where it stands.</summary>
public sealed class DeadlineClockState : SagaStateMachineInstance, ISagaVersion, ITimelineSubject
{
    /// <summary>The clock id.</summary>
    public Guid CorrelationId { get; set; }

    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; set; }

    /// <summary>Running, Overdue, Suspended, Met or Cancelled.</summary>
    public string CurrentState { get; set; } = null!;

    /// <summary>The request or incoming case.</summary>
    public Guid SubjectId { get; set; }

    /// <summary>The branch, for per-country clocks.</summary>
    public Guid? BranchId { get; set; }

    /// <summary>Which clock.</summary>
    public ClockKind Kind { get; set; }

    /// <summary>The request's legal basis.</summary>
    public LegalBasis LegalBasis { get; set; }

    /// <summary>Urgent policy.</summary>
    public bool Urgent { get; set; }

    /// <summary>The country that must act.</summary>
    public string ActingCountry { get; set; } = null!;

    /// <summary>The request's reference.</summary>
    public string Reference { get; set; } = null!;

    /// <summary>The owning office on this node, if any.</summary>
    public string? OfficeCode { get; set; }

    /// <summary>The start event's instant.</summary>
    public Instant StartedAt { get; set; }

    /// <summary>When it is due.</summary>
    public Instant DueAt { get; set; }

    /// <summary>The 50 % reminder.</summary>
    public Instant Reminder50At { get; set; }

    /// <summary>The 80 % reminder.</summary>
    public Instant Reminder80At { get; set; }

    /// <summary>The last checkpoint passed: 0, 50, 80 or 100.</summary>
    public int LastPercent { get; set; }

    /// <summary>The period as the policy states it.</summary>
    public string Length { get; set; } = null!;

    /// <summary>The legal source of the length.</summary>
    public string Source { get; set; } = null!;

    /// <summary>The acting authority's time zone.</summary>
    public string TimeZone { get; set; } = null!;

    /// <summary>False when the calendar data for a year used was unverified or missing.</summary>
    public bool CalendarVerified { get; set; }

    /// <summary>Whether the one allowed extension was used.</summary>
    public bool Extended { get; set; }

    /// <summary>The reasons given for the extension.</summary>
    public string? ExtensionReasons { get; set; }

    /// <summary>When the overdue clock was escalated to supervisors.</summary>
    public Instant? EscalatedAt { get; set; }

    /// <summary>When it was met or cancelled.</summary>
    public Instant? EndedAt { get; set; }

    /// <summary>The pending checkpoint's schedule token.</summary>
    public Guid? CheckpointToken { get; set; }

    /// <summary>When the current suspension began (null while the clock counts).</summary>
    public Instant? SuspendedAt { get; set; }

    /// <summary>The time spent suspended so far, by which the due instant moved (null when never suspended).</summary>
    public Duration? SuspendedFor { get; set; }

    Guid ITimelineSubject.TimelineSubjectId => SubjectId;
    Guid? ITimelineSubject.TimelineBranchId => BranchId;
    string? ITimelineSubject.TimelineCountry => ActingCountry;
}
