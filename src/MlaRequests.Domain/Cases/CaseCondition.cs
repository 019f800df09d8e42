namespace MlaRequests.Domain.Cases;

/// <summary>
/// A condition of a case (UNTOC Art. 18(26)), kept on both nodes: proposed in a consultation (<see cref="ConsultationId"/> set) or one
/// under which the requested side accepted the request (<see cref="ConsultationId"/> null), which binds the requesting side.
/// </summary>
public sealed class CaseCondition
{
    /// <summary>The row.</summary>
    public Guid Id { get; set; }

    /// <summary>The branch (on the requested node: the case).</summary>
    public Guid BranchId { get; set; }

    /// <summary>The consultation that proposed it, or null for a condition of the acceptance.</summary>
    public Guid? ConsultationId { get; set; }

    /// <summary>Its 1-based position in the list it came with.</summary>
    public int Position { get; set; }

    /// <summary>One of <see cref="ConsultationCodes.ConditionKinds"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>Its wording.</summary>
    public required string Text { get; set; }
}
