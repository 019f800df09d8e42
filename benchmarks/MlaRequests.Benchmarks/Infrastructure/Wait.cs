using System.Diagnostics;

namespace MlaRequests.Benchmarks.Infrastructure;

/// <summary>Polls a count until it reaches a target, recording when it first moved and when it arrived.</summary>
static class Wait
{
    public sealed record Progress(TimeSpan FirstMoved, long CountAtFirstMove, TimeSpan Reached)
    {
        /// <summary>Per second from the first poll that saw progress to the last; the whole span if it all came between two polls.</summary>
        public double Rate(long target) => Reached > FirstMoved && target > CountAtFirstMove
            ? (target - CountAtFirstMove) / (Reached - FirstMoved).TotalSeconds
            : target / Reached.TotalSeconds;
    }

    /// <summary>Times are measured from <paramref name="clock"/>'s start.</summary>
    public static async Task<Progress> ForCountAsync(Func<Task<long>> count, long target, Stopwatch clock, TimeSpan timeout, string what)
    {
        TimeSpan? first = null;
        long atFirst = 0;
        while (true)
        {
            var now = clock.Elapsed;
            var value = await count();
            if (first is null && value > 0)
                (first, atFirst) = (now, value);
            if (value >= target)
                return new Progress(first!.Value, atFirst, clock.Elapsed);
            if (now > timeout)
                throw new TimeoutException($"{what}: {value} of {target} after {timeout}");
            await Task.Delay(20);
        }
    }
}
