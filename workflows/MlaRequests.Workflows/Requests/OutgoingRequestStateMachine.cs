using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Domain;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using MlaRequests.Workflows.Branches;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.Shared;

namespace MlaRequests.Workflows.Requests;

/// <summary>
/// An outgoing request on the requesting node: <c>Draft → InReview → Approved → Completed</c>, with
/// <c>InReview → Draft</c> (returned) and <c>→ RejectedInternally</c>, and <c>Withdrawn</c> from any open
/// status. Approval transmits the request to each requested country and opens one branch per country
/// (<see cref="Branches.BranchStateMachine"/>);
/// the request completes when every branch reached a final status. The internal review runs on a
/// 5-business-day clock. Events the current state does not handle follow <see cref="StepOrder"/>:
/// a late duplicate is ignored, an early arrival is held by the endpoint retry.
/// </summary>
public sealed partial class OutgoingRequestStateMachine : MassTransitStateMachine<OutgoingRequestState>
{
    readonly StepOrder _order = new();

    /// <summary>Builds the workflow for the node it runs on.</summary>
    public OutgoingRequestStateMachine(WorkflowNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        InstanceState(x => x.CurrentState);

        Event(() => RequestDrafted, e => e.CorrelateById(m => m.Message.RequestId));
        Event(() => SubmitRequest, e => e.FaultWhenMissing(m => m.Message.RequestId));
        Event(() => ApproveRequest, e => e.FaultWhenMissing(m => m.Message.RequestId));
        Event(() => ReturnRequest, e => e.FaultWhenMissing(m => m.Message.RequestId));
        Event(() => RejectRequest, e => e.FaultWhenMissing(m => m.Message.RequestId));
        Event(() => WithdrawRequest, e => e.FaultWhenMissing(m => m.Message.RequestId));
        Event(() => RequestNoteAdded, e => e.FaultWhenMissing(m => m.Message.RequestId));
        Event(() => BranchFinished, e => e.FaultWhenMissing(m => m.Message.RequestId));
        Event(() => BranchAccepted, e => e.FaultWhenMissing(m => m.Message.RequestId));

        Initially(
            When(RequestDrafted)
                .Then(c =>
                {
                    c.Saga.Reference = c.Message.Reference;
                    c.Saga.OfficeCode = c.Message.OfficeCode;
                })
                .TransitionTo(Draft)
                .Record(TimelineTexts.Drafted, c => c.Message.Actor, c => c.Message.At));

        During(Draft,
            When(SubmitRequest)
                .Then(c =>
                {
                    c.Saga.Kind = c.Message.Kind;
                    c.Saga.LegalBasis = c.Message.LegalBasis;
                    c.Saga.Urgent = c.Message.Urgent;
                    c.Saga.Targets = string.Join(',', c.Message.Targets);
                    c.Saga.ReviewClockId = ClockIds.For(c.Saga.CorrelationId, ClockKind.InternalReview, c.Saga.ReviewRounds++);
                })
                .TransitionTo(InReview)
                .Publish(c => new StartClock(c.Saga.ReviewClockId!.Value, c.Saga.CorrelationId, null, ClockKind.InternalReview,
                    c.Message.LegalBasis, c.Message.Urgent, node.Code, c.Saga.Reference, c.Saga.OfficeCode, c.Message.At))
                .Record(TimelineTexts.Submitted, c => c.Message.Actor, c => c.Message.At));

        During(InReview,
            When(ApproveRequest)
                .Then(c => c.Saga.ApprovedAt = c.Message.At)
                .TransitionTo(Approved)
                .ThenAsync(async c =>
                {
                    await c.Publish(new StopClock(c.Saga.ReviewClockId!.Value, c.Message.At));
                    // The request goes to each country from here, in the approval's own transaction; the branch opened
                    // alongside tracks it from then on. Sending it from the branch instead would put one more broker
                    // hop and one more commit between the liaison officer's approval and the other country.
                    var request = await c.Reads().RequestContentAsync(c.Saga.CorrelationId, c.CancellationToken);
                    var provisional = request.Measures.Any(m => m.IsProvisional);
                    foreach (var target in c.Saga.TargetList)
                    {
                        // Each country gets its own copy, its own legal basis in the request-level fields (issue 15): a release-2
                        // peer reads only those. A request stored before per-country bases has none, and every copy is the request.
                        var copy = request.ForTarget(target);
                        var basis = copy.LegalBasis ?? c.Saga.LegalBasis!.Value;
                        var branchId = DeterministicGuid.Branch(c.Saga.CorrelationId, target);
                        await c.Send(WorkflowNode.InboundAddressOf(target), new RequestTransmitted(branchId, c.Saga.CorrelationId, c.Saga.Reference,
                            node.Code, target, request.Kind.ToString(), basis.ToString(), c.Saga.Urgent, provisional,
                            RequestContentJson.Version, RequestContentJson.Serialize(copy), c.Message.Actor, c.Message.At));
                        await c.Publish(new OpenBranch(branchId, c.Saga.CorrelationId,
                            c.Saga.Reference, node.Code, target, c.Saga.OfficeCode, basis, c.Saga.Urgent, c.Message.Actor, c.Message.At));
                    }
                })
                .Record(TimelineTexts.Approved, c => c.Message.Actor, c => c.Message.At, c => TimelineTexts.ApprovedDetails.Format(c.Saga.Targets.Replace(",", ", "))),
            When(ReturnRequest)
                .TransitionTo(Draft)
                .Publish(c => new CancelClock(c.Saga.ReviewClockId!.Value, "Returned to the prosecutor", c.Message.At))
                .Record(TimelineTexts.Returned, c => c.Message.Actor, c => c.Message.At, c => c.Message.Comments),
            When(RejectRequest)
                .TransitionTo(RejectedInternally)
                .Publish(c => new CancelClock(c.Saga.ReviewClockId!.Value, "Rejected internally", c.Message.At))
                .Record(TimelineTexts.Rejected, c => c.Message.Actor, c => c.Message.At, c => c.Message.Reasons));

        During(Draft, InReview, Approved,
            When(WithdrawRequest)
                .ThenAsync(async c =>
                {
                    if (c.Saga.CurrentState == InReview.Name)
                        await c.Publish(new CancelClock(c.Saga.ReviewClockId!.Value, "Request withdrawn", c.Message.At));
                    if (c.Saga.CurrentState == Approved.Name)
                    {
                        foreach (var target in c.Saga.TargetList)
                            await c.Publish(new WithdrawBranch(DeterministicGuid.Branch(c.Saga.CorrelationId, target), c.Message.Reason, c.Message.Actor, c.Message.At));
                    }
                })
                .TransitionTo(Withdrawn)
                .Record(TimelineTexts.Withdrawn, c => c.Message.Actor, c => c.Message.At, c => c.Message.Reason));

        During(Approved,
            When(BranchAccepted)
                .Then(c => c.Saga.BranchesAccepted++)
                .If(c => c.Saga.Kind == RequestKind.JointInvestigationTeam && c.Saga.BranchesAccepted == c.Saga.TargetList.Count, all => all
                    .Record(TimelineTexts.JitAgreed, _ => "system", c => c.Message.At,
                        c => TimelineTexts.JitAgreedDetails.Format(c.Saga.Targets.Replace(",", ", "), node.Code))),
            When(BranchFinished)
                .Then(c => c.Saga.BranchesFinished++)
                .If(c => c.Saga.BranchesFinished >= c.Saga.TargetList.Count, all => all
                    .TransitionTo(Completed)
                    .Record(TimelineTexts.Completed, _ => "system", c => c.Message.At, _ => TimelineTexts.CompletedDetails.Format())));

        DuringAny(
            When(RequestNoteAdded)
                .Then(c => c.Saga.NoteCount++)
                .Publish(c => new RequestNoteRecorded(c.Saga.CorrelationId, c.Message.NoteId, c.Saga.NoteCount)));

        _order
            .States([Draft], [InReview], [Approved], [Completed, RejectedInternally, Withdrawn])
            .Event(RequestDrafted, Draft).Event(SubmitRequest, InReview).Event(ApproveRequest, Approved).Event(RejectRequest, RejectedInternally)
            .Event(ReturnRequest, Draft).Event(WithdrawRequest, Withdrawn).Event(BranchFinished, Completed).Event(BranchAccepted, Approved);
        OnUnhandledEvent(_order.Handle);
    }

    /// <summary>Being drafted (or returned for changes) by the prosecutor.</summary>
    public State Draft { get; private set; } = null!;

    /// <summary>Under internal review by a liaison officer.</summary>
    public State InReview { get; private set; } = null!;

    /// <summary>Released; its branches run per requested country.</summary>
    public State Approved { get; private set; } = null!;

    /// <summary>Rejected by the liaison officer.</summary>
    public State RejectedInternally { get; private set; } = null!;

    /// <summary>Every branch reached a final status.</summary>
    public State Completed { get; private set; } = null!;

    /// <summary>Withdrawn by the requesting office.</summary>
    public State Withdrawn { get; private set; } = null!;

    /// <summary>A draft was created.</summary>
    public Event<RequestDrafted> RequestDrafted { get; private set; } = null!;

    /// <summary>Submitted for review.</summary>
    public Event<SubmitRequest> SubmitRequest { get; private set; } = null!;

    /// <summary>Approved by a liaison officer.</summary>
    public Event<ApproveRequest> ApproveRequest { get; private set; } = null!;

    /// <summary>Returned with comments.</summary>
    public Event<ReturnRequest> ReturnRequest { get; private set; } = null!;

    /// <summary>Rejected internally.</summary>
    public Event<RejectRequest> RejectRequest { get; private set; } = null!;

    /// <summary>Withdrawn.</summary>
    public Event<WithdrawRequest> WithdrawRequest { get; private set; } = null!;

    /// <summary>A note was added.</summary>
    public Event<RequestNoteAdded> RequestNoteAdded { get; private set; } = null!;

    /// <summary>A requested country accepted its branch.</summary>
    public Event<BranchAccepted> BranchAccepted { get; private set; } = null!;

    /// <summary>A branch finished.</summary>
    public Event<BranchFinished> BranchFinished { get; private set; } = null!;
}
