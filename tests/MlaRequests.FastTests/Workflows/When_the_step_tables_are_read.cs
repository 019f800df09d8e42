using FluentAssertions;
using MassTransit;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Node.Features.Incoming;
using MlaRequests.Node.Features.Requests;
using MlaRequests.Node.Pages;
using MlaRequests.Workflows.Branches;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.IncomingCases;
using MlaRequests.Workflows.Requests;
using MlaRequests.Workflows.Shared;
using NodaTime;
using Xunit;

namespace MlaRequests.FastTests.Workflows;

/// <summary>
/// The step tables against their state machines: every step raises an event its machine declares and handles
/// somewhere, and every event is either a person's step (exactly one entry) or raised elsewhere on purpose.
/// </summary>
public sealed class When_the_step_tables_are_read
{
    static readonly WorkflowNode Node = new("KZ");

    [Fact]
    public void Every_incoming_step_raises_an_event_of_the_incoming_case_workflow_named_after_its_message()
    {
        var machine = new IncomingCaseStateMachine(Node);

        foreach (var step in IncomingSteps.Table)
        {
            var @event = step.Event(machine);
            machine.Events.Should().Contain(@event, $"'{step.Route}' raises an event of the workflow");
            @event.Name.Should().Be(MessageType(@event).Name, $"'{step.Route}' raises an event named after its message");
            step.AllowedFrom(machine).Should().NotBeEmpty($"'{step.Route}' is allowed from some status");
        }
    }

    [Fact]
    public void Every_event_of_every_workflow_is_named_after_its_message_unless_a_stored_state_has_that_name()
    {
        StateMachine[] machines =
        [
            new IncomingCaseStateMachine(Node), new OutgoingRequestStateMachine(Node), new BranchStateMachine(Node),
            new DeadlineClockStateMachine(new PolicyClockPlanner(), SystemClock.Instance),
        ];
        // A state's name is stored with every instance in it, so a state keeps its name and the event takes another.
        string[] takenByAState = [nameof(BranchStateMachine.InformationRequested), nameof(BranchStateMachine.EvidenceSent)];

        foreach (var machine in machines)
        {
            var messageEvents = machine.Events.Where(e => e.GetType().IsGenericType && !takenByAState.Contains(e.Name)
                && !e.Name.StartsWith(nameof(DeadlineClockStateMachine.Checkpoint) + ".", StringComparison.Ordinal)); // a schedule's events are named by MassTransit
            foreach (var @event in messageEvents)
                @event.Name.Should().Be(MessageType(@event).Name, $"{machine.GetType().Name} names each event after its message");
        }
        new BranchStateMachine(Node).States.Select(s => s.Name).Should().Contain(
            [nameof(BranchStateMachine.AdditionalInformationRequested), nameof(BranchStateMachine.EvidenceTransferred)],
            "the two events named otherwise carry messages whose names are those of states");
    }

    [Fact]
    public void Every_event_of_the_incoming_case_workflow_is_one_step_or_arrives_from_elsewhere()
    {
        var machine = new IncomingCaseStateMachine(Node);
        string[] elsewhere =
        [
            nameof(IncomingCaseStateMachine.IncomingRequestReceived), // the border opens the case
            nameof(IncomingCaseStateMachine.AdditionalInformationProvided), nameof(IncomingCaseStateMachine.EvidenceReceiptConfirmed),
            nameof(IncomingCaseStateMachine.RequestWithdrawn), nameof(IncomingCaseStateMachine.StatusEnquirySent), // the requesting country's steps
            nameof(IncomingCaseStateMachine.ConsultationAnswered),
            nameof(IncomingCaseStateMachine.RefuseIncoming), // a single-step refusal an older release committed before the upgrade
            nameof(IncomingCaseStateMachine.JitAgreementSigned), nameof(IncomingCaseStateMachine.JitAgreementDeclined),
            nameof(IncomingCaseStateMachine.JitAgreementClosed), // the requesting country's steps on a JIT agreement
            nameof(IncomingCaseStateMachine.JitExtensionProposed), nameof(IncomingCaseStateMachine.JitExtensionSigned),
            nameof(IncomingCaseStateMachine.JitExtensionDeclined), // the requesting country's answers on an extension
            nameof(IncomingCaseStateMachine.JitAmendmentProposed), nameof(IncomingCaseStateMachine.JitAmendmentSigned),
            nameof(IncomingCaseStateMachine.JitAmendmentDeclined), // the requesting country's steps on an amendment
            nameof(IncomingCaseStateMachine.JitSignatureRelayed), // another party's signature, relayed by the requesting country
            nameof(IncomingCaseStateMachine.JitPartyLeft), // another party left the agreement, told by the requesting country
        ];

        var steps = IncomingSteps.Table.Select(s => s.EventName(machine)).ToList();

        steps.Should().OnlyHaveUniqueItems("each event has exactly one step").And.NotIntersectWith(elsewhere);
        steps.Concat(elsewhere).Should().BeEquivalentTo(machine.Events.Select(e => e.Name));
    }

    [Fact]
    public void Every_event_of_the_request_and_branch_workflows_is_one_step_or_raised_elsewhere()
    {
        var request = new OutgoingRequestStateMachine(Node);
        var branch = new BranchStateMachine(Node);
        string[] requestElsewhere =
        [
            nameof(OutgoingRequestStateMachine.RequestDrafted), nameof(OutgoingRequestStateMachine.RequestNoteAdded), // their own endpoints
            nameof(OutgoingRequestStateMachine.BranchAccepted), nameof(OutgoingRequestStateMachine.BranchFinished), // the branches
        ];
        string[] branchElsewhere =
        [
            nameof(BranchStateMachine.OpenBranch), // the request workflow (which also withdraws every branch through WithdrawBranch, a step of its own here)
            nameof(BranchStateMachine.IncomingRequestRegistered), nameof(BranchStateMachine.IncomingRequestAssigned), nameof(BranchStateMachine.RecognitionPeriodExtended),
            nameof(BranchStateMachine.InformationRequested), nameof(BranchStateMachine.IncomingRequestRefused), nameof(BranchStateMachine.IncomingRequestPostponed),
            nameof(BranchStateMachine.IncomingRequestAccepted), nameof(BranchStateMachine.ExecutionRecorded), nameof(BranchStateMachine.EvidenceSent),
            nameof(BranchStateMachine.SpontaneousInformationNoted), nameof(BranchStateMachine.MeasureResultReported),
            nameof(BranchStateMachine.IncomingRequestResumed), nameof(BranchStateMachine.StatusEnquiryAnswered), nameof(BranchStateMachine.ConsultationOpened),
            nameof(BranchStateMachine.IncomingRequestAcceptedUnderConditions), // the requested country's steps
            nameof(BranchStateMachine.JitAgreementSigned), nameof(BranchStateMachine.JitAgreementDeclined),
            nameof(BranchStateMachine.JitAgreementClosed), // the requested country's steps on a JIT agreement
            nameof(BranchStateMachine.JitExtensionProposed), nameof(BranchStateMachine.JitExtensionSigned),
            nameof(BranchStateMachine.JitExtensionDeclined), // the requested country's answers on an extension
            nameof(BranchStateMachine.JitAmendmentProposed), nameof(BranchStateMachine.JitAmendmentSigned),
            nameof(BranchStateMachine.JitAmendmentDeclined), // the requested country's steps on an amendment
            nameof(BranchStateMachine.JitPartiesChanged), // another branch of the request entered into force: every party signed
            nameof(BranchStateMachine.BranchFinished), // another branch of the request ended: its country left the agreement
            nameof(BranchStateMachine.ProvisionalMeasureDecided), // the requested country's decision on a provisional measure (issue 15)
        ];

        var requestSteps = RequestSteps.OnRequest.Select(s => s.EventName(request)).ToList();
        var branchSteps = RequestSteps.OnBranch.Select(s => s.EventName(branch)).ToList();

        requestSteps.Should().OnlyHaveUniqueItems().And.NotIntersectWith(requestElsewhere);
        requestSteps.Concat(requestElsewhere).Should().BeEquivalentTo(request.Events.Select(e => e.Name));
        branchSteps.Should().OnlyHaveUniqueItems().And.NotIntersectWith(branchElsewhere);
        branchSteps.Concat(branchElsewhere).Should().BeEquivalentTo(branch.Events.Select(e => e.Name));
    }

    [Fact]
    public void Each_step_is_allowed_from_the_states_its_transition_names()
    {
        var incoming = new IncomingCaseStateMachine(Node);
        var request = new OutgoingRequestStateMachine(Node);

        IncomingSteps.Find("postpone")!.AllowedFrom(incoming).Should().BeEquivalentTo(nameof(IncomingCaseStateMachine.Assigned),
            nameof(IncomingCaseStateMachine.Postponed), nameof(IncomingCaseStateMachine.InExecution), nameof(IncomingCaseStateMachine.PartiallyExecuted),
            nameof(IncomingCaseStateMachine.ExecutionPostponed));
        IncomingSteps.Find("resume")!.AllowedFrom(incoming).Should().BeEquivalentTo(nameof(IncomingCaseStateMachine.Postponed),
            nameof(IncomingCaseStateMachine.ExecutionPostponed));
        IncomingSteps.Find("accept")!.AllowedFrom(incoming).Should()
            .BeEquivalentTo(nameof(IncomingCaseStateMachine.Assigned), nameof(IncomingCaseStateMachine.Postponed));
        IncomingSteps.Find("close")!.AllowedFrom(incoming).Should().Equal(nameof(IncomingCaseStateMachine.InformationRegistered));
        IncomingSteps.Find("refuse")!.AllowedFrom(incoming).Should().BeEquivalentTo(nameof(IncomingCaseStateMachine.Assigned),
            nameof(IncomingCaseStateMachine.AwaitingInformation), nameof(IncomingCaseStateMachine.Postponed),
            nameof(IncomingCaseStateMachine.InConsultation)); // a consultation never blocks a refusal
        IncomingSteps.Find("accept-under-conditions")!.AllowedFrom(incoming).Should()
            .BeEquivalentTo(IncomingSteps.Find("accept")!.AllowedFrom(incoming), "acceptance under conditions is allowed where acceptance is");
        IncomingSteps.Find("consult")!.AllowedFrom(incoming).Should().Equal(nameof(IncomingCaseStateMachine.Assigned));
        RequestSteps.OnBranch.Where(s => s.Route is "accept-consultation" or "answer-consultation")
            .Select(s => WorkflowSteps.AllowedFrom(new BranchStateMachine(Node), s.Event(new BranchStateMachine(Node))))
            .Should().AllSatisfy(from => from.Should().Equal(nameof(BranchStateMachine.InConsultation)));
        RequestSteps.OnRequest.Single(s => s.Route == "withdraw").Event(request).Should().Be(request.WithdrawRequest);
    }

    [Fact]
    public void Routes_are_unique_and_every_step_form_is_known_to_the_web_UI()
    {
        var routes = IncomingSteps.Table.Select(s => s.Route).Concat(RequestSteps.OnRequest.Select(s => s.Route))
            .Concat(RequestSteps.OnBranch.Select(s => s.Route));

        routes.Should().OnlyHaveUniqueItems();
        IncomingSteps.Table.Should().OnlyContain(s => StepForm.Known("incoming", s.Route));
        RequestSteps.OnRequest.Should().OnlyContain(s => StepForm.Known("request", s.Route));
        RequestSteps.OnBranch.Should().OnlyContain(s => StepForm.Known("branch", s.Route));
        StepForm.Known("incoming", "submit").Should().BeFalse("a step belongs to its own workflow's table");
    }

    [Fact]
    public void A_refusal_is_proposed_by_a_liaison_officer_and_signed_off_or_sent_back_by_a_supervisor()
    {
        var incoming = new IncomingCaseStateMachine(Node);

        IncomingSteps.Find("refuse")!.Should().Match<IncomingStep>(s => s.Takers.SequenceEqual(new[] { Roles.LiaisonOfficer }) && s.Event(incoming) == incoming.ProposeRefusal);
        IncomingSteps.Find("sign-off-refusal")!.Should().Match<IncomingStep>(s => s.Takers.SequenceEqual(new[] { Roles.Supervisor }) && s.Event(incoming) == incoming.SignOffRefusal);
        IncomingSteps.Find("return-refusal")!.Should().Match<IncomingStep>(s => s.Takers.SequenceEqual(new[] { Roles.Supervisor }) && s.Event(incoming) == incoming.ReturnRefusal);
        IncomingSteps.Find("return-measure-refusal")!.Should().Match<IncomingStep>(s => s.Takers.SequenceEqual(new[] { Roles.Supervisor })
            && s.Event(incoming) == incoming.ReturnMeasureRefusal);
        IncomingSteps.Find("resume")!.Should().Match<IncomingStep>(s => s.Takers.SequenceEqual(new[] { Roles.LiaisonOfficer }) && s.Event(incoming) == incoming.ResumeIncoming);
        IncomingSteps.Table.Where(s => s.Route is not ("sign-off-refusal" or "return-refusal" or "sign-off-measure-refusal" or "propose-measure-refusal" or "record-measure"
                or "return-measure-refusal"))
            .Should().OnlyContain(s => !s.Takers.Contains(Roles.Supervisor), "a supervisor signs off what another proposed, and otherwise watches");
    }

    static Type MessageType(Event @event) =>
        @event.GetType().GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(Event<>)).GetGenericArguments()[0];
}
