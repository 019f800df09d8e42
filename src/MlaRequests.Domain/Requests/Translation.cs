using NodaTime;

namespace MlaRequests.Domain.Requests;

/// <summary>A translation of the request, with the translator's certification.</summary>
public sealed class Translation
{
    /// <summary>Language (ISO 639-1, e.g. ru, ky, uz).</summary>
    public string? Language { get; set; }

    /// <summary>Who translated it.</summary>
    public string? Translator { get; set; }

    /// <summary>When the translator certified it.</summary>
    public LocalDate? CertifiedOn { get; set; }

    /// <summary>The requested country (node code) this translation is for; null: for every requested country.</summary>
    public string? Country { get; set; }
}
