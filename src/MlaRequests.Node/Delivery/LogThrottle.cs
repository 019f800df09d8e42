using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NodaTime;

namespace MlaRequests.Node.Delivery;

/// <summary>
/// Logs the same failure once per interval instead of once per delivery: a message that fails on every redelivery (or a
/// flood of one kind of junk) must not fill the disk with one line per attempt. Keyed by the failure, not the message.
/// </summary>
public sealed class LogThrottle(IOptions<QuarantineOptions> options, IClock clock)
{
    readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>
    /// True when <paramref name="failure"/> should be logged now; <paramref name="suppressed"/> is how many times it occurred
    /// since it was last logged and was not.
    /// </summary>
    public bool ShouldLog(string failure, out int suppressed)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var key = failure.Length > 200 ? failure[..200] : failure;
        var now = clock.GetCurrentInstant();
        var interval = Duration.FromTimeSpan(options.Value.LogInterval);
        var logged = false;
        var window = _windows.AddOrUpdate(key, _ => { logged = true; return new Window(now, 0, 0); }, (_, w) =>
        {
            logged = now - w.Since >= interval;
            return logged ? new Window(now, 0, w.Skipped) : w with { Skipped = w.Skipped + 1 };
        });
        suppressed = logged ? window.Previous : 0;
        if (_windows.Count > 10_000)
            _windows.Clear();
        return logged;
    }

    sealed record Window(Instant Since, int Skipped, int Previous);
}
