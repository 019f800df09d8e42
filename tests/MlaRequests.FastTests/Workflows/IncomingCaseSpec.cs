using MlaRequests.Domain;
using MlaRequests.Contracts;
using MlaRequests.Contracts.Parts;
using MlaRequests.Domain.Cases;
using MlaRequests.Domain.Measures;
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
        "ResponseTransmitted", "MirrorCaseOpened", "RefusalProposed", "ExecutionPostponed", "InConsultation",
    ];

    static readonly string[] AnswerKept =
    [
        "Assigned", "AwaitingInformation", "RefusalProposed", "Postponed", .. Delivering, "ResponseTransmitted", "Closed", "Refused", "Withdrawn",
    ];

    static readonly string[] Refusable = ["Assigned", "AwaitingInformation", "Postponed"];
    static readonly string[] Unsigned = ["AgreementAwaitingSignatures", "AgreementSignedHere", "AgreementSignedThere"];
    static readonly string[] Extending = ["ExtensionProposedHere", "ExtensionProposedThere"];
    static readonly string[] Amending = ["AmendmentProposedHere", "AmendmentProposedThere"];
    static readonly string[] Agreement = [.. Unsigned, "AgreementInForce", .. Extending, .. Amending];
    const string AmendedAgreement = "{\"purpose\":\"Joint investigation of the network\",\"arrangements\":\"Evidence shared through the liaison officers\"}";
    static readonly Action<IncomingCaseState> Jit = s => s.Kind = RequestKind.JointInvestigationTeam;

    /// <inheritdoc />
    public override IReadOnlyList<Transition<IncomingCaseState>> Transitions { get; } =
    [
        new("Initial", "IncomingRequestReceived", "Received"),
        new("Received", "RegisterIncoming", "Registered", "a request"),
        new("Received", "RegisterIncoming", "InformationRegistered", "spontaneous information", Given: s => s.Kind = RequestKind.SpontaneousInformation),
        new("Registered", "AssignIncoming", "Assigned"),
        new("Assigned", "AssignIncoming", "Assigned", "to someone else"),
        new("InformationRegistered", "OpenMirrorCase", "MirrorCaseOpened"),
        new("InformationRegistered", "CloseIncoming", "Closed"),
        new("Assigned", "ExtendRecognition", "Assigned"),
        new("Assigned", "RequestMoreInformation", "AwaitingInformation"),
        new("AwaitingInformation", "AdditionalInformationProvided", "Assigned"),
        new("Assigned", "AcceptIncoming", "InExecution"),
        new("Postponed", "AcceptIncoming", "InExecution"),
        new("Assigned", "RefuseIncoming", "Refused"),
        new("Postponed", "RefuseIncoming", "Refused"),
        new("Assigned", "PostponeIncoming", "Postponed"),
        .. Executing.Select(s => new Transition<IncomingCaseState>(s, "RecordExecution", "PartiallyExecuted", "partial", Execution(complete: false))),
        .. Executing.Select(s => new Transition<IncomingCaseState>(s, "RecordExecution", "Executed", "complete", Execution(complete: true))),
        .. Delivering.Select(s => new Transition<IncomingCaseState>(s, "TransferEvidence", "ResponseTransmitted")),
        new("ResponseTransmitted", "EvidenceReceiptConfirmed", "Closed"),
        .. Refusable.Select(s => new Transition<IncomingCaseState>(s, "ProposeRefusal", "RefusalProposed")),
        new("RefusalProposed", "SignOffRefusal", "Refused", "by someone other than the proposer"),
        .. Refusable.Select(s => new Transition<IncomingCaseState>("RefusalProposed", "ReturnRefusal", s, $"proposed while {s}",
            Given: i => i.RefusalProposedFrom = s)),
        new("RefusalProposed", "AdditionalInformationProvided", "RefusalProposed", "answer while the refusal waits"),
        .. Open.Select(s => new Transition<IncomingCaseState>(s, "RequestWithdrawn", "Withdrawn")),
        // Per-measure results (issue 14).
        new("InExecution", "RecordMeasureResult", "PartiallyExecuted", "a measure executed", Measure(MeasureStatus.Executed)),
        new("InExecution", "RecordMeasureResult", "InExecution", "a measure started", Measure(MeasureStatus.InExecution)),
        new("PartiallyExecuted", "RecordMeasureResult", "PartiallyExecuted", "a measure executed", Measure(MeasureStatus.Executed)),
        .. Executing.Select(s => new Transition<IncomingCaseState>(s, "ProposeMeasureRefusal", s)),
        .. Executing.Select(s => new Transition<IncomingCaseState>(s, "SignOffMeasureRefusal", s)),
        .. Delivering.Select(s => new Transition<IncomingCaseState>(s, "PrepareEvidence", s)),
        // Postponement (issue 14): resumed to recognition; a measure's proposed refusal sent back.
        new("Postponed", "ResumeIncoming", "Assigned"),
        new("Postponed", "PostponeIncoming", "Postponed", "extended to a new end date"),
        .. Executing.Select(s => new Transition<IncomingCaseState>(s, "PostponeIncoming", "ExecutionPostponed", "during execution")),
        new("ExecutionPostponed", "PostponeIncoming", "ExecutionPostponed", "extended to a new end date"),
        .. Executing.Select(s => new Transition<IncomingCaseState>("ExecutionPostponed", "ResumeIncoming", s, $"postponed while {s}",
            Given: i => i.PostponedFrom = s)),
        .. Executing.Select(s => new Transition<IncomingCaseState>(s, "ReturnMeasureRefusal", s)),
        // Status enquiries change no status: kept and answered whatever the case's status.
        .. Open.Concat(["Closed", "Refused", "Withdrawn"]).Select(s => new Transition<IncomingCaseState>(s, "StatusEnquirySent", s)),
        .. Open.Concat(["Closed", "Refused", "Withdrawn"]).Select(s => new Transition<IncomingCaseState>(s, "AnswerStatusEnquiry", s)),
        // Consultation before refusal or postponement, and acceptance under conditions (UNTOC Art. 18(26)).
        new("Assigned", "OpenConsultation", "InConsultation"),
        new("InConsultation", "ConsultationAnswered", "Assigned", "accepted or supplied"),
        new("InConsultation", "ProposeRefusal", "RefusalProposed", "a consultation never blocks a refusal"),
        .. AnswerKept.Select(s => new Transition<IncomingCaseState>(s, "ConsultationAnswered", s, "the answer is kept after the case moved on")),
        new("Assigned", "AcceptIncomingUnderConditions", "InExecution"),
        new("Postponed", "AcceptIncomingUnderConditions", "InExecution"),
        // JIT agreements (issue 14): an accepted JIT proposal is an agreement to sign, never executed; in force when both parties signed.
        new("Assigned", "AcceptIncoming", "AgreementAwaitingSignatures", "a JIT proposal", Given: Jit),
        new("Postponed", "AcceptIncoming", "AgreementAwaitingSignatures", "a JIT proposal", Given: Jit),
        new("InExecution", "RecordExecution", "PartiallyExecuted", "a JIT accepted by the previous release", Execution(complete: false), Jit),
        new("AgreementAwaitingSignatures", "SignJitAgreement", "AgreementSignedHere"),
        new("AgreementSignedThere", "SignJitAgreement", "AgreementInForce"),
        new("AgreementAwaitingSignatures", "JitAgreementSigned", "AgreementSignedThere"),
        new("AgreementSignedHere", "JitAgreementSigned", "AgreementInForce"),
        new("AgreementAwaitingSignatures", "DeclineJitAgreement", "AgreementDeclined"),
        new("AgreementSignedThere", "DeclineJitAgreement", "AgreementDeclined"),
        .. Unsigned.Select(s => new Transition<IncomingCaseState>(s, "JitAgreementDeclined", "AgreementDeclined")),
        .. ((string[])["AgreementInForce", .. Extending, .. Amending]).Select(s => new Transition<IncomingCaseState>(s, "CloseJitAgreement", "AgreementClosed")),
        .. ((string[])["AgreementInForce", .. Extending, .. Amending]).Select(s => new Transition<IncomingCaseState>(s, "JitAgreementClosed", "AgreementClosed")),
        new("AgreementInForce", "ProposeJitExtension", "ExtensionProposedHere"),
        new("AgreementInForce", "JitExtensionProposed", "ExtensionProposedThere"),
        new("ExtensionProposedThere", "SignJitExtension", "AgreementInForce"),
        new("ExtensionProposedThere", "DeclineJitExtension", "AgreementInForce"),
        new("ExtensionProposedHere", "JitExtensionSigned", "AgreementInForce"),
        new("ExtensionProposedHere", "JitExtensionDeclined", "AgreementInForce"),
        new("ExtensionProposedHere", "JitExtensionProposed", "AgreementInForce", "the proposals crossed: both lapse"),
        // Amendment of the agreement in force (issue 14): as the extension; crossing proposals (two amendments, or an amendment and an extension) lapse.
        new("AgreementInForce", "ProposeJitAmendment", "AmendmentProposedHere"),
        new("AgreementInForce", "JitAmendmentProposed", "AmendmentProposedThere"),
        new("AmendmentProposedThere", "SignJitAmendment", "AgreementInForce"),
        new("AmendmentProposedThere", "DeclineJitAmendment", "AgreementInForce"),
        new("AmendmentProposedHere", "JitAmendmentSigned", "AgreementInForce"),
        new("AmendmentProposedHere", "JitAmendmentDeclined", "AgreementInForce"),
        new("AmendmentProposedHere", "JitAmendmentProposed", "AgreementInForce", "two amendments crossed: both lapse"),
        new("AmendmentProposedHere", "JitExtensionProposed", "AgreementInForce", "an amendment crossed an extension: both lapse"),
        new("ExtensionProposedHere", "JitAmendmentProposed", "AgreementInForce", "an extension crossed an amendment: both lapse"),
        .. Agreement.Select(s => new Transition<IncomingCaseState>(s, "RequestWithdrawn", "Withdrawn")),
        .. Agreement.Concat(["AgreementDeclined", "AgreementClosed"]).Select(s => new Transition<IncomingCaseState>(s, "StatusEnquirySent", s)),
        .. Agreement.Concat(["AgreementDeclined", "AgreementClosed"]).Select(s => new Transition<IncomingCaseState>(s, "AnswerStatusEnquiry", s)),
        // Provisional measures (issue 15): decided from the arrival, also after acceptance; no status changes.
        .. ((string[])["Received", "Registered", "Assigned", "AwaitingInformation", "RefusalProposed", "InConsultation", "Postponed", .. Delivering,
            "ExecutionPostponed", "ResponseTransmitted", .. Agreement, "AgreementAwaitingParties"]).Select(s => new Transition<IncomingCaseState>(s, "DecideProvisionalMeasure", s)),
        // Multilateral JIT agreements (issue 14): a relayed signature or a party leaving is kept whatever the status; a case waiting for the
        // other parties enters into force when the last one is in (here the case has no agreement content, so none is awaited).
        .. EveryState.Where(s => s != "AgreementAwaitingParties").Select(s => new Transition<IncomingCaseState>(s, "JitSignatureRelayed", s)),
        .. EveryState.Where(s => s != "AgreementAwaitingParties").Select(s => new Transition<IncomingCaseState>(s, "JitPartyLeft", s)),
        new("AgreementAwaitingParties", "JitSignatureRelayed", "AgreementInForce", "the last party awaited signed"),
        new("AgreementAwaitingParties", "JitPartyLeft", "AgreementInForce", "the last party awaited left"),
        new("AgreementAwaitingParties", "RequestWithdrawn", "Withdrawn"),
        new("AgreementAwaitingParties", "StatusEnquirySent", "AgreementAwaitingParties"),
        new("AgreementAwaitingParties", "AnswerStatusEnquiry", "AgreementAwaitingParties"),
    ];

    static readonly string[] EveryState =
    [
        "Received", "Registered", "InformationRegistered", "Assigned", "AwaitingInformation", "RefusalProposed", "InConsultation", "Postponed",
        "InExecution", "MirrorCaseOpened", "ExecutionPostponed", .. Agreement, "AgreementAwaitingParties", "PartiallyExecuted", "Executed", "ResponseTransmitted",
        "Closed", "Refused", "Withdrawn", "AgreementDeclined", "AgreementClosed",
    ];

    /// <inheritdoc />
    public override string[][] Ranks { get; } =
    [
        ["Received"], ["Registered", "InformationRegistered"], ["Assigned", "AwaitingInformation", "RefusalProposed", "InConsultation"], ["Postponed"],
        ["InExecution", "MirrorCaseOpened", "ExecutionPostponed", .. Agreement, "AgreementAwaitingParties"], ["PartiallyExecuted"], ["Executed"], ["ResponseTransmitted"],
        ["Closed", "Refused", "Withdrawn", "AgreementDeclined", "AgreementClosed"],
    ];

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> LeadsTo { get; } = new Dictionary<string, string>
    {
        ["IncomingRequestReceived"] = "Received", ["RegisterIncoming"] = "Registered", ["AssignIncoming"] = "Assigned", ["ExtendRecognition"] = "Assigned",
        ["RequestMoreInformation"] = "AwaitingInformation", ["AdditionalInformationProvided"] = "Assigned", ["AcceptIncoming"] = "InExecution", ["RefuseIncoming"] = "Refused",
        ["PostponeIncoming"] = "Postponed", ["RecordExecution"] = "PartiallyExecuted", ["TransferEvidence"] = "ResponseTransmitted", ["EvidenceReceiptConfirmed"] = "Closed",
        ["RequestWithdrawn"] = "Withdrawn", ["OpenMirrorCase"] = "MirrorCaseOpened", ["CloseIncoming"] = "Closed",
        ["ProposeRefusal"] = "RefusalProposed", ["SignOffRefusal"] = "Refused", ["ReturnRefusal"] = "Assigned",
        ["RecordMeasureResult"] = "InExecution", ["ProposeMeasureRefusal"] = "InExecution", ["SignOffMeasureRefusal"] = "InExecution",
        ["PrepareEvidence"] = "InExecution", ["ResumeIncoming"] = "Assigned", ["ReturnMeasureRefusal"] = "InExecution", ["DecideProvisionalMeasure"] = "Received",
        ["PrepareEvidence"] = "InExecution",
        ["OpenConsultation"] = "InConsultation", ["ConsultationAnswered"] = "Assigned", ["AcceptIncomingUnderConditions"] = "InExecution",
        ["SignJitAgreement"] = "AgreementInForce", ["JitAgreementSigned"] = "AgreementInForce", ["DeclineJitAgreement"] = "AgreementDeclined",
        ["JitAgreementDeclined"] = "AgreementDeclined", ["CloseJitAgreement"] = "AgreementClosed", ["JitAgreementClosed"] = "AgreementClosed",
        ["JitSignatureRelayed"] = "Received", ["JitPartyLeft"] = "Received",
        ["ProposeJitExtension"] = "ExtensionProposedHere", ["SignJitExtension"] = "AgreementInForce", ["DeclineJitExtension"] = "AgreementInForce",
        ["JitExtensionProposed"] = "AgreementClosed", ["JitExtensionSigned"] = "AgreementClosed", ["JitExtensionDeclined"] = "AgreementClosed",
        ["ProposeJitAmendment"] = "AmendmentProposedHere", ["SignJitAmendment"] = "AgreementInForce", ["DeclineJitAmendment"] = "AgreementInForce",
        ["JitAmendmentProposed"] = "AgreementClosed", ["JitAmendmentSigned"] = "AgreementClosed", ["JitAmendmentDeclined"] = "AgreementClosed",
    };

    /// <inheritdoc />
    public override IReadOnlySet<string> DroppedWhenMissing { get; } = new HashSet<string> { "JitAgreementSigned", "JitAgreementDeclined", "JitAgreementClosed", "JitExtensionProposed", "JitExtensionSigned", "JitExtensionDeclined",
        "JitAmendmentProposed", "JitAmendmentSigned", "JitAmendmentDeclined", "JitSignatureRelayed", "JitPartyLeft" };

    /// <inheritdoc />
    public override IReadOnlySet<string> RecordedWhenLate { get; } = new HashSet<string> { "AdditionalInformationProvided", "RequestWithdrawn", "JitAgreementClosed" };

    /// <inheritdoc />
    public override IncomingCaseStateMachine Build() => new(new WorkflowNode(WorkflowHarness<IncomingCaseStateMachine, IncomingCaseState>.NodeCode));

    /// <inheritdoc />
    public override IncomingCaseState Instance(Guid id, string state) => new()
    {
        CorrelationId = id, CurrentState = state, Reference = "KG-2026-0042", RequestingNode = "KG", Kind = RequestKind.ClassicMla,
        LegalBasis = LegalBasis.Minsk1993, ReceivedAt = Step.Began, AssignedTo = "investigator",
        AcknowledgementClockId = Guid.NewGuid(), RecognitionClockId = Guid.NewGuid(), ExecutionClockId = Guid.NewGuid(), ProvisionalClockId = Guid.NewGuid(),
        RefusalProposedBy = Proposer, RefusalProposedFrom = "Assigned", ProposedJitEndsOn = new LocalDate(2027, 6, 30),
    };

    /// <summary>Who proposed the refusal an instance in <c>RefusalProposed</c> waits on (not <see cref="Step.Actor"/>, who signs it off).</summary>
    public const string Proposer = "liaison.proposer";

    /// <summary>An enquiry from KG and a consultation with KG, each waiting for its answer.</summary>
    public override IEnumerable<object> Related(Guid id) => [Step.Enquiry(id), Step.Consultation(id)];

    /// <inheritdoc />
    public override object Message(string @event, Guid id) => @event switch
    {
        "IncomingRequestReceived" => new IncomingRequestReceived(id, "KG", "KG-2026-0042", nameof(RequestKind.ClassicMla), LegalBasis.Minsk1993, false, false, Step.At),
        "RegisterIncoming" => new RegisterIncoming(id, Step.Actor, Step.At),
        "AssignIncoming" => new AssignIncoming(id, "investigator", Step.Actor, Step.At),
        "ExtendRecognition" => new ExtendRecognition(id, Period.FromDays(30), "Expert opinion pending", Step.Actor, Step.At),
        "RequestMoreInformation" => new RequestMoreInformation(id, "Which accounts?", Step.Actor, Step.At),
        "AdditionalInformationProvided" => new AdditionalInformationProvided(id, "KG", "These accounts", Step.Actor, Step.At),
        "AcceptIncoming" => new AcceptIncoming(id, "KZ-2026-77", Step.Actor, Step.At),
        "RefuseIncoming" => new RefuseIncoming(id, ["sovereignty"], "Reasons", Step.Actor, Step.At),
        "PostponeIncoming" => new PostponeIncoming(id, "Domestic proceedings", new LocalDate(2026, 6, 1), Step.Actor, Step.At),
        "RecordExecution" => Execution(complete: false)(id),
        "TransferEvidence" => new TransferEvidence(id, "Protocol of the hearing", Step.Actor, Step.At),
        "EvidenceReceiptConfirmed" => new EvidenceReceiptConfirmed(id, "KG", Step.Actor, Step.At),
        "RequestWithdrawn" => new RequestWithdrawn(id, "KG", "The case was closed", Step.Actor, Step.At),
        "OpenMirrorCase" => new OpenMirrorCase(id, "KZ-2026-78", Step.Actor, Step.At),
        "CloseIncoming" => new CloseIncoming(id, Step.Actor, Step.At),
        "ProposeRefusal" => new ProposeRefusal(id, ["DUAL_CRIMINALITY"], "Not an offence here", Step.Actor, Step.At),
        "SignOffRefusal" => new SignOffRefusal(id, ["DUAL_CRIMINALITY"], "Not an offence here", Step.Actor, Step.At),
        "ReturnRefusal" => new ReturnRefusal(id, "Ask for the missing documents first", Step.Actor, Step.At),
        "RecordMeasureResult" => Measure(MeasureStatus.Executed)(id),
        "ProposeMeasureRefusal" => new ProposeMeasureRefusal(id, 1, ["sovereignty"], "Reasons", "kg.executor", Step.At),
        "SignOffMeasureRefusal" => new SignOffMeasureRefusal(id, 1, ["sovereignty"], "Reasons", Step.Actor, Step.At),
        "ResumeIncoming" => new ResumeIncoming(id, "The domestic trial ended", Step.Actor, Step.At),
        "ReturnMeasureRefusal" => new ReturnMeasureRefusal(id, 1, "The person was found after all", Step.Actor, Step.At),
        "PrepareEvidence" => new PrepareEvidence(id, "Protocol of the hearing", Step.Actor, Step.At),
        "DecideProvisionalMeasure" => new DecideProvisionalMeasure(id, 1, "Ordered", Step.At, "Pervomaisky district court", [], null, Step.Actor, Step.At),
        "StatusEnquirySent" => new StatusEnquirySent(id, "KG", DeterministicGuid.Create("asked", id), "Is the witness heard yet?", false, Step.Actor, Step.At),
        "AnswerStatusEnquiry" => new AnswerStatusEnquiry(id, Step.Enquiry(id).Id, "The hearing is set for 20 April.", Step.Actor, Step.At),
        "OpenConsultation" => new OpenConsultation(id, DeterministicGuid.Create("new consultation", id), ConsultationCodes.Conditions, [],
            [new AgreedCondition("Confidentiality", "The witness's name is not disclosed")], "The witness is protected here", Step.Actor, Step.At),
        "ConsultationAnswered" => new ConsultationAnswered(id, "KG", Step.Consultation(id).Id, ConsultationCodes.Supplied, "The accounts are these", Step.Actor, Step.At),
        "AcceptIncomingUnderConditions" => new AcceptIncomingUnderConditions(id, [new AgreedCondition("UseLimitedToProceedings", "Only in case KG-2026-0042")], null,
            Step.Actor, Step.At),
        "SignJitAgreement" => new SignJitAgreement(id, Step.Actor, Step.At),
        "DeclineJitAgreement" => new DeclineJitAgreement(id, "Our own investigation covers it", Step.Actor, Step.At),
        "CloseJitAgreement" => new CloseJitAgreement(id, "The network was dismantled; evidence shared as agreed.", Step.Actor, Step.At),
        "JitAgreementSigned" => new JitAgreementSigned(id, "KG", Step.Actor, Step.At),
        "JitSignatureRelayed" => new JitSignatureRelayed(id, "KG", "TJ", "tj.liaison", Step.At),
        "JitPartyLeft" => new JitPartyLeft(id, "KG", "TJ", "AgreementDeclined", Step.At),
        "JitAgreementDeclined" => new JitAgreementDeclined(id, "KG", "The team's purpose overlaps our own case", Step.Actor, Step.At),
        "JitAgreementClosed" => new JitAgreementClosed(id, "KG", "The network was dismantled.", Step.Actor, Step.At),
        "ProposeJitExtension" => new ProposeJitExtension(id, new LocalDate(2027, 6, 30), "The financial analysis needs three more months", Step.Actor, Step.At),
        "SignJitExtension" => new SignJitExtension(id, Step.Actor, Step.At),
        "DeclineJitExtension" => new DeclineJitExtension(id, "Our members are needed elsewhere", Step.Actor, Step.At),
        "JitExtensionProposed" => new JitExtensionProposed(id, "KG", new LocalDate(2027, 6, 30), "The financial analysis needs three more months", Step.Actor, Step.At),
        "JitExtensionSigned" => new JitExtensionSigned(id, "KG", new LocalDate(2027, 6, 30), Step.Actor, Step.At),
        "JitExtensionDeclined" => new JitExtensionDeclined(id, "KG", "Our members are needed elsewhere", Step.Actor, Step.At),
        "ProposeJitAmendment" => new ProposeJitAmendment(id, Guid.NewGuid(), 2, AmendedAgreement, "A new member joins the team", Step.Actor, Step.At),
        "SignJitAmendment" => new SignJitAmendment(id, Guid.NewGuid(), Step.Actor, Step.At),
        "DeclineJitAmendment" => new DeclineJitAmendment(id, Guid.NewGuid(), "The new member is not known to us", Step.Actor, Step.At),
        "JitAmendmentProposed" => new JitAmendmentProposed(id, "KG", Guid.NewGuid(), 2, AmendedAgreement, "A new member joins the team", Step.Actor, Step.At),
        "JitAmendmentSigned" => new JitAmendmentSigned(id, "KG", Guid.NewGuid(), Step.Actor, Step.At),
        "JitAmendmentDeclined" => new JitAmendmentDeclined(id, "KG", Guid.NewGuid(), "The new member is not known to us", Step.Actor, Step.At),
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event, "no message for this event"),
    };

    static Func<Guid, object> Measure(MeasureStatus status) =>
        id => new RecordMeasureResult(id, 1, status, "The witness was heard", null, Step.Actor, Step.At);

    static Func<Guid, object> Execution(bool complete) =>
        id => new RecordExecution(id, complete, complete ? "All measures executed" : "The witness was heard", Step.Actor, Step.At);
}
