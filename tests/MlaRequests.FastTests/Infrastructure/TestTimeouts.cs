namespace MlaRequests.FastTests.Infrastructure;

/// <summary>How long the fast tier waits for anything: one place, so a slow machine means one change.</summary>
public static class TestTimeouts
{
    /// <summary>Longest wait for one message to be consumed by a workflow on the in-memory harness.</summary>
    public static readonly TimeSpan Consume = TimeSpan.FromSeconds(10);

    /// <summary>How long one harness may live (a test class's worth of transitions).</summary>
    public static readonly TimeSpan Harness = TimeSpan.FromMinutes(5);
}
