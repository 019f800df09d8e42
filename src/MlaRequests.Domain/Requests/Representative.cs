namespace MlaRequests.Domain.Requests;

/// <summary>
/// A person's representative named in the request, with an address the requested authority can use
/// (Chisinau 2002 Art. 7(1)(e); Minsk 1993 Art. 7(1)(e)): a lawyer, or a child's legal representative.
/// </summary>
public sealed class Representative
{
    /// <summary>Defence lawyer, legal representative or other representative.</summary>
    public RepresentativeKind Kind { get; set; }

    /// <summary>The representative's full name.</summary>
    public string? Name { get; set; }

    /// <summary>The address at which the representative can be reached.</summary>
    public string? Address { get; set; }
}

/// <summary>In what capacity a representative acts for a person.</summary>
public enum RepresentativeKind
{
    /// <summary>Defence counsel or a lawyer representing a victim or witness.</summary>
    Lawyer,

    /// <summary>A parent, guardian or other legal representative (e.g. of a child or an incapable person).</summary>
    LegalRepresentative,

    /// <summary>Any other representative (e.g. of a legal person).</summary>
    Other,
}
