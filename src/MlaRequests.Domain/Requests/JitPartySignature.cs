using NodaTime;

namespace MlaRequests.Domain.Requests;

/// <summary>
/// One party's signature of a joint investigation team agreement, as a node knows it, per branch (on the requesting node: the requested
/// country of the branch; on a requested node: the case, with the other requested countries' signatures relayed by the requesting
/// country). A party that left the agreement (declined, refused, withdrawn from) keeps its row with <see cref="LeftAt"/>.
/// </summary>
public sealed class JitPartySignature
{
    /// <summary>The branch (on the requested node: the case, which has the branch's id).</summary>
    public Guid BranchId { get; set; }

    /// <summary>The party (a node code).</summary>
    public required string Party { get; set; }

    /// <summary>Who signed for the party (null while it has not signed).</summary>
    public string? Actor { get; set; }

    /// <summary>When the party signed (null while it has not signed).</summary>
    public Instant? SignedAt { get; set; }

    /// <summary>The node that relayed the signature (the requesting country), null when it reached this node directly.</summary>
    public string? RelayedBy { get; set; }

    /// <summary>When the party left the agreement (null while it is a party).</summary>
    public Instant? LeftAt { get; set; }

    /// <summary>How the party's branch ended when it left (<c>AgreementDeclined</c>, <c>Refused</c>, <c>Withdrawn</c>...).</summary>
    public string? LeftAs { get; set; }
}
