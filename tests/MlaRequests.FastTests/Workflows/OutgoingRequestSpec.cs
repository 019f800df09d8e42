using MlaRequests.Contracts;
using MlaRequests.Domain;
using MlaRequests.Domain.Requests;
using MlaRequests.FastTests.Infrastructure;
using MlaRequests.Workflows.Requests;
using MlaRequests.Workflows.Shared;

namespace MlaRequests.FastTests.Workflows;

/// <summary>The outgoing request: Draft → InReview → Approved → Completed, returned, rejected or withdrawn; notes in any status.</summary>
public sealed class OutgoingRequestSpec : WorkflowSpec<OutgoingRequestStateMachine, OutgoingRequestState>
{
    static readonly string[] Open = ["Draft", "InReview", "Approved"];
    static readonly string[] All = [.. Open, "RejectedInternally", "Completed", "Withdrawn"];

    /// <inheritdoc />
    public override IReadOnlyList<Transition<OutgoingRequestState>> Transitions { get; } =
    [
        new("Initial", "RequestDrafted", "Draft"),
        new("Draft", "SubmitRequest", "InReview"),
        new("InReview", "ApproveRequest", "Approved"),
        new("InReview", "ReturnRequest", "Draft"),
        new("InReview", "RejectRequest", "RejectedInternally"),
        .. Open.Select(s => new Transition<OutgoingRequestState>(s, "WithdrawRequest", "Withdrawn")),
        new("Approved", "BranchAccepted", "Approved"),
        new("Approved", "BranchFinished", "Completed", "the last branch"),
        new("Approved", "BranchFinished", "Approved", "one branch of two", Given: s => s.Targets = "KG,TJ"),
        .. All.Select(s => new Transition<OutgoingRequestState>(s, "RequestNoteAdded", s)),
    ];

    /// <inheritdoc />
    public override string[][] Ranks { get; } = [["Draft"], ["InReview"], ["Approved"], ["Completed", "RejectedInternally", "Withdrawn"]];

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> LeadsTo { get; } = new Dictionary<string, string>
    {
        ["RequestDrafted"] = "Draft", ["SubmitRequest"] = "InReview", ["ApproveRequest"] = "Approved", ["RejectRequest"] = "RejectedInternally", ["ReturnRequest"] = "Draft",
        ["WithdrawRequest"] = "Withdrawn", ["BranchFinished"] = "Completed", ["BranchAccepted"] = "Approved",
    };

    /// <inheritdoc />
    public override OutgoingRequestStateMachine Build() => new(new WorkflowNode(WorkflowHarness<OutgoingRequestStateMachine, OutgoingRequestState>.NodeCode));

    /// <inheritdoc />
    public override OutgoingRequestState Instance(Guid id, string state) => new()
    {
        CorrelationId = id, CurrentState = state, Reference = "KZ-2026-0001", OfficeCode = "ALM", LegalBasis = LegalBasis.Minsk1993,
        Kind = RequestKind.ClassicMla, Targets = "KG", ReviewRounds = 1, ReviewClockId = Guid.NewGuid(),
    };

    /// <inheritdoc />
    public override IEnumerable<object> Related(Guid id) => [Step.Request(id)];

    /// <inheritdoc />
    public override object Message(string @event, Guid id) => @event switch
    {
        "RequestDrafted" => new RequestDrafted(id, "KZ-2026-0001", "ALM", Step.Actor, Step.At),
        "SubmitRequest" => new SubmitRequest(id, RequestKind.ClassicMla, LegalBasis.Minsk1993, false, ["KG"], Step.Actor, Step.At),
        "ApproveRequest" => new ApproveRequest(id, Step.Actor, Step.At),
        "ReturnRequest" => new ReturnRequest(id, "Add the law text", Step.Actor, Step.At),
        "RejectRequest" => new RejectRequest(id, "No legal basis", Step.Actor, Step.At),
        "WithdrawRequest" => new WithdrawRequest(id, "The case was closed", Step.Actor, Step.At),
        "RequestNoteAdded" => new RequestNoteAdded(id, Guid.NewGuid(), Step.At),
        "BranchAccepted" => new BranchAccepted(id, DeterministicGuid.Branch(id, "KG"), "KG", Step.At),
        "BranchFinished" => new BranchFinished(id, DeterministicGuid.Branch(id, "KG"), "Completed", Step.At),
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event, "no message for this event"),
    };
}
