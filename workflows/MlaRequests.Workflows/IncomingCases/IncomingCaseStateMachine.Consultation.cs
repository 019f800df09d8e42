using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Contracts.Parts;
using MlaRequests.Domain;
using MlaRequests.Domain.Cases;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Workflows.Shared;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>
/// Consultation before refusal or postponement, and acceptance under conditions (UNTOC Art. 18(26)). While the case is assigned, a
/// liaison officer opens a consultation: conditions under which this node would execute, or an intended refusal or postponement with
/// coded grounds and reasons. The case is <c>InConsultation</c> until the requesting country answers: it accepts (the case returns to
/// recognition, where the officer accepts under the conditions or postpones), supplies what is missing (back to recognition with it)
/// or withdraws (as ever). A consultation never blocks a refusal: the officer may propose one while waiting, and the refusal goes on
/// to its sign-off as from recognition. Acceptance under conditions is a step of its own, allowed where acceptance is; the conditions
/// are kept with the case and sent with the acceptance.
/// </summary>
public sealed partial class IncomingCaseStateMachine
{
    void DuringConsultation(WorkflowNode node)
    {
        Event(() => OpenConsultation, e => e.FaultWhenMissing(m => m.Message.CaseId));
        Event(() => ConsultationAnswered, e => e.FaultWhenMissing(m => m.Message.BranchId));
        Event(() => AcceptIncomingUnderConditions, e => e.FaultWhenMissing(m => m.Message.CaseId));

        During(Assigned,
            When(OpenConsultation)
                .Then(c =>
                {
                    var m = c.Message;
                    c.Db().Add(new Consultation
                    {
                        Id = m.ConsultationId, BranchId = c.Saga.CorrelationId, Purpose = m.Purpose, Grounds = string.Join(',', m.Grounds), Reasons = m.Reasons,
                        OpenedBy = m.Actor, OpenedAt = m.At,
                    });
                    AddConditions(c, m.Conditions, m.ConsultationId);
                })
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode),
                    c => new ConsultationOpened(c.Saga.CorrelationId, node.Code, c.Message.ConsultationId, c.Message.Purpose, c.Message.Grounds, c.Message.Conditions,
                        c.Message.Reasons, c.Message.Actor, c.Message.At))
                .TransitionTo(InConsultation)
                .Record(TimelineTexts.ConsultationOpened, c => c.Message.Actor, c => c.Message.At,
                    c => ConsultationDetails(c.Message.Purpose, c.Message.Grounds, c.Message.Conditions, c.Message.Reasons)));

        During(InConsultation,
            When(ConsultationAnswered)
                .ThenAsync(KeepAnswer)
                .TransitionTo(Assigned)
                .Record(c => AnswerText(c.Message), c => $"{c.Message.Actor} ({c.Message.Node})", c => c.Message.At, c => c.Message.Answer),
            // A consultation must not hold a refusal back: the officer may propose it while waiting; sent back, the case is in recognition.
            When(ProposeRefusal)
                .Then(c =>
                {
                    c.Saga.RefusalProposedBy = c.Message.Actor;
                    c.Saga.RefusalProposedFrom = Assigned.Name;
                })
                .TransitionTo(RefusalProposed)
                .Record(TimelineTexts.RefusalProposed, c => c.Message.Actor, c => c.Message.At,
                    c => TimelineTexts.RefusedDetails.Format(string.Join(", ", c.Message.Grounds), c.Message.Reasons)),
            When(RequestWithdrawn)
                .ThenAsync(c => CancelClocks(c, c.Message.At, "Withdrawn by the requesting country"))
                .TransitionTo(Withdrawn)
                .Record(TimelineTexts.WithdrawnByRequester, c => $"{c.Message.Actor} ({c.Message.Node})", c => c.Message.At, c => c.Message.Reason));

        // An answer that arrives once the case moved on (a refusal proposed meanwhile, or signed off) is kept and shown; nothing else changes.
        During([Assigned, AwaitingInformation, RefusalProposed, Postponed, InExecution, PartiallyExecuted, Executed, ResponseTransmitted, Closed, Refused, Withdrawn],
            When(ConsultationAnswered)
                .ThenAsync(KeepAnswer)
                .Record(c => AnswerText(c.Message), c => $"{c.Message.Actor} ({c.Message.Node})", c => c.Message.At, c => c.Message.Answer));

        During(Assigned, Postponed,
            When(AcceptIncomingUnderConditions)
                .ThenAsync(async c =>
                {
                    AddConditions(c, c.Message.Conditions, null);
                    await Stop(c, c.Saga.RecognitionClockId, c.Message.At);
                    await Stop(c, c.Saga.ProvisionalClockId, c.Message.At);
                    c.Saga.RecognitionClockId = c.Saga.ProvisionalClockId = null;
                    if (KindClocks.HasExecutionClock(c.Saga.Kind))
                        c.Saga.ExecutionClockId = await StartClock(c, ClockKind.Execution, node.Code, c.Message.At);
                    else
                        await MeetDesiredDate(c, c.Message.At);
                })
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode),
                    c => new IncomingRequestAcceptedUnderConditions(c.Saga.CorrelationId, node.Code, c.Message.Conditions, c.Message.DomesticCaseReference,
                        c.Message.Actor, c.Message.At, DecisionsFollow(node)))
                .TransitionTo(InExecution)
                .Record(TimelineTexts.AcceptedUnderConditions, c => c.Message.Actor, c => c.Message.At, c => ConditionsText(c.Message.Conditions)));

        _order.Event(OpenConsultation, InConsultation).Event(ConsultationAnswered, Assigned).Event(AcceptIncomingUnderConditions, InExecution);
    }

    static async Task KeepAnswer(BehaviorContext<IncomingCaseState, ConsultationAnswered> c)
    {
        if (await c.Db().Set<Consultation>().FindAsync([c.Message.ConsultationId], c.CancellationToken) is { IsAnswered: false } consultation
            && consultation.BranchId == c.Saga.CorrelationId)
        {
            consultation.Decision = c.Message.Decision;
            consultation.Answer = c.Message.Answer;
            consultation.AnsweredBy = $"{c.Message.Actor} ({c.Message.Node})";
            consultation.AnsweredAt = c.Message.At;
        }
    }

    static void AddConditions<T>(BehaviorContext<IncomingCaseState, T> c, IReadOnlyList<AgreedCondition> conditions, Guid? consultationId)
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

    /// <summary>The timeline's action for an answer to a consultation.</summary>
    internal static string AnswerText(ConsultationAnswered answer) =>
        (answer.Decision == ConsultationCodes.Accepted ? TimelineTexts.ConsultationAccepted : TimelineTexts.ConsultationSupplied).Format();

    /// <summary>The timeline's details of a consultation: its purpose, grounds or conditions, and reasons.</summary>
    internal static string ConsultationDetails(string purpose, IReadOnlyList<string> grounds, IReadOnlyList<AgreedCondition> conditions, string reasons) =>
        TimelineTexts.ConsultationDetails.Format(purpose, grounds.Count > 0 ? string.Join(", ", grounds) : string.Join("; ", conditions.Select(x => $"{x.Kind}: {x.Text}")),
            reasons);

    /// <summary>The timeline's details of an acceptance under conditions.</summary>
    internal static string ConditionsText(IReadOnlyList<AgreedCondition> conditions) =>
        TimelineTexts.ConditionsDetails.Format(string.Join("; ", conditions.Select(x => $"{x.Kind}: {x.Text}")));

    /// <summary>The requesting country is consulted before a refusal or postponement; waiting for its answer.</summary>
    public State InConsultation { get; private set; } = null!;

    /// <summary>A liaison officer opened a consultation.</summary>
    public Event<OpenConsultation> OpenConsultation { get; private set; } = null!;

    /// <summary>The requesting country answered a consultation.</summary>
    public Event<ConsultationAnswered> ConsultationAnswered { get; private set; } = null!;

    /// <summary>Accepted under conditions.</summary>
    public Event<AcceptIncomingUnderConditions> AcceptIncomingUnderConditions { get; private set; } = null!;
}
