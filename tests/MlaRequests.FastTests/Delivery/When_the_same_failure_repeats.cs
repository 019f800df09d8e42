using Microsoft.Extensions.Options;
using MlaRequests.Node.Delivery;
using NodaTime;
using NodaTime.Testing;
using MlaRequests.Tests.Infrastructure;

namespace MlaRequests.FastTests.Delivery;

/// <summary>A failure that repeats on every delivery is logged once per interval, with how many were not logged.</summary>
public sealed class When_the_same_failure_repeats
{
    [Fact]
    public void It_is_logged_once_per_interval_and_the_next_line_counts_the_rest()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 4, 6, 5, 0));
        var throttle = new LogThrottle(Options.Create(new QuarantineOptions { LogInterval = TimeSpan.FromMinutes(1) }), clock);

        var logged = Enumerable.Range(0, 1000).Count(_ => throttle.ShouldLog("unreadable: bad bytes", out _));
        var other = throttle.ShouldLog("forged", out _);
        clock.Advance(Duration.FromMinutes(1));
        var again = throttle.ShouldLog("unreadable: bad bytes", out var suppressed);

        logged.Should().Be(1);
        other.Should().BeTrue("another failure has its own interval");
        again.Should().BeTrue();
        suppressed.Should().Be(999);
    }
}
