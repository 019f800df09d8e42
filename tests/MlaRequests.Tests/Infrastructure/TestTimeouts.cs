namespace MlaRequests.Tests.Infrastructure;

/// <summary>
/// How long the shared helpers wait, in one place: a slower machine means one change here. A test's own waits that
/// model something (a broker outage of a given length, a link that stays dark, a requirement such as "ready within 30 s")
/// stay next to what they model.
/// </summary>
public static class TestTimeouts
{
    /// <summary>A workflow step to land on one node (a state reached, a message received, the node drained).</summary>
    public static readonly TimeSpan Workflow = TimeSpan.FromSeconds(20);

    /// <summary>A message to cross between node processes through the broker and take effect there (a receipt back, a status
    /// reported to the requesting node).</summary>
    public static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);

    /// <summary>Hundreds of messages to arrive after a fault (a killed process, a broker outage, a slow link) is over.</summary>
    public static readonly TimeSpan Bulk = TimeSpan.FromSeconds(120);

    /// <summary>A command-line tool to finish: the OpenAPI linter (npx may fetch it first), the walkthrough script.</summary>
    public static readonly TimeSpan Tool = TimeSpan.FromMinutes(5);

    /// <summary>How long a test watches that nothing more happens (a message not applied twice, a clock not escalated again).</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);

    /// <summary>A node or a bus to start and report ready.</summary>
    public static readonly TimeSpan Start = TimeSpan.FromSeconds(60);

    /// <summary>A message to be handed to the broker.</summary>
    public static readonly TimeSpan Send = TimeSpan.FromSeconds(30);

    /// <summary>How long a message handed to a node's in-memory bus may wait for its first receive before a drain takes it
    /// for one nobody subscribes to (in-memory delivery starts within a millisecond when a receiver exists).</summary>
    public static readonly TimeSpan Unrouted = TimeSpan.FromMilliseconds(300);

    /// <summary>How long a receive may run before a drain takes it for one the endpoint's retry holds (a consume takes
    /// milliseconds; the retry waits 1 s, 5 s, 15 s, 30 s between attempts).</summary>
    public static readonly TimeSpan Held = TimeSpan.FromSeconds(1);

    /// <summary>How often a wait looks again.</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);
}
