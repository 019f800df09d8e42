using NodaTime;

namespace MlaRequests.Domain.Requests;

/// <summary>A request this node's office sends: searchable header columns plus the content document.</summary>
public sealed class MlaRequest
{
    /// <summary>The request id (also the request workflow's correlation id).</summary>
    public Guid Id { get; set; }

    /// <summary>The node's own reference, e.g. <c>KZ-2026-000114</c>.</summary>
    public required string Reference { get; set; }

    /// <summary>The requesting node's code.</summary>
    public required string RequestingNode { get; set; }

    /// <summary>The prosecutor's office that owns it; prosecutors act on their own office's requests only.</summary>
    public required string OfficeCode { get; set; }

    /// <summary>Who created it.</summary>
    public required string CreatedBy { get; set; }

    /// <summary>When it was created.</summary>
    public Instant CreatedAt { get; set; }

    /// <summary>When its content last changed.</summary>
    public Instant UpdatedAt { get; set; }

    /// <summary>Increases with every edit of the content.</summary>
    public int Revision { get; set; }

    /// <summary>Child-victim priority, fixed when the request leaves draft.</summary>
    public bool ChildVictimPriority { get; set; }

    /// <summary>What the request says; change it through <see cref="SetContent"/>.</summary>
    public RequestContent Content { get; private set; } = new();

    /// <summary>The requested countries, comma-separated with leading and trailing commas (<c>,KG,TJ,</c>), for filtering.</summary>
    public string TargetCountries { get; private set; } = ",";

    /// <summary>Lower-case reference, case reference, offence and facts, for search (no personal data).</summary>
    public string SearchText { get; private set; } = string.Empty;

    /// <summary>Replaces the content and the columns derived from it.</summary>
    public void SetContent(RequestContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Content = content;
        TargetCountries = $",{string.Join(',', content.Targets)},";
        SearchText = string.Join(' ', new[] { Reference, content.CaseReference, content.OffenceQualification, content.Facts }
            .Where(x => !string.IsNullOrWhiteSpace(x))).ToLowerInvariant();
    }
}
