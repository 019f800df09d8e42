namespace MlaRequests.Domain.Requests;

/// <summary>How a request follows an earlier one to the same country.</summary>
public enum FollowUpKind
{
    /// <summary>A supplementary request: new measures or persons in the same case (DOMAIN: supplementary request).</summary>
    Supplementary,

    /// <summary>A new request after the requested country refused the earlier one.</summary>
    AfterRefusal,
}

/// <summary>
/// The earlier request a request follows, to one requested country. It travels with the content, so the requested node links
/// the new incoming case to its case of the earlier request (which has the earlier branch's id). Set by the node when the
/// prosecutor starts the follow-up from the earlier branch, never by the content a client sends.
/// </summary>
public sealed class FollowUp
{
    /// <summary>Supplementary, or after a refusal.</summary>
    public FollowUpKind Kind { get; set; }

    /// <summary>The earlier request on the requesting node.</summary>
    public Guid EarlierRequestId { get; set; }

    /// <summary>The earlier request's branch to this country (the requested node's case of it has this id).</summary>
    public Guid EarlierBranchId { get; set; }

    /// <summary>The earlier request's reference.</summary>
    public string EarlierReference { get; set; } = string.Empty;
}
