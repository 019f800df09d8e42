using MlaRequests.Domain.Timeline;

namespace MlaRequests.Workflows.Shared;

/// <summary>The timeline texts of a consultation before refusal or postponement and of an acceptance under conditions (UNTOC Art. 18(26)).</summary>
public static partial class TimelineTexts
{
    /// <summary><c>Consultation opened</c> (on the requested node)</summary>
    public static TextTemplate ConsultationOpened => Consultations.Opened;
    /// <summary><c>Consultation received</c> (on the requesting node)</summary>
    public static TextTemplate ConsultationReceived => Consultations.Received;
    /// <summary><c>Consultation answered: accepted</c></summary>
    public static TextTemplate ConsultationAccepted => Consultations.Accepted;
    /// <summary><c>Consultation answered: information supplied</c></summary>
    public static TextTemplate ConsultationSupplied => Consultations.Supplied;
    /// <summary><c>{purpose} ({terms}). Reasons: {reasons}</c></summary>
    public static TextTemplate ConsultationDetails => Consultations.Details;
    /// <summary><c>Accepted under conditions</c></summary>
    public static TextTemplate AcceptedUnderConditions => Consultations.AcceptedUnderConditions;
    /// <summary><c>Conditions: {conditions}</c></summary>
    public static TextTemplate ConditionsDetails => Consultations.ConditionsDetails;

    static IEnumerable<Entry> ConsultationEntries =>
    [
        new(ConsultationOpened, ConsultationDetails), new(ConsultationReceived, ConsultationDetails), new(ConsultationAccepted), new(ConsultationSupplied),
        new(AcceptedUnderConditions, ConditionsDetails),
    ];

    /// <summary>The templates, in a class of their own (see <c>TimelineTexts.StatusEnquiries.cs</c> for why).</summary>
    static class Consultations
    {
        public static readonly TextTemplate Opened = new("Timeline.ConsultationOpened", "Consultation opened before a decision (UNTOC Art. 18(26))");
        public static readonly TextTemplate Received = new("Timeline.ConsultationReceived", "Consultation received: the requested country asks for an answer (UNTOC Art. 18(26))");
        public static readonly TextTemplate Accepted = new("Timeline.ConsultationAccepted", "Consultation answered: what was proposed is accepted");
        public static readonly TextTemplate Supplied = new("Timeline.ConsultationSupplied", "Consultation answered: information supplied");
        public static readonly TextTemplate Details = new("Timeline.ConsultationDetails", "{purpose} ({terms}). Reasons: {reasons}");
        public static readonly TextTemplate AcceptedUnderConditions = new("Timeline.AcceptedUnderConditions", "Accepted under conditions; execution started");
        public static readonly TextTemplate ConditionsDetails = new("Timeline.ConditionsDetails", "Conditions: {conditions}");
    }
}
