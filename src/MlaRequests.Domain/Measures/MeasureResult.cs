using NodaTime;

namespace MlaRequests.Domain.Measures;

/// <summary>
/// One requested measure's result. On the receiving node the row belongs to the incoming case, on the requesting node to
/// the branch: both have the same id, and <see cref="Measure"/> is the measure's 1-based position in the content the
/// request was transmitted with, which neither side ever reorders, so both nodes name the same measure.
/// </summary>
public sealed class MeasureResult
{
    /// <summary>The incoming case (receiving node) or branch (requesting node); the same id on both nodes.</summary>
    public Guid CaseId { get; set; }

    /// <summary>The measure's 1-based position in the transmitted content.</summary>
    public int Measure { get; set; }

    /// <summary>Its status as last reported (a proposed refusal does not change it until signed off).</summary>
    public MeasureStatus Status { get; set; }

    /// <summary>What was done, or why it could not be.</summary>
    public string? Summary { get; set; }

    /// <summary>Refusal ground codes, comma-separated, when refused.</summary>
    public string? Grounds { get; set; }

    /// <summary>Reasons of a refusal or of an impossibility.</summary>
    public string? Reasons { get; set; }

    /// <summary>Who recorded (or signed off) the status.</summary>
    public string? RecordedBy { get; set; }

    /// <summary>When.</summary>
    public Instant? RecordedAt { get; set; }

    /// <summary>Receiving node only: the coded grounds of a refusal proposed and not yet signed off.</summary>
    public string? ProposedGrounds { get; set; }

    /// <summary>Receiving node only: the reasons of that proposal.</summary>
    public string? ProposedReasons { get; set; }

    /// <summary>Receiving node only: who proposed it (who may not sign it off).</summary>
    public string? ProposedBy { get; set; }

    /// <summary>Receiving node only: when.</summary>
    public Instant? ProposedAt { get; set; }

    /// <summary>A provisional measure's decision (issue 15): Ordered or Refused; null while undecided or for any other measure.</summary>
    public string? ProvisionalOutcome { get; set; }

    /// <summary>When the competent authority ordered or refused the provisional measure.</summary>
    public Instant? ProvisionalDecidedAt { get; set; }

    /// <summary>Which authority ordered or refused it (a court, a prosecutor).</summary>
    public string? ProvisionalAuthority { get; set; }

    /// <summary>Refusal ground codes of a refused provisional measure, comma-separated (optional).</summary>
    public string? ProvisionalGrounds { get; set; }

    /// <summary>Reasons of the decision (required for a refusal).</summary>
    public string? ProvisionalReasons { get; set; }

    /// <summary>Who recorded the decision (on the requesting node: <c>actor (country)</c>).</summary>
    public string? ProvisionalRecordedBy { get; set; }

    /// <summary>When the decision was recorded.</summary>
    public Instant? ProvisionalRecordedAt { get; set; }

    /// <summary>True when a provisional measure's decision is recorded.</summary>
    public bool ProvisionalDecided => ProvisionalOutcome is not null;

    /// <summary>True when a refusal waits for a supervisor's sign-off.</summary>
    public bool RefusalProposed => ProposedBy is not null;
}
