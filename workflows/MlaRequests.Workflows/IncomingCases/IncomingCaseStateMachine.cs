using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>
/// A request received from another country, on the receiving node:
/// <c>Received → Registered → Assigned ⇄ AwaitingInformation → Refused | Postponed | InExecution →
/// PartiallyExecuted → Executed → ResponseTransmitted → Closed</c>, and <c>Withdrawn</c> when the
/// requesting country withdraws. Registration is the legal acknowledgement. Each step is a
/// liaison officer's task and is reported to the requesting node. Spontaneous information is
/// registered (<c>InformationRegistered</c>) and then either noted (closed) or turned into a mirror case.
/// </summary>
public sealed partial class IncomingCaseStateMachine : MassTransitStateMachine<IncomingCaseState>
{
    readonly StepOrder _order = new();

    /// <summary>Builds the workflow for the node it runs on.</summary>
    public IncomingCaseStateMachine(WorkflowNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        InstanceState(x => x.CurrentState);

        Event(() => IncomingRequestReceived, e => e.CorrelateById(m => m.Message.CaseId));
        Event(() => RegisterIncoming, e => e.FaultWhenMissing(m => m.Message.CaseId));
        Event(() => AssignIncoming, e => e.FaultWhenMissing(m => m.Message.CaseId));
        Event(() => ExtendRecognition, e => e.FaultWhenMissing(m => m.Message.CaseId));
        Event(() => RequestMoreInformation, e => e.FaultWhenMissing(m => m.Message.CaseId));
        Event(() => AdditionalInformationProvided, e => e.FaultWhenMissing(m => m.Message.BranchId));
        Event(() => AcceptIncoming, e => e.FaultWhenMissing(m => m.Message.CaseId));
        Event(() => RefuseIncoming, e => e.FaultWhenMissing(m => m.Message.CaseId));
        Event(() => PostponeIncoming, e => e.FaultWhenMissing(m => m.Message.CaseId));
        Event(() => RecordExecution, e => e.FaultWhenMissing(m => m.Message.CaseId));
        Event(() => TransferEvidence, e => e.FaultWhenMissing(m => m.Message.CaseId));
        Event(() => EvidenceReceiptConfirmed, e => e.FaultWhenMissing(m => m.Message.BranchId));
        Event(() => RequestWithdrawn, e => e.FaultWhenMissing(m => m.Message.BranchId));
        Event(() => OpenMirrorCase, e => e.FaultWhenMissing(m => m.Message.CaseId));
        Event(() => CloseIncoming, e => e.FaultWhenMissing(m => m.Message.CaseId));

        Initially(
            When(IncomingRequestReceived)
                .ThenAsync(async c =>
                {
                    var s = c.Saga;
                    s.Reference = c.Message.Reference;
                    s.RequestingNode = c.Message.RequestingNode;
                    s.Kind = Enum.Parse<RequestKind>(c.Message.Kind);
                    s.LegalBasis = c.Message.LegalBasis;
                    s.Urgent = c.Message.Urgent;
                    s.ReceivedAt = c.Message.At;
                    if (s.Kind != RequestKind.SpontaneousInformation)
                        s.AcknowledgementClockId = await StartClock(c, ClockKind.Acknowledgement, node.Code, c.Message.At);
                    if (c.Message is { HasProvisionalMeasures: true, ProvisionalMeasures: { Count: > 0 } positions })
                        await StartProvisionalClocksAsync(c, positions, node.Code, c.Message.At);
                    else if (c.Message.HasProvisionalMeasures)
                        s.ProvisionalClockId = await StartClock(c, ClockKind.ProvisionalMeasures, node.Code, c.Message.At);
                    await StartDesiredDate(c, node, c.Message.DesiredDate, c.Message.At);
                })
                .TransitionTo(Received)
                .Record(TimelineTexts.Received, c => c.Saga.RequestingNode, c => c.Message.At));

        During(Received,
            When(RegisterIncoming)
                .ThenAsync(async c =>
                {
                    await Stop(c, c.Saga.AcknowledgementClockId, c.Message.At);
                    c.Saga.AcknowledgementClockId = null;
                    if (c.Saga.Kind != RequestKind.SpontaneousInformation)
                        c.Saga.RecognitionClockId = await StartClock(c, KindClocks.DecisionClockOf(c.Saga.Kind), node.Code, c.Message.At);
                })
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode),
                    c => new IncomingRequestRegistered(c.Saga.CorrelationId, node.Code, c.Message.Actor, c.Message.At, c.Message.FileNumber))
                .IfElse(c => c.Saga.Kind == RequestKind.SpontaneousInformation,
                    information => information.TransitionTo(InformationRegistered),
                    request => request.TransitionTo(Registered))
                .Record(TimelineTexts.Registered, c => c.Message.Actor, c => c.Message.At));

        During(Registered, Assigned,
            When(AssignIncoming)
                .Then(c => c.Saga.AssignedTo = c.Message.Assignee)
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode),
                    c => new IncomingRequestAssigned(c.Saga.CorrelationId, node.Code, c.Message.Actor, c.Message.At))
                .TransitionTo(Assigned)
                .Record(TimelineTexts.Assigned, c => c.Message.Actor, c => c.Message.At, c => TimelineTexts.AssignedDetails.Format(c.Message.Assignee)));

        During(InformationRegistered,
            When(OpenMirrorCase)
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode),
                    c => new IncomingRequestAccepted(c.Saga.CorrelationId, node.Code, c.Message.DomesticCaseReference, c.Message.Actor, c.Message.At))
                .TransitionTo(MirrorCaseOpened)
                .Record(TimelineTexts.MirrorCaseOpened, c => c.Message.Actor, c => c.Message.At, c => TimelineTexts.MirrorCaseOpenedDetails.Format(c.Message.DomesticCaseReference)),
            When(CloseIncoming)
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode),
                    c => new SpontaneousInformationNoted(c.Saga.CorrelationId, node.Code, c.Message.Actor, c.Message.At))
                .TransitionTo(Closed)
                .Record(TimelineTexts.NotedAndClosed, c => c.Message.Actor, c => c.Message.At));

        During(Assigned,
            When(ExtendRecognition)
                .Publish(c => new ExtendClock(c.Saga.RecognitionClockId!.Value, c.Message.Extension, c.Message.Reasons, c.Message.Actor, c.Message.At))
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode),
                    c => new RecognitionPeriodExtended(c.Saga.CorrelationId, node.Code, c.Message.Extension, c.Message.Reasons, c.Message.Actor, c.Message.At))
                .Record(TimelineTexts.RecognitionExtended, c => c.Message.Actor, c => c.Message.At, c => TimelineTexts.RecognitionExtendedDetails.Format(c.Message.Extension, c.Message.Reasons)),
            When(RequestMoreInformation)
                .ThenAsync(c => SuspendRecognition(c, c.Message.At))
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode),
                    c => new AdditionalInformationRequested(c.Saga.CorrelationId, node.Code, c.Message.Questions, c.Message.Actor, c.Message.At))
                .TransitionTo(AwaitingInformation)
                .Record(TimelineTexts.InformationRequested, c => c.Message.Actor, c => c.Message.At, c => c.Message.Questions));

        During(AwaitingInformation,
            When(AdditionalInformationProvided)
                .ThenAsync(c => ResumeRecognition(c, c.Message.At))
                .TransitionTo(Assigned)
                .Record(TimelineTexts.InformationReceived, c => $"{c.Message.Actor} ({c.Message.Node})", c => c.Message.At, c => c.Message.Answer));

        During(Assigned, Postponed,
            When(AcceptIncoming)
                .ThenAsync(async c =>
                {
                    await Stop(c, c.Saga.RecognitionClockId, c.Message.At);
                    await Stop(c, c.Saga.ProvisionalClockId, c.Message.At);
                    await Stop(c, c.Saga.PostponementClockId, c.Message.At);
                    c.Saga.RecognitionClockId = c.Saga.ProvisionalClockId = c.Saga.PostponementClockId = null;
                    // A JIT proposal accepted is an agreement to sign, not a request to execute: its period is its clock. Mirror and
                    // parallel investigations move in step and coordinate through milestones: no execution period either.
                    if (KindClocks.HasExecutionClock(c.Saga.Kind))
                        c.Saga.ExecutionClockId = await StartClock(c, ClockKind.Execution, node.Code, c.Message.At);
                    else
                        await MeetDesiredDate(c, c.Message.At);
                })
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode),
                    c => new IncomingRequestAccepted(c.Saga.CorrelationId, node.Code, c.Message.DomesticCaseReference, c.Message.Actor, c.Message.At, DecisionsFollow(node)))
                .IfElse(c => c.Saga.Kind == RequestKind.JointInvestigationTeam,
                    jit => jit.TransitionTo(AgreementAwaitingSignatures),
                    request => request.TransitionTo(InExecution))
                .Record(c => c.Saga.Kind == RequestKind.JointInvestigationTeam ? TimelineTexts.JitAccepted.Format() : TimelineTexts.Accepted.Format(),
                    c => c.Message.Actor, c => c.Message.At,
                    c => c.Message.DomesticCaseReference is { } reference ? TimelineTexts.DomesticCaseOpened.Format(reference) : null),
            When(RefuseIncoming)
                .ThenAsync(c => CancelClocks(c, c.Message.At, "Refused"))
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode),
                    c => new IncomingRequestRefused(c.Saga.CorrelationId, node.Code, c.Message.Grounds, c.Message.Reasons, c.Message.Actor, c.Message.At))
                .TransitionTo(Refused)
                .Record(TimelineTexts.Refused, c => c.Message.Actor, c => c.Message.At, c => TimelineTexts.RefusedDetails.Format(string.Join(", ", c.Message.Grounds), c.Message.Reasons)));

        During(Assigned,
            When(PostponeIncoming)
                .ThenAsync(c => PostponeAsync(c, node))
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode), c => Postponement(node, c.Saga, c.Message))
                .TransitionTo(Postponed)
                .Record(TimelineTexts.Postponed, c => c.Message.Actor, c => c.Message.At, c => PostponedDetails(c.Message)));

        During(InExecution, PartiallyExecuted,
            When(RecordExecution, c => !c.Message.Complete)
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode),
                    c => new ExecutionRecorded(c.Saga.CorrelationId, node.Code, false, c.Message.Summary, c.Message.Actor, c.Message.At))
                .TransitionTo(PartiallyExecuted)
                .Record(TimelineTexts.PartiallyExecuted, c => c.Message.Actor, c => c.Message.At, c => c.Message.Summary),
            When(RecordExecution, c => c.Message.Complete)
                .ThenAsync(async c =>
                {
                    await Stop(c, c.Saga.ExecutionClockId, c.Message.At);
                    c.Saga.ExecutionClockId = null;
                    await MeetDesiredDate(c, c.Message.At);
                })
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode),
                    c => new ExecutionRecorded(c.Saga.CorrelationId, node.Code, true, c.Message.Summary, c.Message.Actor, c.Message.At))
                .TransitionTo(Executed)
                .Record(TimelineTexts.Executed, c => c.Message.Actor, c => c.Message.At, c => c.Message.Summary));

        During(InExecution, PartiallyExecuted, Executed,
            When(TransferEvidence)
                .ThenAsync(async c =>
                {
                    await Stop(c, c.Saga.ExecutionClockId, c.Message.At);
                    c.Saga.ExecutionClockId = null;
                    await MeetDesiredDate(c, c.Message.At);
                })
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode),
                    c => new EvidenceTransferred(c.Saga.CorrelationId, node.Code, c.Message.Description, c.Message.Actor, c.Message.At))
                .TransitionTo(ResponseTransmitted)
                .Record(TimelineTexts.ResponseTransmitted, c => c.Message.Actor, c => c.Message.At, c => c.Message.Description));

        During(ResponseTransmitted,
            When(EvidenceReceiptConfirmed)
                .TransitionTo(Closed)
                .Record(TimelineTexts.ClosedOnReceipt, c => $"{c.Message.Actor} ({c.Message.Node})", c => c.Message.At));

        During([Received, Registered, InformationRegistered, Assigned, AwaitingInformation, Postponed, InExecution, PartiallyExecuted, Executed, ResponseTransmitted,
            MirrorCaseOpened, ExecutionPostponed],
            When(RequestWithdrawn)
                .ThenAsync(c => CancelClocks(c, c.Message.At, "Withdrawn by the requesting country"))
                .TransitionTo(Withdrawn)
                .Record(TimelineTexts.WithdrawnByRequester, c => $"{c.Message.Actor} ({c.Message.Node})", c => c.Message.At, c => c.Message.Reason));

        _order
            .States([Received], [Registered, InformationRegistered], [Assigned, AwaitingInformation, RefusalProposed, InConsultation], [Postponed], [InExecution, MirrorCaseOpened, ExecutionPostponed], [PartiallyExecuted],
                [Executed], [ResponseTransmitted], [Closed, Refused, Withdrawn])
            .Event(IncomingRequestReceived, Received).Event(RegisterIncoming, Registered).Event(AssignIncoming, Assigned).Event(ExtendRecognition, Assigned)
            .Event(RequestMoreInformation, AwaitingInformation).Event(AdditionalInformationProvided, Assigned).Event(AcceptIncoming, InExecution)
            .Event(RefuseIncoming, Refused).Event(PostponeIncoming, Postponed).Event(RecordExecution, PartiallyExecuted).Event(TransferEvidence, ResponseTransmitted)
            .Event(EvidenceReceiptConfirmed, Closed).Event(RequestWithdrawn, Withdrawn).Event(OpenMirrorCase, MirrorCaseOpened).Event(CloseIncoming, Closed);
        // Steps the requesting country took that arrive after this case moved past them (e.g. an answer that crossed a
        // refusal): written to the timeline, nothing changes.
        _order
            .RecordWhenLate<IncomingCaseState, AdditionalInformationProvided>(AdditionalInformationProvided, (_, m) => new(TimelineTexts.InformationReceived.Format(),
                $"{m.Actor} ({m.Node})", m.At, m.Answer))
            .RecordWhenLate<IncomingCaseState, RequestWithdrawn>(RequestWithdrawn, (_, m) => new(TimelineTexts.WithdrawnByRequester.Format(),
                $"{m.Actor} ({m.Node})", m.At, m.Reason));
        RefusalSignOff(node);
        DuringExecutionPerMeasure(node);
        DuringStatusEnquiries(node);
        DuringPostponement(node);
        DuringConsultation(node);
        DuringJitAgreement(node);
        DuringJitExtension(node);
        DuringJitAmendment(node);
        DuringJitParties(node);
        DuringProvisionalMeasures(node);
        OnUnhandledEvent(_order.Handle);
    }

    /// <summary>Arrived; waiting for registration.</summary>
    public State Received { get; private set; } = null!;

    /// <summary>Registered (the legal acknowledgement was sent).</summary>
    public State Registered { get; private set; } = null!;

    /// <summary>Spontaneous information registered; to be noted or turned into a mirror case.</summary>
    public State InformationRegistered { get; private set; } = null!;

    /// <summary>Assigned to an officer; recognition under way.</summary>
    public State Assigned { get; private set; } = null!;

    /// <summary>Waiting for additional information from the requesting country.</summary>
    public State AwaitingInformation { get; private set; } = null!;

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

    /// <summary>Evidence sent; waiting for the requesting country's confirmation.</summary>
    public State ResponseTransmitted { get; private set; } = null!;

    /// <summary>Spontaneous information turned into a linked domestic case.</summary>
    public State MirrorCaseOpened { get; private set; } = null!;

    /// <summary>Done (final).</summary>
    public State Closed { get; private set; } = null!;

    /// <summary>Withdrawn by the requesting country (final).</summary>
    public State Withdrawn { get; private set; } = null!;

    /// <summary>The request arrived.</summary>
    public Event<IncomingRequestReceived> IncomingRequestReceived { get; private set; } = null!;

    /// <summary>Registered by a liaison officer.</summary>
    public Event<RegisterIncoming> RegisterIncoming { get; private set; } = null!;

    /// <summary>Assigned.</summary>
    public Event<AssignIncoming> AssignIncoming { get; private set; } = null!;

    /// <summary>Recognition period extended.</summary>
    public Event<ExtendRecognition> ExtendRecognition { get; private set; } = null!;

    /// <summary>More information asked for.</summary>
    public Event<RequestMoreInformation> RequestMoreInformation { get; private set; } = null!;

    /// <summary>The requesting country answered.</summary>
    public Event<AdditionalInformationProvided> AdditionalInformationProvided { get; private set; } = null!;

    /// <summary>Accepted.</summary>
    public Event<AcceptIncoming> AcceptIncoming { get; private set; } = null!;

    /// <summary>Refused.</summary>
    public Event<RefuseIncoming> RefuseIncoming { get; private set; } = null!;

    /// <summary>Postponed.</summary>
    public Event<PostponeIncoming> PostponeIncoming { get; private set; } = null!;

    /// <summary>Execution recorded.</summary>
    public Event<RecordExecution> RecordExecution { get; private set; } = null!;

    /// <summary>Evidence transferred.</summary>
    public Event<TransferEvidence> TransferEvidence { get; private set; } = null!;

    /// <summary>The requesting country confirmed receipt.</summary>
    public Event<EvidenceReceiptConfirmed> EvidenceReceiptConfirmed { get; private set; } = null!;

    /// <summary>The requesting country withdrew.</summary>
    public Event<RequestWithdrawn> RequestWithdrawn { get; private set; } = null!;

    /// <summary>Spontaneous information turned into a mirror case.</summary>
    public Event<OpenMirrorCase> OpenMirrorCase { get; private set; } = null!;

    /// <summary>Spontaneous information noted and closed.</summary>
    public Event<CloseIncoming> CloseIncoming { get; private set; } = null!;

    static async Task<Guid> StartClock<T>(BehaviorContext<IncomingCaseState, T> c, ClockKind kind, string actingCountry, Instant at)
        where T : class
    {
        var s = c.Saga;
        var id = ClockIds.For(s.CorrelationId, kind);
        await c.Publish(new StartClock(id, s.CorrelationId, s.CorrelationId, kind, s.LegalBasis, s.Urgent, actingCountry, s.Reference, null, at));
        return id;
    }

    static Task Stop<T>(BehaviorContext<IncomingCaseState, T> c, Guid? clock, Instant at)
        where T : class => clock is { } id ? c.Publish(new StopClock(id, at)) : Task.CompletedTask;

    static async Task CancelClocks<T>(BehaviorContext<IncomingCaseState, T> c, Instant at, string reason, bool keepDesiredDate = false)
        where T : class
    {
        var s = c.Saga;
        if (!keepDesiredDate)
            await CancelDesiredDate(c, at, reason);
        await CancelProvisionalClocksAsync(c, at, reason);
        foreach (var id in new[] { s.AcknowledgementClockId, s.RecognitionClockId, s.ExecutionClockId, s.ProvisionalClockId, s.PostponementClockId })
        {
            if (id is { } clock)
                await c.Publish(new CancelClock(clock, reason, at));
        }
        s.AcknowledgementClockId = s.RecognitionClockId = s.ExecutionClockId = s.ProvisionalClockId = s.PostponementClockId = null;
    }
}
