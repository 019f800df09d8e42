using MlaRequests.Domain;
using MlaRequests.Contracts;
using MlaRequests.Contracts.Parts;
using MlaRequests.Domain.Cases;
using MlaRequests.Domain.Requests;
using MlaRequests.FastTests.Infrastructure;
using MlaRequests.Workflows.Branches;
using MlaRequests.Workflows.Requests;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.FastTests.Workflows;

/// <summary>One requested country's branch on the requesting node, driven by that country's reports and this node's answers.</summary>
public sealed class BranchSpec : WorkflowSpec<BranchStateMachine, BranchState>
{
    static readonly string[] Deciding = ["Acknowledged", "UnderRecognition"];
    static readonly string[] Undecided = [.. Deciding, "AdditionalInformationRequested", "Postponed"];
    static readonly string[] Executing = ["InExecution", "PartiallyExecuted"];
    static readonly string[] Delivering = [.. Executing, "Executed"];
    static readonly string[] Open = ["Transmitted", .. Undecided, .. Executing, "Executed", "EvidenceTransferred", "ExecutionPostponed"];
    static readonly string[] Unsigned = ["AgreementAwaitingSignatures", "AgreementSignedHere", "AgreementSignedThere"];
    static readonly string[] Extending = ["ExtensionProposedHere", "ExtensionProposedThere"];
    static readonly string[] Amending = ["AmendmentProposedHere", "AmendmentProposedThere"];
    static readonly string[] Agreement = [.. Unsigned, "AgreementInForce", .. Extending, .. Amending];
    const string AmendedAgreement = "{\"purpose\":\"Joint investigation of the network\",\"arrangements\":\"Evidence shared through the liaison officers\"}";
    static readonly Action<BranchState> Jit = s => s.Kind = RequestKind.JointInvestigationTeam;
    static readonly string[] JitUnsigned = ["Transmitted", .. Undecided, "InConsultation", .. Unsigned];

    /// <inheritdoc />
    public override IReadOnlyList<Transition<BranchState>> Transitions { get; } =
    [
        new("Initial", "OpenBranch", "Transmitted"),
        new("Transmitted", "IncomingRequestRegistered", "Acknowledged"),
        new("Acknowledged", "SpontaneousInformationNoted", "Completed"),
        new("Acknowledged", "IncomingRequestAssigned", "UnderRecognition"),
        .. Deciding.Select(s => new Transition<BranchState>(s, "RecognitionPeriodExtended", s)),
        .. Deciding.Select(s => new Transition<BranchState>(s, "InformationRequested", "AdditionalInformationRequested")),
        .. Deciding.Select(s => new Transition<BranchState>(s, "IncomingRequestPostponed", "Postponed")),
        new("AdditionalInformationRequested", "AnswerAdditionalInformation", "UnderRecognition"),
        .. Undecided.Select(s => new Transition<BranchState>(s, "IncomingRequestRefused", "Refused")),
        .. Undecided.Select(s => new Transition<BranchState>(s, "IncomingRequestAccepted", "InExecution")),
        .. Executing.Select(s => new Transition<BranchState>(s, "ExecutionRecorded", "PartiallyExecuted", "partial", Report(complete: false))),
        .. Executing.Select(s => new Transition<BranchState>(s, "ExecutionRecorded", "Executed", "complete", Report(complete: true))),
        // Reports that crossed a later one on the way: written to the timeline, the status stays.
        .. new[] { "Executed", "EvidenceTransferred", "Completed" }.Select(s =>
            new Transition<BranchState>(s, "ExecutionRecorded", s, "partial, overtaken", Report(complete: false))),
        new("Executed", "ExecutionRecorded", "Executed", "complete, again", Report(complete: true)),
        .. new[] { "EvidenceTransferred", "Completed" }.Select(s =>
            new Transition<BranchState>(s, "ExecutionRecorded", s, "complete, overtaken", Report(complete: true))),
        .. Delivering.Select(s => new Transition<BranchState>(s, "EvidenceSent", "EvidenceTransferred")),
        new("EvidenceTransferred", "ConfirmEvidenceReceived", "Completed"),
        .. Open.Select(s => new Transition<BranchState>(s, "WithdrawBranch", "Withdrawn")),
        // Per-measure results (issue 14): the first measure that yields something makes the branch partially executed; later
        // reports, and reports that arrive after the branch moved on, only update the table.
        new("Postponed", "IncomingRequestResumed", "UnderRecognition"),
        .. Executing.Select(s => new Transition<BranchState>(s, "IncomingRequestPostponed", "ExecutionPostponed", "during execution")),
        new("ExecutionPostponed", "IncomingRequestPostponed", "ExecutionPostponed", "extended"),
        new("ExecutionPostponed", "IncomingRequestResumed", "InExecution", "to execution"),
        new("ExecutionPostponed", "IncomingRequestResumed", "PartiallyExecuted", "to partial execution",
            Message: id => new IncomingRequestResumed(id, "KG", "The domestic trial ended", Step.Actor, Step.At, "PartiallyExecuted")),
        new("ExecutionPostponed", "MeasureResultReported", "ExecutionPostponed", "a result obtained before the postponement", MeasureReport("Executed")),
        new("InExecution", "MeasureResultReported", "PartiallyExecuted", "a measure executed", MeasureReport("Executed")),
        new("InExecution", "MeasureResultReported", "InExecution", "a measure impossible", MeasureReport("Impossible")),
        .. new[] { "PartiallyExecuted", "Executed", "EvidenceTransferred", "Completed" }.Select(s =>
            new Transition<BranchState>(s, "MeasureResultReported", s, "a measure executed", MeasureReport("Executed"))),
        // Status enquiries change no status: asked while the branch is open, answered whenever the requested country answers.
        .. Open.Select(s => new Transition<BranchState>(s, "SendStatusEnquiry", s)),
        .. Open.Concat(["Completed", "Refused", "Withdrawn"]).Select(s => new Transition<BranchState>(s, "StatusEnquiryAnswered", s)),
        // Consultation before refusal or postponement, and acceptance under conditions (UNTOC Art. 18(26)).
        .. Deciding.Select(s => new Transition<BranchState>(s, "ConsultationOpened", "InConsultation")),
        new("InConsultation", "AcceptConsultation", "UnderRecognition"),
        new("InConsultation", "SupplyConsultationInformation", "UnderRecognition"),
        new("InConsultation", "WithdrawBranch", "Withdrawn", "the third answer"),
        new("InConsultation", "IncomingRequestRefused", "Refused", "a consultation never blocks a refusal"),
        new("InConsultation", "StatusEnquiryAnswered", "InConsultation"),
        .. Undecided.Select(s => new Transition<BranchState>(s, "IncomingRequestAcceptedUnderConditions", "InExecution")),
        // JIT agreements (issue 14): an accepted JIT proposal is an agreement to sign, never executed; in force when both parties signed.
        .. Undecided.Select(s => new Transition<BranchState>(s, "IncomingRequestAccepted", "AgreementAwaitingSignatures", "a JIT proposal", Given: Jit)),
        // Multilateral JIT agreements (issue 14): a branch whose two signatures are given waits for the other branches; here it has none.
        new("AgreementAwaitingParties", "JitPartiesChanged", "AgreementInForce", "every other branch signed"),
        new("AgreementAwaitingParties", "JitAgreementClosed", "AgreementClosed", "a requested node on release 3 closed its case"),
        new("AgreementAwaitingParties", "WithdrawBranch", "Withdrawn"),
        new("AgreementAwaitingParties", "StatusEnquiryAnswered", "AgreementAwaitingParties"),
        .. JitUnsigned.Select(s => new Transition<BranchState>(s, "BranchFinished", s, "another country left", Given: Jit)),
        .. JitUnsigned.Select(s => new Transition<BranchState>(s, "BranchFinished", s, "not a JIT")),
        new("AgreementAwaitingParties", "BranchFinished", "AgreementInForce", "the last country awaited left", Given: Jit),
        new("AgreementAwaitingParties", "BranchFinished", "AgreementAwaitingParties", "not a JIT"),
        new("InExecution", "ExecutionRecorded", "PartiallyExecuted", "a JIT accepted by the previous release", Report(complete: false), Jit),
        new("AgreementAwaitingSignatures", "SignAgreementWithTarget", "AgreementSignedHere"),
        new("AgreementSignedThere", "SignAgreementWithTarget", "AgreementInForce"),
        new("AgreementAwaitingSignatures", "JitAgreementSigned", "AgreementSignedThere"),
        new("AgreementSignedHere", "JitAgreementSigned", "AgreementInForce"),
        new("AgreementAwaitingSignatures", "DeclineAgreementWithTarget", "AgreementDeclined"),
        new("AgreementSignedThere", "DeclineAgreementWithTarget", "AgreementDeclined"),
        .. Unsigned.Select(s => new Transition<BranchState>(s, "JitAgreementDeclined", "AgreementDeclined")),
        .. ((string[])["AgreementInForce", .. Extending, .. Amending]).Select(s => new Transition<BranchState>(s, "CloseAgreementWithTarget", "AgreementClosed")),
        .. ((string[])["AgreementInForce", .. Extending, .. Amending]).Select(s => new Transition<BranchState>(s, "JitAgreementClosed", "AgreementClosed")),
        new("AgreementInForce", "ProposeExtensionWithTarget", "ExtensionProposedHere"),
        new("AgreementInForce", "JitExtensionProposed", "ExtensionProposedThere"),
        new("ExtensionProposedThere", "SignExtensionWithTarget", "AgreementInForce"),
        new("ExtensionProposedThere", "DeclineExtensionWithTarget", "AgreementInForce"),
        new("ExtensionProposedHere", "JitExtensionSigned", "AgreementInForce"),
        new("ExtensionProposedHere", "JitExtensionDeclined", "AgreementInForce"),
        new("ExtensionProposedHere", "JitExtensionProposed", "AgreementInForce", "the proposals crossed: both lapse"),
        // Amendment of the agreement in force (issue 14): as the extension; crossing proposals (two amendments, or an amendment and an extension) lapse.
        new("AgreementInForce", "ProposeAmendmentWithTarget", "AmendmentProposedHere"),
        new("AgreementInForce", "JitAmendmentProposed", "AmendmentProposedThere"),
        new("AmendmentProposedThere", "SignAmendmentWithTarget", "AgreementInForce"),
        new("AmendmentProposedThere", "DeclineAmendmentWithTarget", "AgreementInForce"),
        new("AmendmentProposedHere", "JitAmendmentSigned", "AgreementInForce"),
        new("AmendmentProposedHere", "JitAmendmentDeclined", "AgreementInForce"),
        new("AmendmentProposedHere", "JitAmendmentProposed", "AgreementInForce", "two amendments crossed: both lapse"),
        new("AmendmentProposedHere", "JitExtensionProposed", "AgreementInForce", "an amendment crossed an extension: both lapse"),
        new("ExtensionProposedHere", "JitAmendmentProposed", "AgreementInForce", "an extension crossed an amendment: both lapse"),
        .. Agreement.Select(s => new Transition<BranchState>(s, "WithdrawBranch", "Withdrawn")),
        .. Agreement.Concat(["AgreementDeclined", "AgreementClosed"]).Select(s => new Transition<BranchState>(s, "StatusEnquiryAnswered", s)),
        // Provisional measures (issue 15): a decision is kept whenever it comes, before or after acceptance; late only after a refusal or withdrawal.
        .. ((string[])["Transmitted", .. Undecided, "InConsultation", .. Executing, "ExecutionPostponed", "Executed", "EvidenceTransferred", "Completed", .. Agreement, "AgreementAwaitingParties",
            "AgreementClosed"]).Select(s => new Transition<BranchState>(s, "ProvisionalMeasureDecided", s)),
    ];

    /// <inheritdoc />
    public override string[][] Ranks { get; } =
    [
        ["Transmitted"], ["Acknowledged"], ["UnderRecognition", "AdditionalInformationRequested", "InConsultation"], ["Postponed"], ["InExecution", "ExecutionPostponed", .. Agreement, "AgreementAwaitingParties"],
        ["PartiallyExecuted"], ["Executed"], ["EvidenceTransferred"], ["Completed", "Refused", "Withdrawn", "AgreementDeclined", "AgreementClosed"],
    ];

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> LeadsTo { get; } = new Dictionary<string, string>
    {
        ["OpenBranch"] = "Transmitted", ["IncomingRequestRegistered"] = "Acknowledged", ["IncomingRequestAssigned"] = "UnderRecognition", ["RecognitionPeriodExtended"] = "UnderRecognition",
        ["InformationRequested"] = "AdditionalInformationRequested", ["AnswerAdditionalInformation"] = "UnderRecognition", ["IncomingRequestPostponed"] = "Postponed",
        ["IncomingRequestRefused"] = "Refused", ["IncomingRequestAccepted"] = "InExecution", ["ExecutionRecorded"] = "PartiallyExecuted",
        ["EvidenceSent"] = "EvidenceTransferred", ["ConfirmEvidenceReceived"] = "Completed", ["WithdrawBranch"] = "Withdrawn", ["SpontaneousInformationNoted"] = "Completed",
        ["MeasureResultReported"] = "InExecution", ["IncomingRequestResumed"] = "Executed", ["ProvisionalMeasureDecided"] = "Transmitted",
        ["SendStatusEnquiry"] = "Transmitted",
        ["ConsultationOpened"] = "InConsultation", ["AcceptConsultation"] = "UnderRecognition", ["SupplyConsultationInformation"] = "UnderRecognition",
        ["IncomingRequestAcceptedUnderConditions"] = "InExecution",
        ["SignAgreementWithTarget"] = "AgreementInForce", ["JitAgreementSigned"] = "AgreementInForce", ["DeclineAgreementWithTarget"] = "AgreementDeclined",
        ["JitAgreementDeclined"] = "AgreementDeclined", ["CloseAgreementWithTarget"] = "AgreementClosed", ["JitAgreementClosed"] = "AgreementClosed",
        ["JitPartiesChanged"] = "Transmitted", ["BranchFinished"] = "Transmitted",
        ["ProposeExtensionWithTarget"] = "ExtensionProposedHere", ["SignExtensionWithTarget"] = "AgreementInForce", ["DeclineExtensionWithTarget"] = "AgreementInForce",
        ["JitExtensionProposed"] = "AgreementClosed", ["JitExtensionSigned"] = "AgreementClosed", ["JitExtensionDeclined"] = "AgreementClosed",
        ["ProposeAmendmentWithTarget"] = "AmendmentProposedHere", ["SignAmendmentWithTarget"] = "AgreementInForce", ["DeclineAmendmentWithTarget"] = "AgreementInForce",
        ["JitAmendmentProposed"] = "AgreementClosed", ["JitAmendmentSigned"] = "AgreementClosed", ["JitAmendmentDeclined"] = "AgreementClosed",
    };

    /// <inheritdoc />
    public override IReadOnlySet<string> DroppedWhenMissing { get; } = new HashSet<string> { "JitAgreementSigned", "JitAgreementDeclined", "JitAgreementClosed", "JitExtensionProposed", "JitExtensionSigned", "JitExtensionDeclined",
        "JitAmendmentProposed", "JitAmendmentSigned", "JitAmendmentDeclined", "JitPartiesChanged", "BranchFinished" };

    /// <inheritdoc />
    public override IReadOnlySet<string> RecordedWhenLate { get; } = new HashSet<string>
    {
        "IncomingRequestRegistered", "IncomingRequestAssigned", "RecognitionPeriodExtended", "InformationRequested", "IncomingRequestPostponed", "IncomingRequestRefused", "IncomingRequestAccepted",
        "ExecutionRecorded", "EvidenceSent", "SpontaneousInformationNoted", "MeasureResultReported", "IncomingRequestResumed",
        "ConsultationOpened", "IncomingRequestAcceptedUnderConditions", "JitAgreementClosed", "ProvisionalMeasureDecided",
    };

    /// <inheritdoc />
    public override BranchStateMachine Build() => new(new WorkflowNode(WorkflowHarness<BranchStateMachine, BranchState>.NodeCode));

    /// <inheritdoc />
    public override BranchState Instance(Guid id, string state) => new()
    {
        CorrelationId = id, CurrentState = state, RequestId = id, Reference = "KZ-2026-0001", OfficeCode = "ALM", TargetNode = "KG",
        LegalBasis = LegalBasis.Minsk1993, Kind = RequestKind.ClassicMla, TransmittedAt = Step.Began,
        AcknowledgementClockId = Guid.NewGuid(), RecognitionClockId = Guid.NewGuid(), ExecutionClockId = Guid.NewGuid(),
        ProvisionalClockId = Guid.NewGuid(), InformationClockId = Guid.NewGuid(), ProposedJitEndsOn = new LocalDate(2027, 6, 30),
    };

    /// <summary>The branch's request shares the branch's id here, so its timeline is found under that id.</summary>
    public override IEnumerable<object> Related(Guid id) => [Step.Request(id), Step.Enquiry(id), Step.Consultation(id)];

    /// <inheritdoc />
    public override object Message(string @event, Guid id) => @event switch
    {
        "OpenBranch" => new OpenBranch(id, id, "KZ-2026-0001", "KZ", "KG", "ALM", LegalBasis.Minsk1993, false, Step.Actor, Step.At),
        "IncomingRequestRegistered" => new IncomingRequestRegistered(id, "KG", Step.Actor, Step.At),
        "IncomingRequestAssigned" => new IncomingRequestAssigned(id, "KG", Step.Actor, Step.At),
        "RecognitionPeriodExtended" => new RecognitionPeriodExtended(id, "KG", Period.FromDays(30), "Expert opinion pending", Step.Actor, Step.At),
        "InformationRequested" => new AdditionalInformationRequested(id, "KG", "Which accounts?", Step.Actor, Step.At),
        "AnswerAdditionalInformation" => new AnswerAdditionalInformation(id, "These accounts", Step.Actor, Step.At),
        "IncomingRequestRefused" => new IncomingRequestRefused(id, "KG", ["sovereignty"], "Reasons", Step.Actor, Step.At),
        "IncomingRequestPostponed" => new IncomingRequestPostponed(id, "KG", "Domestic proceedings", new LocalDate(2026, 6, 1), Step.Actor, Step.At),
        "IncomingRequestAccepted" => new IncomingRequestAccepted(id, "KG", "KG-2026-77", Step.Actor, Step.At),
        "ExecutionRecorded" => Report(complete: false)(id),
        "EvidenceSent" => new EvidenceTransferred(id, "KG", "Protocol of the hearing", Step.Actor, Step.At),
        "ConfirmEvidenceReceived" => new ConfirmEvidenceReceived(id, Step.Actor, Step.At),
        "WithdrawBranch" => new WithdrawBranch(id, "The case was closed", Step.Actor, Step.At),
        "ConsultationOpened" => new ConsultationOpened(id, "KG", DeterministicGuid.Create("new consultation", id), ConsultationCodes.IntendedPostponement,
            ["ONGOING_INVESTIGATION"], [], "The same bank is searched in our own case", Step.Actor, Step.At),
        "AcceptConsultation" => new AcceptConsultation(id, "Agreed", Step.Actor, Step.At),
        "SupplyConsultationInformation" => new SupplyConsultationInformation(id, "The accounts are these", Step.Actor, Step.At),
        "IncomingRequestAcceptedUnderConditions" => new IncomingRequestAcceptedUnderConditions(id, "KG",
            [new AgreedCondition("Confidentiality", "The witness's name is not disclosed")], null, Step.Actor, Step.At),
        "SpontaneousInformationNoted" => new SpontaneousInformationNoted(id, "KG", Step.Actor, Step.At),
        "MeasureResultReported" => MeasureReport("Executed")(id),
        "ProvisionalMeasureDecided" => new ProvisionalMeasureDecided(id, "KG", 1, "Ordered", Step.At, "Pervomaisky district court", [], null, Step.Actor, Step.At),
        "IncomingRequestResumed" => new IncomingRequestResumed(id, "KG", "The domestic trial ended", Step.Actor, Step.At),
        "SendStatusEnquiry" => new SendStatusEnquiry(id, DeterministicGuid.Create("asked", id), "Is the witness heard yet? Our trial opens in May.", false,
            Step.Actor, Step.At),
        "StatusEnquiryAnswered" => new StatusEnquiryAnswered(id, "KG", Step.Enquiry(id).Id, "The hearing is set for 20 April.", Step.Actor, Step.At),
        "SignAgreementWithTarget" => new SignAgreementWithTarget(id, Step.Actor, Step.At),
        "DeclineAgreementWithTarget" => new DeclineAgreementWithTarget(id, "The team's purpose overlaps our own case", Step.Actor, Step.At),
        "CloseAgreementWithTarget" => new CloseAgreementWithTarget(id, "The network was dismantled; evidence shared as agreed.", Step.Actor, Step.At),
        "JitAgreementSigned" => new JitAgreementSigned(id, "KG", Step.Actor, Step.At),
        "JitPartiesChanged" => new JitPartiesChanged(id, DeterministicGuid.Create("other branch", id), Step.At),
        "BranchFinished" => new BranchFinished(id, DeterministicGuid.Create("other branch", id), "AgreementDeclined", Step.At),
        "JitAgreementDeclined" => new JitAgreementDeclined(id, "KG", "Our own investigation covers it", Step.Actor, Step.At),
        "JitAgreementClosed" => new JitAgreementClosed(id, "KG", "The network was dismantled.", Step.Actor, Step.At),
        "ProposeExtensionWithTarget" => new ProposeExtensionWithTarget(id, new LocalDate(2027, 6, 30), "The financial analysis needs three more months", Step.Actor, Step.At),
        "SignExtensionWithTarget" => new SignExtensionWithTarget(id, Step.Actor, Step.At),
        "DeclineExtensionWithTarget" => new DeclineExtensionWithTarget(id, "Our members are needed elsewhere", Step.Actor, Step.At),
        "JitExtensionProposed" => new JitExtensionProposed(id, "KG", new LocalDate(2027, 6, 30), "The financial analysis needs three more months", Step.Actor, Step.At),
        "JitExtensionSigned" => new JitExtensionSigned(id, "KG", new LocalDate(2027, 6, 30), Step.Actor, Step.At),
        "JitExtensionDeclined" => new JitExtensionDeclined(id, "KG", "Our members are needed elsewhere", Step.Actor, Step.At),
        "ProposeAmendmentWithTarget" => new ProposeAmendmentWithTarget(id, Guid.NewGuid(), 2, AmendedAgreement, "A new member joins the team", Step.Actor, Step.At),
        "SignAmendmentWithTarget" => new SignAmendmentWithTarget(id, Guid.NewGuid(), Step.Actor, Step.At),
        "DeclineAmendmentWithTarget" => new DeclineAmendmentWithTarget(id, Guid.NewGuid(), "The new member is not known to us", Step.Actor, Step.At),
        "JitAmendmentProposed" => new JitAmendmentProposed(id, "KG", Guid.NewGuid(), 2, AmendedAgreement, "A new member joins the team", Step.Actor, Step.At),
        "JitAmendmentSigned" => new JitAmendmentSigned(id, "KG", Guid.NewGuid(), Step.Actor, Step.At),
        "JitAmendmentDeclined" => new JitAmendmentDeclined(id, "KG", Guid.NewGuid(), "The new member is not known to us", Step.Actor, Step.At),
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event, "no message for this event"),
    };

    static Func<Guid, object> MeasureReport(string status) =>
        id => new MeasureResultReported(id, "KG", 1, status, "The witness was heard", [], status == "Impossible" ? "Not found" : null, Step.Actor, Step.At);

    static Func<Guid, object> Report(bool complete) =>
        id => new ExecutionRecorded(id, "KG", complete, complete ? "All measures executed" : "The witness was heard", Step.Actor, Step.At);
}
