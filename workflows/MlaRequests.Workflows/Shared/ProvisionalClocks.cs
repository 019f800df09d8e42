using System.Globalization;

namespace MlaRequests.Workflows.Shared;

/// <summary>
/// The per-measure provisional clocks of an incoming case or a branch (issue 15): clock <c>ClockIds.For(owner, ProvisionalMeasures, n)</c>
/// runs for provisional measure <c>n</c> (its 1-based position in the content) until that measure is ordered or refused. The workflow
/// keeps the positions whose clocks still run as text (<c>"1,3"</c>); null on instances of the previous release, whose single clock
/// (<c>ProvisionalClockId</c>, round 0) keeps stopping at acceptance.
/// </summary>
public static class ProvisionalClocks
{
    /// <summary>The contract version that carries provisional-measure decisions (<c>ProvisionalMeasureDecided</c>).</summary>
    public const int SinceVersion = 4;

    /// <summary>The positions in <paramref name="running"/>.</summary>
    public static IReadOnlyList<int> Parse(string? running) =>
        string.IsNullOrEmpty(running) ? [] : running.Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();

    /// <summary>The stored text of <paramref name="positions"/> (null when none runs).</summary>
    public static string? Format(IEnumerable<int> positions) =>
        positions.ToList() is { Count: > 0 } list ? string.Join(',', list.Select(p => p.ToString(CultureInfo.InvariantCulture))) : null;

    /// <summary><paramref name="running"/> without <paramref name="position"/>.</summary>
    public static string? Without(string? running, int position) => Format(Parse(running).Where(p => p != position));

    /// <summary>The measure a provisional clock <paramref name="clockId"/> of <paramref name="owner"/> belongs to (1 to <paramref name="measures"/>), or null.</summary>
    public static int? MeasureOf(Guid owner, Guid clockId, int measures) =>
        Enumerable.Range(1, Math.Max(0, measures)).Cast<int?>()
            .FirstOrDefault(n => ClockIds.For(owner, Domain.Deadlines.ClockKind.ProvisionalMeasures, n!.Value) == clockId);
}
