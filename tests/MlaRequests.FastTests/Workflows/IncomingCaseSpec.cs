using MlaRequests.Contracts;
using MlaRequests.Domain.Requests;
using MlaRequests.FastTests.Infrastructure;
using MlaRequests.Workflows.IncomingCases;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.FastTests.Workflows;

/// <summary>A request received from another country, on the receiving node: the liaison officer's steps and the requester's answers.</summary>
public sealed class IncomingCaseSpec : WorkflowSpec<IncomingCaseStateMachine, IncomingCaseState>
{
    static readonly string[] Executing = ["InExecution", "PartiallyExecuted"];
    static readonly string[] Delivering = [.. Executing, "Executed"];
    static readonly string[] Open =
    [
        "Received", "Registered", "InformationRegistered", "Assigned", "AwaitingInformation", "Postponed", .. Executing, "Executed",
        "ResponseTransmitted", "MirrorCaseOpened",
    ];

    /// <inheritdoc />
    public override IReadOnlyList<Transition<IncomingCaseState>> Transitions { get; } =
    [
        new("Initial", "Arrival", "Received"),
        new("Received", "Register", "Registered", "a request"),
        new("Received", "Register", "InformationRegistered", "spontaneous information", Given: s => s.Kind = RequestKind.SpontaneousInformation),
        new("Registered", "Assign", "Assigned"),
        new("Assigned", "Assign", "Assigned", "to someone else"),
        new("InformationRegistered", "OpenMirror", "MirrorCaseOpened"),
        new("InformationRegistered", "Close", "Closed"),
        new("Assigned", "Extend", "Assigned"),
        new("Assigned", "AskForInformation", "AwaitingInformation"),
        new("AwaitingInformation", "InformationProvided", "Assigned"),
        new("Assigned", "Acceptance", "InExecution"),
        new("Postponed", "Acceptance", "InExecution"),
        new("Assigned", "Refuse", "Refused"),
        new("Postponed", "Refuse", "Refused"),
        new("Assigned", "Postpone", "Postponed"),
        .. Executing.Select(s => new Transition<IncomingCaseState>(s, "Execution", "PartiallyExecuted", "partial", Execution(complete: false))),
        .. Executing.Select(s => new Transition<IncomingCaseState>(s, "Execution", "Executed", "complete", Execution(complete: true))),
        .. Delivering.Select(s => new Transition<IncomingCaseState>(s, "Transfer", "ResponseTransmitted")),
        new("ResponseTransmitted", "ReceiptConfirmed", "Closed"),
        .. Open.Select(s => new Transition<IncomingCaseState>(s, "WithdrawnByRequester", "Withdrawn")),
    ];

    /// <inheritdoc />
    public override string[][] Ranks { get; } =
    [
        ["Received"], ["Registered", "InformationRegistered"], ["Assigned", "AwaitingInformation"], ["Postponed"], ["InExecution", "MirrorCaseOpened"],
        ["PartiallyExecuted"], ["Executed"], ["ResponseTransmitted"], ["Closed", "Refused", "Withdrawn"],
    ];

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> LeadsTo { get; } = new Dictionary<string, string>
    {
        ["Arrival"] = "Received", ["Register"] = "Registered", ["Assign"] = "Assigned", ["Extend"] = "Assigned",
        ["AskForInformation"] = "AwaitingInformation", ["InformationProvided"] = "Assigned", ["Acceptance"] = "InExecution", ["Refuse"] = "Refused",
        ["Postpone"] = "Postponed", ["Execution"] = "PartiallyExecuted", ["Transfer"] = "ResponseTransmitted", ["ReceiptConfirmed"] = "Closed",
        ["WithdrawnByRequester"] = "Withdrawn", ["OpenMirror"] = "MirrorCaseOpened", ["Close"] = "Closed",
    };

    /// <inheritdoc />
    public override IReadOnlySet<string> RecordedWhenLate { get; } = new HashSet<string> { "InformationProvided", "WithdrawnByRequester" };

    /// <inheritdoc />
    public override IncomingCaseStateMachine Build() => new(new WorkflowNode(WorkflowHarness<IncomingCaseStateMachine, IncomingCaseState>.NodeCode));

    /// <inheritdoc />
    public override IncomingCaseState Instance(Guid id, string state) => new()
    {
        CorrelationId = id, CurrentState = state, Reference = "KG-2026-0042", RequestingNode = "KG", Kind = RequestKind.ClassicMla,
        LegalBasis = LegalBasis.Minsk1993, ReceivedAt = Step.Began, AssignedTo = "investigator",
        AcknowledgementClockId = Guid.NewGuid(), RecognitionClockId = Guid.NewGuid(), ExecutionClockId = Guid.NewGuid(), ProvisionalClockId = Guid.NewGuid(),
    };

    /// <inheritdoc />
    public override object Message(string @event, Guid id) => @event switch
    {
        "Arrival" => new IncomingRequestReceived(id, "KG", "KG-2026-0042", nameof(RequestKind.ClassicMla), LegalBasis.Minsk1993, false, false, Step.At),
        "Register" => new RegisterIncoming(id, Step.Actor, Step.At),
        "Assign" => new AssignIncoming(id, "investigator", Step.Actor, Step.At),
        "Extend" => new ExtendRecognition(id, Period.FromDays(30), "Expert opinion pending", Step.Actor, Step.At),
        "AskForInformation" => new RequestMoreInformation(id, "Which accounts?", Step.Actor, Step.At),
        "InformationProvided" => new AdditionalInformationProvided(id, "KG", "These accounts", Step.Actor, Step.At),
        "Acceptance" => new AcceptIncoming(id, "KZ-2026-77", Step.Actor, Step.At),
        "Refuse" => new RefuseIncoming(id, ["sovereignty"], "Reasons", Step.Actor, Step.At),
        "Postpone" => new PostponeIncoming(id, "Domestic proceedings", new LocalDate(2026, 6, 1), Step.Actor, Step.At),
        "Execution" => Execution(complete: false)(id),
        "Transfer" => new TransferEvidence(id, "Protocol of the hearing", Step.Actor, Step.At),
        "ReceiptConfirmed" => new EvidenceReceiptConfirmed(id, "KG", Step.Actor, Step.At),
        "WithdrawnByRequester" => new RequestWithdrawn(id, "KG", "The case was closed", Step.Actor, Step.At),
        "OpenMirror" => new OpenMirrorCase(id, "KZ-2026-78", Step.Actor, Step.At),
        "Close" => new CloseIncoming(id, Step.Actor, Step.At),
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event, "no message for this event"),
    };

    static Func<Guid, object> Execution(bool complete) =>
        id => new RecordExecution(id, complete, complete ? "All measures executed" : "The witness was heard", Step.Actor, Step.At);
}
