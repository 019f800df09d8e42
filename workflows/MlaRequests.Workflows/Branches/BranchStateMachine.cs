using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.Requests;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.Workflows.Branches;

/// <summary>
/// One requested country's branch of an outgoing request, on the requesting node:
/// <c>Transmitted → Acknowledged → UnderRecognition ⇄ AdditionalInformationRequested →
/// Refused | Postponed | InExecution → PartiallyExecuted → Executed → EvidenceTransferred → Completed</c>,
/// and <c>Withdrawn</c> from any open status. The requested country's steps arrive as cross-border
/// messages; this node's steps (answering questions, confirming the evidence, withdrawing) come
/// from its API. Every clock the other side must meet runs here too, in that country's calendar,
/// so supervisors see a foreign delay the moment it happens.
/// </summary>
public sealed partial class BranchStateMachine : MassTransitStateMachine<BranchState>
{
    readonly StepOrder _order = new();

    /// <summary>Builds the workflow for the node it runs on.</summary>
    public BranchStateMachine(WorkflowNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        InstanceState(x => x.CurrentState);

        Event(() => OpenBranch, e => e.CorrelateById(m => m.Message.BranchId));
        Event(() => IncomingRequestRegistered, e => e.FaultWhenMissing(m => m.Message.BranchId));
        Event(() => IncomingRequestAssigned, e => e.FaultWhenMissing(m => m.Message.BranchId));
        Event(() => RecognitionPeriodExtended, e => e.FaultWhenMissing(m => m.Message.BranchId));
        Event(() => InformationRequested, e => e.FaultWhenMissing(m => m.Message.BranchId));
        Event(() => AnswerAdditionalInformation, e => e.FaultWhenMissing(m => m.Message.BranchId));
        Event(() => IncomingRequestRefused, e => e.FaultWhenMissing(m => m.Message.BranchId));
        Event(() => IncomingRequestPostponed, e => e.FaultWhenMissing(m => m.Message.BranchId));
        Event(() => IncomingRequestAccepted, e => e.FaultWhenMissing(m => m.Message.BranchId));
        Event(() => ExecutionRecorded, e => e.FaultWhenMissing(m => m.Message.BranchId));
        Event(() => EvidenceSent, e => e.FaultWhenMissing(m => m.Message.BranchId));
        Event(() => ConfirmEvidenceReceived, e => e.FaultWhenMissing(m => m.Message.BranchId));
        Event(() => WithdrawBranch, e => e.FaultWhenMissing(m => m.Message.BranchId));
        Event(() => SpontaneousInformationNoted, e => e.FaultWhenMissing(m => m.Message.BranchId));

        Initially(
            When(OpenBranch)
                .ThenAsync(async c =>
                {
                    var content = await c.Reads().RequestContentAsync(c.Message.RequestId, c.CancellationToken);
                    var s = c.Saga;
                    s.RequestId = c.Message.RequestId;
                    s.Reference = c.Message.Reference;
                    s.OfficeCode = c.Message.OfficeCode;
                    s.TargetNode = c.Message.TargetNode;
                    s.LegalBasis = c.Message.LegalBasis;
                    s.Urgent = c.Message.Urgent;
                    s.Kind = content.Kind;
                    s.TransmittedAt = c.Message.At;
                    // The request itself went to the target country in the approval's transaction (the request workflow):
                    // the branch starts the clocks that run from that transmission.
                    if (s.Kind != RequestKind.SpontaneousInformation)
                        await StartClock(c, ClockKind.Acknowledgement, s.TargetNode, c.Message.At);
                    await StartProvisionalClocksAsync(c, content, c.Message.At);
                    await StartDesiredDate(c, content, c.Message.At);
                })
                .TransitionTo(Transmitted)
                .Record(TimelineTexts.Transmitted, c => c.Message.Actor, c => c.Message.At));

        During(Transmitted,
            When(IncomingRequestRegistered)
                .ThenAsync(async c =>
                {
                    await StopClock(c, x => x.AcknowledgementClockId, c.Message.At);
                    if (c.Saga.Kind != RequestKind.SpontaneousInformation)
                        await StartClock(c, KindClocks.DecisionClockOf(c.Saga.Kind), c.Saga.TargetNode, c.Message.At);
                    c.Saga.RemoteFileNumber = c.Message.FileNumber;
                })
                .TransitionTo(Acknowledged)
                .Record(TimelineTexts.Acknowledged, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At));

        During(Acknowledged,
            When(SpontaneousInformationNoted)
                .TransitionTo(Completed)
                .Publish(c => new BranchFinished(c.Saga.RequestId, c.Saga.CorrelationId, Completed.Name, c.Message.At))
                .Record(TimelineTexts.Noted, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At),
            When(IncomingRequestAssigned)
                .TransitionTo(UnderRecognition)
                .Record(TimelineTexts.AssignedForRecognition, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At));

        During(Acknowledged, UnderRecognition,
            When(RecognitionPeriodExtended)
                .Publish(c => new ExtendClock(c.Saga.RecognitionClockId!.Value, c.Message.Extension, c.Message.Reasons, c.Message.Actor, c.Message.At))
                .Record(TimelineTexts.RecognitionExtended, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At,
                    c => TimelineTexts.RecognitionExtendedDetails.Format(c.Message.Extension, c.Message.Reasons)),
            When(InformationRequested)
                .ThenAsync(c => StartClock(c, ClockKind.AdditionalInformation, node.Code, c.Message.At))
                .ThenAsync(c => SuspendRecognition(c, c.Message.At))
                .TransitionTo(AdditionalInformationRequested)
                .Record(TimelineTexts.InformationRequested, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At, c => c.Message.Questions),
            When(IncomingRequestPostponed)
                .ThenAsync(c => CancelClocks(c, c.Message.At, "Postponed by the requested authority", keepDesiredDate: true))
                .TransitionTo(Postponed)
                .Record(TimelineTexts.Postponed, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At, c => PostponedDetails(c.Message)));

        During(AdditionalInformationRequested,
            When(AnswerAdditionalInformation)
                .ThenAsync(async c =>
                {
                    await StopClock(c, x => x.InformationClockId, c.Message.At);
                    await ResumeRecognition(c, c.Message.At);
                    await c.Send(WorkflowNode.InboundAddressOf(c.Saga.TargetNode),
                        new AdditionalInformationProvided(c.Saga.CorrelationId, node.Code, c.Message.Answer, c.Message.Actor, c.Message.At));
                })
                .TransitionTo(UnderRecognition)
                .Record(TimelineTexts.InformationProvided, c => c.Message.Actor, c => c.Message.At));

        During(Acknowledged, UnderRecognition, AdditionalInformationRequested, Postponed,
            When(IncomingRequestRefused)
                .Then(c => c.Saga.RefusalGrounds = string.Join(',', c.Message.Grounds))
                .ThenAsync(c => CancelClocks(c, c.Message.At, "Refused"))
                .TransitionTo(Refused)
                .Publish(c => new BranchFinished(c.Saga.RequestId, c.Saga.CorrelationId, Refused.Name, c.Message.At))
                .Record(TimelineTexts.Refused, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At,
                    c => TimelineTexts.RefusedDetails.Format(string.Join(", ", c.Message.Grounds), c.Message.Reasons)),
            When(IncomingRequestAccepted)
                .Then(c => c.Saga.RemoteCaseReference = c.Message.DomesticCaseReference)
                .ThenAsync(async c =>
                {
                    await StopClock(c, x => x.RecognitionClockId, c.Message.At);
                    await StopClock(c, x => x.ProvisionalClockId, c.Message.At);
                    await StopProvisionalClocksAtAcceptanceAsync(c, c.Message.ProvisionalDecisionsFollow && node.ContractVersion >= ProvisionalClocks.SinceVersion, c.Message.At);
                    await StopClock(c, x => x.InformationClockId, c.Message.At);
                    // A JIT proposal accepted is an agreement to sign, not a request to execute: its period is its clock. Mirror and
                    // parallel investigations move in step and coordinate through milestones: no execution period either.
                    if (KindClocks.HasExecutionClock(c.Saga.Kind))
                        await StartClock(c, ClockKind.Execution, c.Saga.TargetNode, c.Message.At);
                    else
                        await MeetDesiredDate(c, c.Message.At);
                })
                .IfElse(c => c.Saga.Kind == RequestKind.JointInvestigationTeam,
                    jit => jit.TransitionTo(AgreementAwaitingSignatures),
                    request => request.TransitionTo(InExecution))
                .Publish(c => new BranchAccepted(c.Saga.RequestId, c.Saga.CorrelationId, c.Saga.TargetNode, c.Message.At))
                .Record(c => c.Saga.Kind == RequestKind.JointInvestigationTeam ? TimelineTexts.JitAccepted.Format() : TimelineTexts.Accepted.Format(),
                    c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At,
                    c => c.Message.DomesticCaseReference is { } reference ? TimelineTexts.DomesticCaseLinked.Format(reference) : null));

        During(InExecution, PartiallyExecuted,
            When(ExecutionRecorded, c => !c.Message.Complete)
                .TransitionTo(PartiallyExecuted)
                .Record(TimelineTexts.PartiallyExecuted, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At, c => c.Message.Summary),
            When(ExecutionRecorded, c => c.Message.Complete)
                .ThenAsync(c => StopClock(c, x => x.ExecutionClockId, c.Message.At)).ThenAsync(c => MeetDesiredDate(c, c.Message.At))
                .TransitionTo(Executed)
                .Record(TimelineTexts.Executed, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At, c => c.Message.Summary));

        // Reports cross the border independently and may arrive out of order: a partial execution report that lands
        // after the execution (or evidence) report, or an execution report after the evidence, changes nothing but is
        // still written to the timeline, so the prosecutor never loses what the requested country reported.
        During(Executed, EvidenceTransferred, Completed,
            When(ExecutionRecorded, c => !c.Message.Complete)
                .Record(TimelineTexts.PartiallyExecuted, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At, c => c.Message.Summary));
        During(EvidenceTransferred, Completed,
            When(ExecutionRecorded, c => c.Message.Complete)
                .Record(TimelineTexts.Executed, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At, c => c.Message.Summary));

        During(InExecution, PartiallyExecuted, Executed,
            When(EvidenceSent)
                .ThenAsync(c => StopClock(c, x => x.ExecutionClockId, c.Message.At)).ThenAsync(c => MeetDesiredDate(c, c.Message.At))
                .TransitionTo(EvidenceTransferred)
                .Record(TimelineTexts.EvidenceTransferred, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At, c => c.Message.Description));

        During(EvidenceTransferred,
            When(ConfirmEvidenceReceived)
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.TargetNode),
                    c => new EvidenceReceiptConfirmed(c.Saga.CorrelationId, node.Code, c.Message.Actor, c.Message.At))
                .TransitionTo(Completed)
                .Publish(c => new BranchFinished(c.Saga.RequestId, c.Saga.CorrelationId, Completed.Name, c.Message.At))
                .Record(TimelineTexts.EvidenceReceived, c => c.Message.Actor, c => c.Message.At));

        During([Transmitted, Acknowledged, UnderRecognition, AdditionalInformationRequested, Postponed, InExecution, PartiallyExecuted, Executed,
            EvidenceTransferred, ExecutionPostponed],
            When(WithdrawBranch)
                .ThenAsync(c => CancelClocks(c, c.Message.At, "Request withdrawn"))
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.TargetNode),
                    c => new RequestWithdrawn(c.Saga.CorrelationId, node.Code, c.Message.Reason, c.Message.Actor, c.Message.At))
                .TransitionTo(Withdrawn)
                .Publish(c => new BranchFinished(c.Saga.RequestId, c.Saga.CorrelationId, Withdrawn.Name, c.Message.At))
                .Record(TimelineTexts.Withdrawn, c => c.Message.Actor, c => c.Message.At, c => c.Message.Reason));

        _order
            .States([Transmitted], [Acknowledged], [UnderRecognition, AdditionalInformationRequested, InConsultation], [Postponed], [InExecution, ExecutionPostponed],
                [PartiallyExecuted], [Executed], [EvidenceTransferred], [Completed, Refused, Withdrawn])
            .Event(OpenBranch, Transmitted).Event(IncomingRequestRegistered, Acknowledged).Event(IncomingRequestAssigned, UnderRecognition).Event(RecognitionPeriodExtended, UnderRecognition)
            .Event(InformationRequested, AdditionalInformationRequested).Event(AnswerAdditionalInformation, UnderRecognition).Event(IncomingRequestPostponed, Postponed)
            .Event(IncomingRequestRefused, Refused).Event(IncomingRequestAccepted, InExecution).Event(ExecutionRecorded, PartiallyExecuted)
            .Event(EvidenceSent, EvidenceTransferred).Event(ConfirmEvidenceReceived, Completed).Event(WithdrawBranch, Withdrawn).Event(SpontaneousInformationNoted, Completed);
        // Steps the requested country took that arrive after this branch moved past them (its messages cross the border
        // independently, and this node's own withdrawal can cross theirs): written to the timeline, nothing changes.
        _order
            .RecordWhenLate<BranchState, IncomingRequestRegistered>(IncomingRequestRegistered, (_, m) => new(TimelineTexts.Acknowledged.Format(), Remote(m.Node, m.Actor), m.At))
            .RecordWhenLate<BranchState, IncomingRequestAssigned>(IncomingRequestAssigned, (_, m) => new(TimelineTexts.AssignedForRecognition.Format(), Remote(m.Node, m.Actor), m.At))
            .RecordWhenLate<BranchState, RecognitionPeriodExtended>(RecognitionPeriodExtended, (_, m) => new(TimelineTexts.RecognitionExtended.Format(), Remote(m.Node, m.Actor), m.At,
                TimelineTexts.RecognitionExtendedDetails.Format(m.Extension, m.Reasons)))
            .RecordWhenLate<BranchState, AdditionalInformationRequested>(InformationRequested, (_, m) => new(TimelineTexts.InformationRequested.Format(),
                Remote(m.Node, m.Actor), m.At, m.Questions))
            .RecordWhenLate<BranchState, IncomingRequestPostponed>(IncomingRequestPostponed, (_, m) => new(TimelineTexts.Postponed.Format(), Remote(m.Node, m.Actor), m.At,
                PostponedDetails(m)))
            .RecordWhenLate<BranchState, IncomingRequestRefused>(IncomingRequestRefused, (_, m) => new(TimelineTexts.Refused.Format(), Remote(m.Node, m.Actor), m.At,
                TimelineTexts.RefusedDetails.Format(string.Join(", ", m.Grounds), m.Reasons)))
            .RecordWhenLate<BranchState, IncomingRequestAccepted>(IncomingRequestAccepted, (s, m) => new(
                s.Kind == RequestKind.JointInvestigationTeam ? TimelineTexts.JitAccepted.Format() : TimelineTexts.Accepted.Format(), Remote(m.Node, m.Actor), m.At,
                m.DomesticCaseReference is { } reference ? TimelineTexts.DomesticCaseLinked.Format(reference) : null))
            .RecordWhenLate<BranchState, ExecutionRecorded>(ExecutionRecorded, (_, m) => new(
                (m.Complete ? TimelineTexts.Executed : TimelineTexts.PartiallyExecuted).Format(), Remote(m.Node, m.Actor), m.At, m.Summary))
            .RecordWhenLate<BranchState, EvidenceTransferred>(EvidenceSent, (_, m) => new(TimelineTexts.EvidenceTransferred.Format(), Remote(m.Node, m.Actor), m.At,
                m.Description))
            .RecordWhenLate<BranchState, SpontaneousInformationNoted>(SpontaneousInformationNoted, (_, m) => new(TimelineTexts.Noted.Format(), Remote(m.Node, m.Actor), m.At));
        DuringExecutionPerMeasure();
        DuringStatusEnquiries(node);
        DuringPostponement();
        DuringConsultation(node);
        DuringJitAgreement(node);
        DuringJitExtension(node);
        DuringJitAmendment(node);
        DuringJitParties(node);
        DuringProvisionalMeasures();
        OnUnhandledEvent(_order.Handle);
    }

    /// <summary>Sent to the requested country; waiting for its registration.</summary>
    public State Transmitted { get; private set; } = null!;

    /// <summary>Registered by the requested authority (legal acknowledgement).</summary>
    public State Acknowledged { get; private set; } = null!;

    /// <summary>Assigned and being decided.</summary>
    public State UnderRecognition { get; private set; } = null!;

    /// <summary>The requested authority asked for more information; this node must answer.</summary>
    public State AdditionalInformationRequested { get; private set; } = null!;

    /// <summary>Refused (final).</summary>
    public State Refused { get; private set; } = null!;

    /// <summary>Execution postponed.</summary>
    public State Postponed { get; private set; } = null!;

    /// <summary>Being executed.</summary>
    public State InExecution { get; private set; } = null!;

    /// <summary>Some measures executed.</summary>
    public State PartiallyExecuted { get; private set; } = null!;

    /// <summary>Every measure executed.</summary>
    public State Executed { get; private set; } = null!;

    /// <summary>Evidence sent; waiting for this node to confirm receipt.</summary>
    public State EvidenceTransferred { get; private set; } = null!;

    /// <summary>Evidence received (final).</summary>
    public State Completed { get; private set; } = null!;

    /// <summary>Withdrawn by this node (final).</summary>
    public State Withdrawn { get; private set; } = null!;

    /// <summary>The approved request is transmitted.</summary>
    public Event<OpenBranch> OpenBranch { get; private set; } = null!;

    /// <summary>The requested authority registered it.</summary>
    public Event<IncomingRequestRegistered> IncomingRequestRegistered { get; private set; } = null!;

    /// <summary>The requested authority assigned it.</summary>
    public Event<IncomingRequestAssigned> IncomingRequestAssigned { get; private set; } = null!;

    /// <summary>The recognition period was extended.</summary>
    public Event<RecognitionPeriodExtended> RecognitionPeriodExtended { get; private set; } = null!;

    /// <summary>More information was asked for.</summary>
    public Event<AdditionalInformationRequested> InformationRequested { get; private set; } = null!;

    /// <summary>This node answered.</summary>
    public Event<AnswerAdditionalInformation> AnswerAdditionalInformation { get; private set; } = null!;

    /// <summary>The requested authority refused.</summary>
    public Event<IncomingRequestRefused> IncomingRequestRefused { get; private set; } = null!;

    /// <summary>The requested authority postponed.</summary>
    public Event<IncomingRequestPostponed> IncomingRequestPostponed { get; private set; } = null!;

    /// <summary>The requested authority accepted.</summary>
    public Event<IncomingRequestAccepted> IncomingRequestAccepted { get; private set; } = null!;

    /// <summary>Execution was reported.</summary>
    public Event<ExecutionRecorded> ExecutionRecorded { get; private set; } = null!;

    /// <summary>Evidence was sent.</summary>
    public Event<EvidenceTransferred> EvidenceSent { get; private set; } = null!;

    /// <summary>This node confirmed receipt of the evidence.</summary>
    public Event<ConfirmEvidenceReceived> ConfirmEvidenceReceived { get; private set; } = null!;

    /// <summary>This node withdrew the request for this country.</summary>
    public Event<WithdrawBranch> WithdrawBranch { get; private set; } = null!;

    /// <summary>Spontaneous information was noted by the receiving authority.</summary>
    public Event<SpontaneousInformationNoted> SpontaneousInformationNoted { get; private set; } = null!;

    static string Remote(string node, string actor) => $"{actor} ({node})";

    static async Task StartClock<T>(BehaviorContext<BranchState, T> c, ClockKind kind, string actingCountry, Instant at)
        where T : class
    {
        var s = c.Saga;
        var round = kind == ClockKind.AdditionalInformation ? s.InformationRounds++ : 0;
        var id = ClockIds.For(s.CorrelationId, kind, round);
        switch (kind)
        {
            case ClockKind.Acknowledgement: s.AcknowledgementClockId = id; break;
            case ClockKind.Recognition or ClockKind.MirrorCaseOpening: s.RecognitionClockId = id; break;
            case ClockKind.Execution: s.ExecutionClockId = id; break;
            case ClockKind.ProvisionalMeasures: s.ProvisionalClockId = id; break;
            case ClockKind.AdditionalInformation: s.InformationClockId = id; break;
            case ClockKind.InternalReview: throw new ArgumentOutOfRangeException(nameof(kind), "A branch has no internal review.");
            case ClockKind.JitPeriod: throw new ArgumentOutOfRangeException(nameof(kind), "The JIT period clock starts when the agreement enters into force.");
        }
        await c.Publish(new StartClock(id, s.RequestId, s.CorrelationId, kind, s.LegalBasis, s.Urgent, actingCountry, s.Reference, s.OfficeCode, at));
    }

    static async Task StopClock<T>(BehaviorContext<BranchState, T> c, Func<BranchState, Guid?> clock, Instant at)
        where T : class
    {
        if (clock(c.Saga) is { } id)
            await c.Publish(new StopClock(id, at));
        Clear(c.Saga, clock(c.Saga));
    }

    static async Task CancelClocks<T>(BehaviorContext<BranchState, T> c, Instant at, string reason, bool keepDesiredDate = false)
        where T : class
    {
        var s = c.Saga;
        if (!keepDesiredDate)
            await CancelDesiredDate(c, at, reason);
        await CancelProvisionalClocksAsync(c, at, reason);
        foreach (var id in new[] { s.AcknowledgementClockId, s.RecognitionClockId, s.ExecutionClockId, s.ProvisionalClockId, s.InformationClockId })
        {
            if (id is { } clock)
                await c.Publish(new CancelClock(clock, reason, at));
        }
        s.AcknowledgementClockId = s.RecognitionClockId = s.ExecutionClockId = s.ProvisionalClockId = s.InformationClockId = null;
    }

    static void Clear(BranchState s, Guid? id)
    {
        if (id is null)
            return;
        if (s.AcknowledgementClockId == id) s.AcknowledgementClockId = null;
        if (s.RecognitionClockId == id) s.RecognitionClockId = null;
        if (s.ExecutionClockId == id) s.ExecutionClockId = null;
        if (s.ProvisionalClockId == id) s.ProvisionalClockId = null;
        if (s.InformationClockId == id) s.InformationClockId = null;
    }
}
