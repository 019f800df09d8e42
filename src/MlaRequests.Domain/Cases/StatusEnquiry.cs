using NodaTime;

namespace MlaRequests.Domain.Cases;

/// <summary>
/// A status enquiry about one branch (UNTOC Art. 18(24)): asked by the requesting side, answered once by the requested side.
/// Both nodes keep the same enquiry under the same id: the requesting node under its branch, the requested node under its case
/// (which has the branch's id).
/// </summary>
public sealed class StatusEnquiry
{
    /// <summary>The enquiry, the same on both nodes.</summary>
    public Guid Id { get; set; }

    /// <summary>The branch (on the requested node: the case).</summary>
    public Guid BranchId { get; set; }

    /// <summary>What is asked and why.</summary>
    public required string Question { get; set; }

    /// <summary>True when the requesting node sent it itself because a clock escalated.</summary>
    public bool Automatic { get; set; }

    /// <summary>Who asked, with the requesting node when it is not this one.</summary>
    public required string AskedBy { get; set; }

    /// <summary>When it was asked.</summary>
    public Instant AskedAt { get; set; }

    /// <summary>The answer, once given.</summary>
    public string? Answer { get; set; }

    /// <summary>Who answered, with the requested node when it is not this one.</summary>
    public string? AnsweredBy { get; set; }

    /// <summary>When it was answered.</summary>
    public Instant? AnsweredAt { get; set; }

    /// <summary>True once answered.</summary>
    public bool IsAnswered => AnsweredAt is not null;
}
