namespace MlaRequests.Domain.Calendars;

/// <summary>Whether a holiday's date is fixed by a published act or only expected.</summary>
public enum DateStatus
{
    /// <summary>Fixed by a published law, decree or the competent religious authority's announcement.</summary>
    Official,

    /// <summary>The expected date (for Islamic holidays: the astronomical date); the fixing act is not yet published or was not reviewed.</summary>
    Expected,
}
