namespace MlaRequests.Node.Messaging;

/// <summary>
/// Status enquiries the node sends by itself (section <c>StatusEnquiries</c>). Off by default: an office turns it on by being
/// listed. When a clock the requested country must meet escalates on one of that office's branches, the node sends one status
/// enquiry for that clock (UNTOC Art. 18(24)), never a second one for the same clock, even when the clock escalates again after an
/// extension.
/// </summary>
public sealed class StatusEnquiryOptions
{
    /// <summary>The office codes (e.g. <c>KZ-ALM</c>) whose branches get an automatic enquiry when a foreign clock escalates; empty: none.</summary>
    public List<string> AutomaticForOffices { get; set; } = [];
}
