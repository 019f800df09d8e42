using MlaRequests.Domain;
using MlaRequests.Domain.Deadlines;

namespace MlaRequests.Workflows.Shared;

/// <summary>Clock ids derived from their owner and kind (and the round, for clocks that can start more than once).</summary>
public static class ClockIds
{
    /// <summary>The id of the <paramref name="round"/>-th <paramref name="kind"/> clock of <paramref name="owner"/>.</summary>
    public static Guid For(Guid owner, ClockKind kind, int round = 0) => DeterministicGuid.Create("clock", owner, kind, round);

    /// <summary>
    /// The id of the <paramref name="kind"/> clock of <paramref name="owner"/> restarted at <paramref name="at"/> (a resumption):
    /// a new clock, never the one the postponement cancelled, and the same one when the same step is delivered twice.
    /// </summary>
    public static Guid Restarted(Guid owner, ClockKind kind, NodaTime.Instant at) => DeterministicGuid.Create("clock-restarted", owner, kind, at.ToUnixTimeTicks());
}
