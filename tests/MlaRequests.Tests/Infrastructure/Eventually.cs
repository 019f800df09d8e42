namespace MlaRequests.Tests.Infrastructure;

/// <summary>Waits on a condition with a deadline (no sleeps as synchronisation).</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        T value = await probe();
        while (!done(value))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out after {timeout} waiting for {what}; last value: {value}");
            await Task.Delay(TestTimeouts.Poll);
            value = await probe();
        }
        return value;
    }

    public static Task Until(Func<bool> done, TimeSpan timeout, string what) =>
        Until(() => Task.FromResult(done()), x => x, timeout, what);
}
