using MassTransit;
using MlaRequests.Domain.Requests;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.Workflows.Branches;

/// <summary>One requested country's branch of an outgoing request: its own status, clocks and history.</summary>
public sealed class BranchState : SagaStateMachineInstance, ISagaVersion, ITimelineSubject
{
    /// <summary>The branch id (deterministic from request and country; the receiving node's case has the same id).</summary>
    public Guid CorrelationId { get; set; }

    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; set; }

    /// <summary>The workflow state's name.</summary>
    public string CurrentState { get; set; } = null!;

    /// <summary>The request.</summary>
    public Guid RequestId { get; set; }

    /// <summary>The request's reference.</summary>
    public string Reference { get; set; } = null!;

    /// <summary>The owning office.</summary>
    public string OfficeCode { get; set; } = null!;

    /// <summary>The requested country.</summary>
    public string TargetNode { get; set; } = null!;

    /// <summary>The legal basis.</summary>
    public LegalBasis LegalBasis { get; set; }

    /// <summary>Urgent clocks.</summary>
    public bool Urgent { get; set; }

    /// <summary>The request kind.</summary>
    public RequestKind Kind { get; set; }

    /// <summary>When it was transmitted.</summary>
    public Instant TransmittedAt { get; set; }

    /// <summary>The running acknowledgement clock.</summary>
    public Guid? AcknowledgementClockId { get; set; }

    /// <summary>The running recognition clock.</summary>
    public Guid? RecognitionClockId { get; set; }

    /// <summary>The running execution clock.</summary>
    public Guid? ExecutionClockId { get; set; }

    /// <summary>The running provisional-measures clock.</summary>
    public Guid? ProvisionalClockId { get; set; }

    /// <summary>The requesting state's desired-date clock for this country (issue 15), or null: no desired date, ended, or opened before the clock existed.</summary>
    public Guid? DesiredDateClockId { get; set; }
    /// <summary>
    /// The provisional measures whose own clocks still run (<c>"1,3"</c>: 1-based positions, issue 15); null when none runs and on branches
    /// opened by the previous release, whose single <see cref="ProvisionalClockId"/> stops at acceptance.
    /// </summary>
    public string? ProvisionalMeasures { get; set; }

    /// <summary>The running additional-information clock (this node must answer).</summary>
    public Guid? InformationClockId { get; set; }

    /// <summary>Rounds of additional information so far.</summary>
    public int InformationRounds { get; set; }

    /// <summary>The refusal grounds, comma-separated codes.</summary>
    public string? RefusalGrounds { get; set; }

    /// <summary>The requested country's linked domestic case (mirror investigations).</summary>
    public string? RemoteCaseReference { get; set; }

    /// <summary>The requested office's own file number, sent with its registration (null from a peer of an earlier release).</summary>
    public string? RemoteFileNumber { get; set; }

    /// <summary>A JIT agreement's end date as extended by both parties (null: the agreement's own end date, never extended).</summary>
    public LocalDate? JitEndsOn { get; set; }

    /// <summary>The end date of a JIT extension proposed by either party and not yet signed or declined (null when none is open).</summary>
    public LocalDate? ProposedJitEndsOn { get; set; }

    /// <summary>How many extensions of the JIT agreement are in force: the round of its current period clock (<c>ClockIds.For(id, JitPeriod, round)</c>).</summary>
    public int JitExtensions { get; set; }

    Guid ITimelineSubject.TimelineSubjectId => RequestId;
    Guid? ITimelineSubject.TimelineBranchId => CorrelationId;
    string? ITimelineSubject.TimelineCountry => TargetNode;
}
