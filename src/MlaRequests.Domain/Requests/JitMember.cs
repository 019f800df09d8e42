namespace MlaRequests.Domain.Requests;

/// <summary>A member of a joint investigation team, named in the agreement for one party (country).</summary>
public sealed class JitMember
{
    /// <summary>The party the member belongs to (a node code: the requesting country or a requested one).</summary>
    public string? Country { get; set; }

    /// <summary>The member's name.</summary>
    public string? Name { get; set; }

    /// <summary>The member's function (e.g. senior investigator).</summary>
    public string? Function { get; set; }

    /// <summary>The authority the member belongs to (e.g. the Prosecutor General's Office).</summary>
    public string? Authority { get; set; }

    /// <summary>True for the party's team leader (one per party).</summary>
    public bool Leader { get; set; }
}
