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

    /// <summary>True for a milestone shared by every participating branch of a request (false: a milestone of one branch, as before).</summary>
    public bool Shared { get; set; }

    /// <summary>On the requesting node, the request a shared milestone belongs to; null elsewhere.</summary>
    public Guid? RequestId { get; set; }

    /// <summary>The participating requested countries of a shared milestone, comma-separated ("" for a milestone of one branch).</summary>
    public string Participants { get; set; } = string.Empty;

    /// <summary>Scheduled, Done or Cancelled (<see cref="MilestoneStatus"/>); rows written before shared milestones are Scheduled.</summary>
    public string Status { get; set; } = nameof(MilestoneStatus.Scheduled);

    /// <summary>The reason of the last reschedule or the cancellation.</summary>
    public string? Reason { get; set; }

    /// <summary>The participating countries as a list.</summary>
    public IReadOnlyList<string> ParticipantList() => Participants.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>One participating country's confirmation of its readiness for a shared milestone.</summary>
public sealed class MilestoneConfirmation
{
    /// <summary>The milestone.</summary>
    public Guid MilestoneId { get; set; }

    /// <summary>The confirming country.</summary>
    public required string Country { get; set; }

    /// <summary>Who confirmed.</summary>
    public required string Actor { get; set; }

    /// <summary>When.</summary>
    public Instant At { get; set; }
}
