using NodaTime;

namespace MlaRequests.Domain.Cases;

/// <summary>A shared milestone of linked cases (parallel or mirror investigations), confirmed by each side.</summary>
public sealed class Milestone
{
    /// <summary>The milestone id, the same on both nodes.</summary>
    public Guid Id { get; set; }

    /// <summary>The branch linking the two cases.</summary>
    public Guid BranchId { get; set; }

    /// <summary>What it is (e.g. common action day).</summary>
    public required string Title { get; set; }

    /// <summary>The agreed date.</summary>
    public LocalDate Date { get; set; }

    /// <summary>The node that proposed it.</summary>
    public required string ProposedBy { get; set; }

    /// <summary>When the requesting side confirmed it.</summary>
    public Instant? ConfirmedByRequestingAt { get; set; }

    /// <summary>When the requested side confirmed it.</summary>
    public Instant? ConfirmedByRequestedAt { get; set; }
}
