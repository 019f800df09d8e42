using NodaTime;

namespace MlaRequests.Node.Features.Calendars;

/// <summary>A calendar year an administrator loaded on this node (issue 15): it replaces the shipped year of that country until removed.</summary>
public sealed class LoadedCalendarRow
{
    /// <summary>The country code (KZ, KG, TJ, TM, UZ).</summary>
    public required string Country { get; set; }

    /// <summary>The year.</summary>
    public int Year { get; set; }

    /// <summary>The file exactly as loaded (the calendar format with this one year).</summary>
    public required string Json { get; set; }

    /// <summary>SHA-256 of <see cref="Json"/> (UTF-8), lower-case hex.</summary>
    public required string Sha256 { get; set; }

    /// <summary>The administrator who loaded it.</summary>
    public required string LoadedBy { get; set; }

    /// <summary>When.</summary>
    public Instant LoadedAt { get; set; }

    /// <summary>Why, or where the corrected data comes from (the administrator's note), if given.</summary>
    public string? Note { get; set; }
}
