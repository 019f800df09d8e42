using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Workflows.Shared;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>
/// A refusal takes two people (four eyes): a liaison officer proposes it on coded grounds with reasons (UNTOC Art. 18(21),
/// 18(23)), while the case is assigned, waiting for additional information (the typical case of no answer) or postponed;
/// a supervisor of this node who is not the proposer signs it off, and only then does <see cref="IncomingRequestRefused"/>
/// leave the node; or sends it back, and the case returns to the status it was proposed from. The decision clocks keep
/// running while the proposal waits: the decision is not taken until it is signed off.
/// </summary>
public sealed partial class IncomingCaseStateMachine
{
    void RefusalSignOff(WorkflowNode node)
    {
        Event(() => ProposeRefusal, e => e.FaultWhenMissing(m => m.Message.CaseId));
        Event(() => SignOffRefusal, e => e.FaultWhenMissing(m => m.Message.CaseId));
        Event(() => ReturnRefusal, e => e.FaultWhenMissing(m => m.Message.CaseId));

        During(Assigned, AwaitingInformation, Postponed,
            When(ProposeRefusal)
                .Then(c =>
                {
                    c.Saga.RefusalProposedBy = c.Message.Actor;
                    c.Saga.RefusalProposedFrom = c.Saga.CurrentState;
                })
                .TransitionTo(RefusalProposed)
                .Record(TimelineTexts.RefusalProposed, c => c.Message.Actor, c => c.Message.At,
                    c => TimelineTexts.RefusedDetails.Format(string.Join(", ", c.Message.Grounds), c.Message.Reasons)));

        // The three ways back are told apart by where the proposal came from, which no step here changes (the conditions
        // of one event are evaluated one after the other, so a field they read must stay as it is until all were).
        During(RefusalProposed,
            // The proposer may never sign off their own proposal: the API refuses it (403), and the workflow drops it unapplied.
            When(SignOffRefusal, c => c.Message.Actor != c.Saga.RefusalProposedBy)
                .ThenAsync(c => CancelClocks(c, c.Message.At, "Refused"))
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode),
                    c => new IncomingRequestRefused(c.Saga.CorrelationId, node.Code, c.Message.Grounds, c.Message.Reasons, c.Message.Actor, c.Message.At))
                .TransitionTo(Refused)
                .Record(TimelineTexts.Refused, c => c.Message.Actor, c => c.Message.At,
                    c => TimelineTexts.RefusalSignedOffDetails.Format(c.Saga.RefusalProposedBy ?? "?", string.Join(", ", c.Message.Grounds), c.Message.Reasons)),
            When(ReturnRefusal, c => c.Saga.RefusalProposedFrom == AwaitingInformation.Name)
                .Then(c => c.Saga.RefusalProposedBy = null)
                .TransitionTo(AwaitingInformation)
                .Record(TimelineTexts.RefusalReturned, c => c.Message.Actor, c => c.Message.At, c => c.Message.Reasons),
            When(ReturnRefusal, c => c.Saga.RefusalProposedFrom == Postponed.Name)
                .Then(c => c.Saga.RefusalProposedBy = null)
                .TransitionTo(Postponed)
                .Record(TimelineTexts.RefusalReturned, c => c.Message.Actor, c => c.Message.At, c => c.Message.Reasons),
            When(ReturnRefusal, c => c.Saga.RefusalProposedFrom != AwaitingInformation.Name && c.Saga.RefusalProposedFrom != Postponed.Name)
                .Then(c => c.Saga.RefusalProposedBy = null)
                .TransitionTo(Assigned)
                .Record(TimelineTexts.RefusalReturned, c => c.Message.Actor, c => c.Message.At, c => c.Message.Reasons),
            // The requesting country answered the questions while the refusal waited: the answer is kept, and a refusal sent
            // back returns the case to recognition rather than to waiting.
            When(AdditionalInformationProvided)
                .ThenAsync(c => c.Saga.RefusalProposedFrom == AwaitingInformation.Name ? ResumeRecognition(c, c.Message.At) : Task.CompletedTask)
                .Then(c => c.Saga.RefusalProposedFrom = c.Saga.RefusalProposedFrom == AwaitingInformation.Name ? Assigned.Name : c.Saga.RefusalProposedFrom)
                .Record(TimelineTexts.InformationReceived, c => $"{c.Message.Actor} ({c.Message.Node})", c => c.Message.At, c => c.Message.Answer),
            When(RequestWithdrawn)
                .ThenAsync(c => CancelClocks(c, c.Message.At, "Withdrawn by the requesting country"))
                .TransitionTo(Withdrawn)
                .Record(TimelineTexts.WithdrawnByRequester, c => $"{c.Message.Actor} ({c.Message.Node})", c => c.Message.At, c => c.Message.Reason));

        _order.Event(ProposeRefusal, RefusalProposed).Event(SignOffRefusal, Refused).Event(ReturnRefusal, Assigned);
    }

    /// <summary>A refusal was proposed; waiting for a supervisor's sign-off.</summary>
    public State RefusalProposed { get; private set; } = null!;

    /// <summary>A refusal was proposed.</summary>
    public Event<ProposeRefusal> ProposeRefusal { get; private set; } = null!;

    /// <summary>A supervisor signed the proposed refusal off.</summary>
    public Event<SignOffRefusal> SignOffRefusal { get; private set; } = null!;

    /// <summary>A supervisor sent the proposed refusal back.</summary>
    public Event<ReturnRefusal> ReturnRefusal { get; private set; } = null!;
}
