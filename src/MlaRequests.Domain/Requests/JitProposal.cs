using NodaTime;

namespace MlaRequests.Domain.Requests;

/// <summary>The terms of a proposed joint investigation team; the parties are the request's targets plus the requesting state.</summary>
public sealed class JitProposal
{
    /// <summary>The team's purpose.</summary>
    public string? Purpose { get; set; }

    /// <summary>First day of the team's period.</summary>
    public LocalDate? StartsOn { get; set; }

    /// <summary>Last day of the team's period.</summary>
    public LocalDate? EndsOn { get; set; }
}
