using NodaTime;

namespace MlaRequests.Domain.Calendars;

/// <summary>A country's rule for a holiday that falls on a weekend day, with the act it comes from.</summary>
/// <param name="Transfer">Whether the day off moves.</param>
/// <param name="OnDays">The weekend days on which a holiday moves (Turkmenistan: Sunday only).</param>
/// <param name="ExceptKinds">Holiday kinds that never move (Kazakhstan: religious holidays).</param>
/// <param name="Source">The act and article the rule comes from.</param>
public sealed record HolidayOnWeekendRule(
    HolidayTransfer Transfer,
    IReadOnlySet<IsoDayOfWeek> OnDays,
    IReadOnlySet<HolidayKind> ExceptKinds,
    string Source)
{
    /// <summary>True when a holiday of <paramref name="kind"/> on <paramref name="day"/> moves to the next working day.</summary>
    public bool Moves(HolidayKind kind, IsoDayOfWeek day) =>
        Transfer == HolidayTransfer.NextWorkingDay && OnDays.Contains(day) && !ExceptKinds.Contains(kind);
}
