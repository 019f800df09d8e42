using MlaRequests.Domain.Timeline;

namespace MlaRequests.Workflows.Shared;

/// <summary>The timeline texts of status enquiries (UNTOC Art. 18(24)), on both sides.</summary>
public static partial class TimelineTexts
{
    /// <summary><c>Status enquiry sent</c></summary>
    public static TextTemplate EnquirySent => Enquiries.Sent;
    /// <summary><c>Status enquiry sent automatically (a clock escalated)</c></summary>
    public static TextTemplate EnquirySentAutomatically => Enquiries.SentAutomatically;
    /// <summary><c>Status enquiry received</c></summary>
    public static TextTemplate EnquiryReceived => Enquiries.Received;
    /// <summary><c>Status enquiry answered</c></summary>
    public static TextTemplate EnquiryAnswered => Enquiries.Answered;
    /// <summary>The question of an automatic enquiry: <c>The {kind} clock ({country} to act) was due {due} and has passed. …</c></summary>
    public static TextTemplate AutomaticEnquiryQuestion => Enquiries.AutomaticQuestion;

    static IEnumerable<Entry> StatusEnquiryEntries =>
        [new(EnquirySent), new(EnquirySentAutomatically, AutomaticEnquiryQuestion), new(EnquiryReceived, AutomaticEnquiryQuestion), new(EnquiryAnswered)];

    /// <summary>
    /// The templates themselves, in a class of their own: the order in which the static fields of a partial class's files are
    /// initialised is not defined, and <see cref="All"/> must never read one before it is set.
    /// </summary>
    static class Enquiries
    {
        public static readonly TextTemplate Sent = new("Timeline.EnquirySent", "Status enquiry sent");
        public static readonly TextTemplate SentAutomatically = new("Timeline.EnquirySentAutomatically", "Status enquiry sent automatically (a clock escalated)");
        public static readonly TextTemplate Received = new("Timeline.EnquiryReceived", "Status enquiry received");
        public static readonly TextTemplate Answered = new("Timeline.EnquiryAnswered", "Status enquiry answered");
        public static readonly TextTemplate AutomaticQuestion = new("Timeline.AutomaticEnquiryQuestion",
            "The {kind} clock ({country} to act) was due {due} and has passed. Please tell us the status and progress of this request (UNTOC Art. 18(24)).");
    }
}
