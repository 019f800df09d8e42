using NodaTime;

namespace MlaRequests.Node.Audit;

/// <summary>
/// One row of the append-only audit log: who did what, when, from where. Each row holds the
/// previous row's hash and its own, so changing or removing any row breaks the chain after it.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Position in the chain: 1, 2, 3, … with no gaps.</summary>
    public long Sequence { get; set; }

    /// <summary>When.</summary>
    public Instant At { get; set; }

    /// <summary>Who (user name, or the name tried for a failed sign-in).</summary>
    public required string Actor { get; set; }

    /// <summary>From where: the caller's IP address.</summary>
    public required string Address { get; set; }

    /// <summary>What: the command (e.g. <c>POST /api/requests/{id}/approve</c>) or the sign-in.</summary>
    public required string Action { get; set; }

    /// <summary>What it was done to (a request or case location), if anything.</summary>
    public string? Subject { get; set; }

    /// <summary>The outcome (HTTP status for commands; <c>succeeded</c>/<c>failed</c> for sign-ins).</summary>
    public required string Outcome { get; set; }

    /// <summary>The previous row's hash (64 zeros for the first row).</summary>
    public required string PreviousHash { get; set; }

    /// <summary>SHA-256 over this row's fields and <see cref="PreviousHash"/>.</summary>
    public required string Hash { get; set; }
}
