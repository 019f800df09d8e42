using MassTransit;
using MlaRequests.Domain.Requests;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>A request received from another country, as the receiving node handles it.</summary>
public sealed class IncomingCaseState : SagaStateMachineInstance, ISagaVersion, ITimelineSubject
{
    /// <summary>The case id (the sender's branch id).</summary>
    public Guid CorrelationId { get; set; }

    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; set; }

    /// <summary>The workflow state's name.</summary>
    public string CurrentState { get; set; } = null!;

    /// <summary>This node's registration reference.</summary>
    public string Reference { get; set; } = null!;

    /// <summary>The requesting country.</summary>
    public string RequestingNode { get; set; } = null!;

    /// <summary>The request kind.</summary>
    public RequestKind Kind { get; set; }

    /// <summary>The legal basis.</summary>
    public LegalBasis LegalBasis { get; set; }

    /// <summary>Urgent clocks.</summary>
    public bool Urgent { get; set; }

    /// <summary>When it arrived.</summary>
    public Instant ReceivedAt { get; set; }

    /// <summary>The officer it is assigned to.</summary>
    public string? AssignedTo { get; set; }

    /// <summary>The running acknowledgement (registration) clock.</summary>
    public Guid? AcknowledgementClockId { get; set; }

    /// <summary>The running recognition clock.</summary>
    public Guid? RecognitionClockId { get; set; }

    /// <summary>The running execution clock.</summary>
    public Guid? ExecutionClockId { get; set; }

    /// <summary>The running provisional-measures clock.</summary>
    public Guid? ProvisionalClockId { get; set; }

    /// <summary>The requesting state's desired-date clock (issue 15), or null: no desired date, ended, or received before the clock existed.</summary>
    public Guid? DesiredDateClockId { get; set; }
    /// <summary>
    /// The provisional measures whose own clocks still run (<c>"1,3"</c>: 1-based positions, issue 15); null when none runs and on cases
    /// received by the previous release, whose single <see cref="ProvisionalClockId"/> stops at acceptance.
    /// </summary>
    public string? ProvisionalMeasures { get; set; }

    /// <summary>Who proposed the refusal awaiting sign-off (never the one who signs it off).</summary>
    public string? RefusalProposedBy { get; set; }

    /// <summary>The status the refusal awaiting sign-off was proposed from, to return to when it is sent back.</summary>
    public string? RefusalProposedFrom { get; set; }

    /// <summary>The execution status a postponement during execution came from, to return to on resumption (null for one during recognition).</summary>
    public string? PostponedFrom { get; set; }

    /// <summary>The running clock on the postponement's end date (null before issue 14's postponement, and when not postponed).</summary>
    public Guid? PostponementClockId { get; set; }

    /// <summary>A JIT agreement's end date as extended by both parties (null: the agreement's own end date, never extended).</summary>
    public LocalDate? JitEndsOn { get; set; }

    /// <summary>The end date of a JIT extension proposed by either party and not yet signed or declined (null when none is open).</summary>
    public LocalDate? ProposedJitEndsOn { get; set; }

    /// <summary>How many extensions of the JIT agreement are in force: the round of its current period clock (<c>ClockIds.For(id, JitPeriod, round)</c>).</summary>
    public int JitExtensions { get; set; }

    Guid ITimelineSubject.TimelineSubjectId => CorrelationId;
    Guid? ITimelineSubject.TimelineBranchId => CorrelationId;
    string? ITimelineSubject.TimelineCountry => RequestingNode;
}
