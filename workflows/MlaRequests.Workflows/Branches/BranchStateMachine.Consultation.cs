using MassTransit;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Contracts;
using MlaRequests.Contracts.Parts;
using MlaRequests.Domain;
using MlaRequests.Domain.Cases;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.IncomingCases;
using MlaRequests.Workflows.Requests;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.Workflows.Branches;

/// <summary>
/// Consultation before refusal or postponement (UNTOC Art. 18(26)) on the requesting side: the requested country proposes conditions or
/// announces an intended refusal or postponement; the branch is <c>InConsultation</c>, a task of the requesting office with a clock (a
/// management target, <c>Consultation</c> in the deadline policies), until the office accepts what was proposed, supplies what is
/// missing, or withdraws from that country. The requested country may still refuse meanwhile. An acceptance under conditions starts
/// execution as an acceptance does, and the conditions are kept with the branch.
/// </summary>
public sealed partial class BranchStateMachine
{
    void DuringConsultation(WorkflowNode node)
    {
        Event(() => ConsultationOpened, e => e.FaultWhenMissing(m => m.Message.BranchId));
        Event(() => AcceptConsultation, e => e.FaultWhenMissing(m => m.Message.BranchId));
        Event(() => SupplyConsultationInformation, e => e.FaultWhenMissing(m => m.Message.BranchId));
        Event(() => IncomingRequestAcceptedUnderConditions, e => e.FaultWhenMissing(m => m.Message.BranchId));

        During(Acknowledged, UnderRecognition,
            When(ConsultationOpened)
                .ThenAsync(async c =>
                {
                    var m = c.Message;
                    var s = c.Saga;
                    c.Db().Add(new Consultation
                    {
                        Id = m.ConsultationId, BranchId = s.CorrelationId, Purpose = m.Purpose, Grounds = string.Join(',', m.Grounds), Reasons = m.Reasons,
                        OpenedBy = Remote(m.Node, m.Actor), OpenedAt = m.At,
                    });
                    AddConditions(c, m.Conditions, m.ConsultationId);
                    await c.Publish(new StartClock(ConsultationClock(m.ConsultationId), s.RequestId, s.CorrelationId, ClockKind.Consultation, s.LegalBasis, s.Urgent,
                        node.Code, s.Reference, s.OfficeCode, m.At));
                })
                .TransitionTo(InConsultation)
                .Record(TimelineTexts.ConsultationReceived, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At,
                    c => IncomingCaseStateMachine.ConsultationDetails(c.Message.Purpose, c.Message.Grounds, c.Message.Conditions, c.Message.Reasons)));

        During(InConsultation,
            When(AcceptConsultation)
                .ThenAsync(c => AnswerAsync(c, node, ConsultationCodes.Accepted, c.Message.Note, c.Message.Actor, c.Message.At))
                .TransitionTo(UnderRecognition)
                .Record(TimelineTexts.ConsultationAccepted, c => c.Message.Actor, c => c.Message.At, c => c.Message.Note.Length > 0 ? c.Message.Note : null),
            When(SupplyConsultationInformation)
                .ThenAsync(c => AnswerAsync(c, node, ConsultationCodes.Supplied, c.Message.Answer, c.Message.Actor, c.Message.At))
                .TransitionTo(UnderRecognition)
                .Record(TimelineTexts.ConsultationSupplied, c => c.Message.Actor, c => c.Message.At, c => c.Message.Answer),
            // Withdrawing from this country is the third answer: the same step as from any other open status.
            When(WithdrawBranch)
                .ThenAsync(async c =>
                {
                    await CancelConsultationClockAsync(c, c.Message.At, "Request withdrawn");
                    await CancelClocks(c, c.Message.At, "Request withdrawn");
                })
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.TargetNode),
                    c => new RequestWithdrawn(c.Saga.CorrelationId, node.Code, c.Message.Reason, c.Message.Actor, c.Message.At))
                .TransitionTo(Withdrawn)
                .Publish(c => new BranchFinished(c.Saga.RequestId, c.Saga.CorrelationId, Withdrawn.Name, c.Message.At))
                .Record(TimelineTexts.Withdrawn, c => c.Message.Actor, c => c.Message.At, c => c.Message.Reason),
            // The requested country may refuse while it waits for the answer (a consultation never blocks a refusal).
            When(IncomingRequestRefused)
                .Then(c => c.Saga.RefusalGrounds = string.Join(',', c.Message.Grounds))
                .ThenAsync(async c =>
                {
                    await CancelConsultationClockAsync(c, c.Message.At, "Refused");
                    await CancelClocks(c, c.Message.At, "Refused");
                })
                .TransitionTo(Refused)
                .Publish(c => new BranchFinished(c.Saga.RequestId, c.Saga.CorrelationId, Refused.Name, c.Message.At))
                .Record(TimelineTexts.Refused, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At,
                    c => TimelineTexts.RefusedDetails.Format(string.Join(", ", c.Message.Grounds), c.Message.Reasons)));

        During(Acknowledged, UnderRecognition, AdditionalInformationRequested, Postponed,
            When(IncomingRequestAcceptedUnderConditions)
                .Then(c => c.Saga.RemoteCaseReference = c.Message.DomesticCaseReference)
                .ThenAsync(async c =>
                {
                    AddConditions(c, c.Message.Conditions, null);
                    await StopClock(c, x => x.RecognitionClockId, c.Message.At);
                    await StopClock(c, x => x.ProvisionalClockId, c.Message.At);
                    await StopProvisionalClocksAtAcceptanceAsync(c, c.Message.ProvisionalDecisionsFollow && node.ContractVersion >= ProvisionalClocks.SinceVersion, c.Message.At);
                    await StopClock(c, x => x.InformationClockId, c.Message.At);
                    if (KindClocks.HasExecutionClock(c.Saga.Kind))
                        await StartClock(c, ClockKind.Execution, c.Saga.TargetNode, c.Message.At);
                    else
                        await MeetDesiredDate(c, c.Message.At);
                })
                .TransitionTo(InExecution)
                .Publish(c => new BranchAccepted(c.Saga.RequestId, c.Saga.CorrelationId, c.Saga.TargetNode, c.Message.At))
                .Record(TimelineTexts.AcceptedUnderConditions, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At,
                    c => IncomingCaseStateMachine.ConditionsText(c.Message.Conditions)));

        _order.Event(ConsultationOpened, InConsultation).Event(AcceptConsultation, UnderRecognition).Event(SupplyConsultationInformation, UnderRecognition)
            .Event(IncomingRequestAcceptedUnderConditions, InExecution);
        _order
            .RecordWhenLate<BranchState, ConsultationOpened>(ConsultationOpened, (_, m) => new(TimelineTexts.ConsultationReceived.Format(), Remote(m.Node, m.Actor), m.At,
                IncomingCaseStateMachine.ConsultationDetails(m.Purpose, m.Grounds, m.Conditions, m.Reasons)))
            .RecordWhenLate<BranchState, IncomingRequestAcceptedUnderConditions>(IncomingRequestAcceptedUnderConditions, (_, m) => new(
                TimelineTexts.AcceptedUnderConditions.Format(), Remote(m.Node, m.Actor), m.At, IncomingCaseStateMachine.ConditionsText(m.Conditions)));
    }

    /// <summary>The clock of a consultation's answer: one per consultation.</summary>
    public static Guid ConsultationClock(Guid consultationId) => ClockIds.For(consultationId, ClockKind.Consultation);

    static async Task AnswerAsync<T>(BehaviorContext<BranchState, T> c, WorkflowNode node, string decision, string answer, string actor, Instant at)
        where T : class
    {
        var open = await OpenConsultationAsync(c);
        if (open is null)
            return;
        open.Decision = decision;
        open.Answer = answer;
        open.AnsweredBy = actor;
        open.AnsweredAt = at;
        await c.Publish(new StopClock(ConsultationClock(open.Id), at));
        await c.Send(WorkflowNode.InboundAddressOf(c.Saga.TargetNode), new ConsultationAnswered(c.Saga.CorrelationId, node.Code, open.Id, decision, answer, actor, at));
    }

    static async Task CancelConsultationClockAsync<T>(BehaviorContext<BranchState, T> c, Instant at, string reason)
        where T : class
    {
        if (await OpenConsultationAsync(c) is { } open)
            await c.Publish(new CancelClock(ConsultationClock(open.Id), reason, at));
    }

    static async Task<Consultation?> OpenConsultationAsync<T>(BehaviorContext<BranchState, T> c)
        where T : class
    {
        var id = c.Saga.CorrelationId;
        return (await c.Db().Set<Consultation>().Where(x => x.BranchId == id && x.AnsweredAt == null).ToListAsync(c.CancellationToken))
            .OrderBy(x => x.OpenedAt).LastOrDefault();
    }

    static void AddConditions<T>(BehaviorContext<BranchState, T> c, IReadOnlyList<AgreedCondition> conditions, Guid? consultationId)
        where T : class
    {
        for (var i = 0; i < conditions.Count; i++)
        {
            c.Db().Add(new CaseCondition
            {
                Id = DeterministicGuid.Create("condition", c.Saga.CorrelationId, consultationId ?? Guid.Empty, i),
                BranchId = c.Saga.CorrelationId, ConsultationId = consultationId, Position = i + 1, Kind = conditions[i].Kind, Text = conditions[i].Text,
            });
        }
    }

    /// <summary>The requested country consults this node before a refusal or postponement; this node must answer.</summary>
    public State InConsultation { get; private set; } = null!;

    /// <summary>The requested country opened a consultation.</summary>
    public Event<ConsultationOpened> ConsultationOpened { get; private set; } = null!;

    /// <summary>This node accepts what the consultation proposed.</summary>
    public Event<AcceptConsultation> AcceptConsultation { get; private set; } = null!;

    /// <summary>This node supplies what the consultation asked for.</summary>
    public Event<SupplyConsultationInformation> SupplyConsultationInformation { get; private set; } = null!;

    /// <summary>The requested country accepted the request under conditions.</summary>
    public Event<IncomingRequestAcceptedUnderConditions> IncomingRequestAcceptedUnderConditions { get; private set; } = null!;
}
