using MassTransit;
using MlaRequests.Domain.Requests;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.Workflows.Requests;

/// <summary>One outgoing request's workflow instance: ids, statuses and instants only, no personal data.</summary>
public sealed class OutgoingRequestState : SagaStateMachineInstance, ISagaVersion, ITimelineSubject
{
    /// <summary>The request id.</summary>
    public Guid CorrelationId { get; set; }

    /// <summary>Optimistic concurrency token, bumped on every update.</summary>
    public int Version { get; set; }

    /// <summary>The workflow state's name.</summary>
    public string CurrentState { get; set; } = null!;

    /// <summary>The request's reference.</summary>
    public string Reference { get; set; } = null!;

    /// <summary>The owning office.</summary>
    public string OfficeCode { get; set; } = null!;

    /// <summary>The legal basis, known once submitted.</summary>
    public LegalBasis? LegalBasis { get; set; }

    /// <summary>The request kind, known once submitted.</summary>
    public RequestKind Kind { get; set; }

    /// <summary>Branches whose country accepted the request.</summary>
    public int BranchesAccepted { get; set; }

    /// <summary>Urgent or child-victim priority.</summary>
    public bool Urgent { get; set; }

    /// <summary>The requested countries, comma-separated.</summary>
    public string Targets { get; set; } = string.Empty;

    /// <summary>How many times it went into review (each review has its own clock).</summary>
    public int ReviewRounds { get; set; }

    /// <summary>The running internal-review clock.</summary>
    public Guid? ReviewClockId { get; set; }

    /// <summary>Branches that reached a final status.</summary>
    public int BranchesFinished { get; set; }

    /// <summary>When it was approved.</summary>
    public Instant? ApprovedAt { get; set; }

    /// <summary>Notes applied to the request's file.</summary>
    public int NoteCount { get; set; }

    /// <summary>The requested countries as a list.</summary>
    public IReadOnlyList<string> TargetList => Targets.Split(',', StringSplitOptions.RemoveEmptyEntries);

    Guid ITimelineSubject.TimelineSubjectId => CorrelationId;
    Guid? ITimelineSubject.TimelineBranchId => null;
    string? ITimelineSubject.TimelineCountry => null;
}
