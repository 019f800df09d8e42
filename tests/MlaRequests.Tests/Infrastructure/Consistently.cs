namespace MlaRequests.Tests.Infrastructure;

/// <summary>For negative checks: asserts a condition keeps holding for a while (something that must not happen does not).</summary>
public static class Consistently
{
    public static async Task For(TimeSpan duration, Func<Task<bool>> holds, string what)
    {
        var end = DateTime.UtcNow + duration;
        while (DateTime.UtcNow < end)
        {
            if (!await holds())
                throw new Xunit.Sdk.XunitException($"Expected {what} to keep holding for {duration}, but it stopped.");
            await Task.Yield();
            await Task.Delay(TestTimeouts.Poll);
        }
    }
}
