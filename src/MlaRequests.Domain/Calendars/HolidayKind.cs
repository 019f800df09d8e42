namespace MlaRequests.Domain.Calendars;

/// <summary>What sort of holiday a calendar entry is; some labour codes treat religious holidays differently when they fall on a weekend.</summary>
public enum HolidayKind
{
    /// <summary>A national or state holiday set by law.</summary>
    State,

    /// <summary>A religious holiday (Orthodox Christmas, Oraza/Ramazon ait, Kurban/Qurbon ait).</summary>
    Religious,
}
