using MlaRequests.Domain.Timeline;

namespace MlaRequests.Workflows.Shared;

/// <summary>
/// Every action a timeline records, with the details it may carry, as English templates under stable
/// keys. The workflows write the English (the API shows it as it is); the web UI matches an entry back
/// to its key and values and shows the key's text from the resource files in the user's language.
/// </summary>
public static partial class TimelineTexts
{
    /// <summary>An action and the templates its details may follow (tried in order; other details are free text).</summary>
    /// <param name="Action">The action.</param>
    /// <param name="Details">Its details' templates.</param>
    public sealed record Entry(TextTemplate Action, params TextTemplate[] Details);

    static TextTemplate T(string key, string english) => new("Timeline." + key, english);

    /// <summary><c>Drafted</c></summary>
    public static readonly TextTemplate Drafted = T("Drafted", "Drafted");
    /// <summary><c>Submitted for review</c></summary>
    public static readonly TextTemplate Submitted = T("Submitted", "Submitted for review");
    /// <summary><c>Approved</c></summary>
    public static readonly TextTemplate Approved = T("Approved", "Approved");
    /// <summary><c>Transmitted to {targets}</c></summary>
    public static readonly TextTemplate ApprovedDetails = T("Approved.Details", "Transmitted to {targets}");
    /// <summary><c>Returned</c></summary>
    public static readonly TextTemplate Returned = T("Returned", "Returned");
    /// <summary><c>Rejected</c></summary>
    public static readonly TextTemplate Rejected = T("Rejected", "Rejected");
    /// <summary><c>Withdrawn</c></summary>
    public static readonly TextTemplate Withdrawn = T("Withdrawn", "Withdrawn");
    /// <summary><c>JIT proposal accepted by every party; the agreement's signatures follow</c> (rows of the previous release: <see cref="JitAgreedBefore"/>)</summary>
    public static readonly TextTemplate JitAgreed = T("JitAgreed", "JIT proposal accepted by every party; the agreement's signatures follow");
    /// <summary><c>Parties: {targets} and {country}</c></summary>
    public static readonly TextTemplate JitAgreedDetails = T("JitAgreed.Details", "Parties: {targets} and {country}");
    /// <summary><c>Completed</c></summary>
    public static readonly TextTemplate Completed = T("Completed", "Completed");
    /// <summary><c>Every requested country reached a final status</c></summary>
    public static readonly TextTemplate CompletedDetails = T("Completed.Details", "Every requested country reached a final status");

    /// <summary><c>Transmitted</c></summary>
    public static readonly TextTemplate Transmitted = T("Transmitted", "Transmitted");
    /// <summary><c>Acknowledged (registered by the requested authority)</c></summary>
    public static readonly TextTemplate Acknowledged = T("Acknowledged", "Acknowledged (registered by the requested authority)");
    /// <summary><c>Noted by the receiving authority</c></summary>
    public static readonly TextTemplate Noted = T("Noted", "Noted by the receiving authority");
    /// <summary><c>Assigned for recognition</c></summary>
    public static readonly TextTemplate AssignedForRecognition = T("AssignedForRecognition", "Assigned for recognition");
    /// <summary><c>Recognition period extended</c></summary>
    public static readonly TextTemplate RecognitionExtended = T("RecognitionExtended", "Recognition period extended");
    /// <summary><c>{extension}: {reasons}</c></summary>
    public static readonly TextTemplate RecognitionExtendedDetails = T("RecognitionExtended.Details", "{extension}: {reasons}");
    /// <summary><c>Additional information requested</c></summary>
    public static readonly TextTemplate InformationRequested = T("InformationRequested", "Additional information requested");
    /// <summary><c>Postponed</c></summary>
    public static readonly TextTemplate Postponed = T("Postponed", "Postponed");
    /// <summary><c>Until {date}: {reason}</c></summary>
    public static readonly TextTemplate PostponedDetails = T("Postponed.Details", "Until {date}: {reason}");
    /// <summary><c>Additional information provided</c></summary>
    public static readonly TextTemplate InformationProvided = T("InformationProvided", "Additional information provided");
    /// <summary><c>Refused</c></summary>
    public static readonly TextTemplate Refused = T("Refused", "Refused");
    /// <summary><c>Grounds: {grounds}. {reasons}</c></summary>
    public static readonly TextTemplate RefusedDetails = T("Refused.Details", "Grounds: {grounds}. {reasons}");
    /// <summary><c>Accepted for execution</c></summary>
    public static readonly TextTemplate Accepted = T("Accepted", "Accepted for execution");
    /// <summary><c>JIT proposal accepted</c></summary>
    public static readonly TextTemplate JitAccepted = T("JitAccepted", "JIT proposal accepted");
    /// <summary><c>Linked domestic case {reference} opened</c></summary>
    public static readonly TextTemplate DomesticCaseOpened = T("DomesticCaseOpened", "Linked domestic case {reference} opened");
    /// <summary><c>Linked domestic case {reference}</c></summary>
    public static readonly TextTemplate DomesticCaseLinked = T("DomesticCaseLinked", "Linked domestic case {reference}");
    /// <summary><c>Partially executed</c></summary>
    public static readonly TextTemplate PartiallyExecuted = T("PartiallyExecuted", "Partially executed");
    /// <summary><c>Executed</c></summary>
    public static readonly TextTemplate Executed = T("Executed", "Executed");
    /// <summary><c>Evidence transferred</c></summary>
    public static readonly TextTemplate EvidenceTransferred = T("EvidenceTransferred", "Evidence transferred");
    /// <summary><c>Completed (evidence received)</c></summary>
    public static readonly TextTemplate EvidenceReceived = T("EvidenceReceived", "Completed (evidence received)");

    /// <summary><c>Received</c></summary>
    public static readonly TextTemplate Received = T("Received", "Received");
    /// <summary><c>Registered (acknowledged)</c></summary>
    public static readonly TextTemplate Registered = T("Registered", "Registered (acknowledged)");
    /// <summary><c>Assigned</c></summary>
    public static readonly TextTemplate Assigned = T("Assigned", "Assigned");
    /// <summary><c>To {assignee}</c></summary>
    public static readonly TextTemplate AssignedDetails = T("Assigned.Details", "To {assignee}");
    /// <summary><c>Mirror case opened</c></summary>
    public static readonly TextTemplate MirrorCaseOpened = T("MirrorCaseOpened", "Mirror case opened");
    /// <summary><c>Domestic case {reference}</c></summary>
    public static readonly TextTemplate MirrorCaseOpenedDetails = T("MirrorCaseOpened.Details", "Domestic case {reference}");
    /// <summary><c>Noted and closed</c></summary>
    public static readonly TextTemplate NotedAndClosed = T("NotedAndClosed", "Noted and closed");
    /// <summary><c>Additional information received</c></summary>
    public static readonly TextTemplate InformationReceived = T("InformationReceived", "Additional information received");
    /// <summary><c>Evidence transferred (response)</c></summary>
    public static readonly TextTemplate ResponseTransmitted = T("ResponseTransmitted", "Evidence transferred (response)");
    /// <summary><c>Closed (receipt confirmed)</c></summary>
    public static readonly TextTemplate ClosedOnReceipt = T("ClosedOnReceipt", "Closed (receipt confirmed)");
    /// <summary><c>Withdrawn by the requesting country</c></summary>
    public static readonly TextTemplate WithdrawnByRequester = T("WithdrawnByRequester", "Withdrawn by the requesting country");

    /// <summary><c>{kind} clock at {percent} %</c></summary>
    public static readonly TextTemplate ClockReminder = T("ClockReminder", "{kind} clock at {percent} %");
    /// <summary><c>Due {due} ({country} to act)</c></summary>
    public static readonly TextTemplate ClockReminderDetails = T("ClockReminder.Details", "Due {due} ({country} to act)");
    /// <summary><c>{kind} clock overdue: escalated to supervisors</c></summary>
    public static readonly TextTemplate ClockOverdue = T("ClockOverdue", "{kind} clock overdue: escalated to supervisors");
    /// <summary><c>Was due {due} ({country} to act)</c></summary>
    public static readonly TextTemplate ClockOverdueDetails = T("ClockOverdue.Details", "Was due {due} ({country} to act)");
    /// <summary><c>{kind} clock extended</c></summary>
    public static readonly TextTemplate ClockExtended = T("ClockExtended", "{kind} clock extended");
    /// <summary><c>{extension}, now due {due}: {reasons}</c></summary>
    public static readonly TextTemplate ClockExtendedDetails = T("ClockExtended.Details", "{extension}, now due {due}: {reasons}");
    /// <summary><c>{kind} clock extension refused</c></summary>
    public static readonly TextTemplate ClockExtensionRefused = T("ClockExtensionRefused", "{kind} clock extension refused");

    /// <summary><c>Milestone proposed</c></summary>
    public static readonly TextTemplate MilestoneProposed = T("MilestoneProposed", "Milestone proposed");
    /// <summary><c>Milestone confirmed</c></summary>
    public static readonly TextTemplate MilestoneConfirmed = T("MilestoneConfirmed", "Milestone confirmed");
    /// <summary><c>{title} on {date}</c></summary>
    public static readonly TextTemplate MilestoneDetails = T("Milestone.Details", "{title} on {date}");

    /// <summary>Every action with its details' templates.</summary>
    public static IReadOnlyList<Entry> All { get; } =
    [
        new(Drafted), new(Submitted), new(Approved, ApprovedDetails), new(Returned), new(Rejected), new(Withdrawn),
        new(JitAgreed, JitAgreedDetails), new(Completed, CompletedDetails),
        new(Transmitted), new(Acknowledged), new(Noted), new(AssignedForRecognition), new(RecognitionExtended, RecognitionExtendedDetails),
        new(InformationRequested), new(Postponed, PostponedOnGroundsDetails, PostponedDetails), new(InformationProvided), new(Refused, RefusalSignedOffDetails, RefusedDetails),
        new(Accepted, DomesticCaseOpened, DomesticCaseLinked), new(JitAccepted, DomesticCaseOpened, DomesticCaseLinked),
        new(PartiallyExecuted), new(Executed), new(EvidenceTransferred), new(EvidenceReceived),
        new(Received), new(Registered), new(Assigned, AssignedDetails), new(MirrorCaseOpened, MirrorCaseOpenedDetails), new(NotedAndClosed),
        new(InformationReceived), new(ResponseTransmitted), new(ClosedOnReceipt), new(WithdrawnByRequester),
        new(ClockReminder, ClockReminderDetails), new(ClockOverdue, ClockOverdueDetails), new(ClockExtended, ClockExtendedDetails), new(ClockExtensionRefused),
        new(MilestoneProposed, MilestoneDetails), new(MilestoneConfirmed, MilestoneDetails),
        new(RefusalProposed, RefusedDetails), new(RefusalReturned),
        .. MeasureEntries,
        .. StatusEnquiryEntries,
        .. FollowUpEntries,
        .. PostponementEntries,
        .. ConsultationEntries,
        .. SharedMilestoneEntries,
        .. JitEntries,
        .. JitExtensionEntries,
        .. JitAmendmentEntries,
        .. JitPartiesEntries,
        .. ClockSuspensionEntries,
        .. CalendarEntries,
        .. DesiredDateEntries,
        .. ProvisionalEntries,
    ];
}
