using NodaTime;

namespace MlaRequests.Node.Hosting;

/// <summary>
/// A clock for demonstrations (<c>Demo:ClockSpeed</c>): time runs <see cref="Speed"/> times faster from
/// the moment the node starts, so a 7-day acknowledgement clock reminds and escalates within minutes.
/// Never used unless configured.
/// </summary>
public sealed class AcceleratedClock(IClock real, double speed) : IClock
{
    readonly Instant _origin = real.GetCurrentInstant();

    /// <summary>How many times faster than real time.</summary>
    public double Speed { get; } = speed > 0 ? speed : throw new ArgumentOutOfRangeException(nameof(speed), "Demo:ClockSpeed must be positive.");

    /// <inheritdoc />
    public Instant GetCurrentInstant() => _origin + (real.GetCurrentInstant() - _origin) * Speed;
}
