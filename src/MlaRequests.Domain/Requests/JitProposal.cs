using NodaTime;

namespace MlaRequests.Domain.Requests;

/// <summary>The terms of a proposed joint investigation team (the agreement the parties sign); the parties are the request's targets plus the requesting state.</summary>
public sealed class JitProposal
{
    /// <summary>The team's purpose.</summary>
    public string? Purpose { get; set; }

    /// <summary>First day of the team's period.</summary>
    public LocalDate? StartsOn { get; set; }

    /// <summary>Last day of the team's period.</summary>
    public LocalDate? EndsOn { get; set; }

    /// <summary>The team's leaders and members, per party; each party has one leader.</summary>
    public List<JitMember>? Members { get; set; }

    /// <summary>The operational arrangements (free text: evidence sharing, languages, costs, communication).</summary>
    public string? Arrangements { get; set; }
}
