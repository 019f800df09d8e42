namespace MlaRequests.Domain.Requests;

/// <summary>
/// The instrument a request relies on towards one requested country (issue 15): a request to KG and UZ may rely on the
/// Chisinau Convention for one and the Minsk Convention for the other. A target without an entry relies on the
/// request-level <see cref="RequestContent.LegalBasis"/>.
/// </summary>
public sealed class TargetBasis
{
    /// <summary>The requested country (a code of <see cref="RequestContent.Targets"/>).</summary>
    public string? Country { get; set; }

    /// <summary>The instrument relied on towards that country.</summary>
    public LegalBasis? LegalBasis { get; set; }

    /// <summary>The bilateral treaty's name, when the basis is a bilateral treaty.</summary>
    public string? TreatyName { get; set; }

    /// <summary>The statement of reciprocity, when there is no treaty.</summary>
    public string? ReciprocityAssurance { get; set; }
}
