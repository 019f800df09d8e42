using MassTransit;
using NodaTime;

namespace MlaRequests.Engine.Outbox;

/// <summary>Settings of the outbox dispatcher (section <c>Outbox</c>).</summary>
public sealed class OutboxOptions
{
    /// <summary>How often the dispatcher looks for due rows when nothing wakes it (scheduled messages, retries).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Rows sent per round.</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>Time allowed for one delivery attempt to the broker.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between two attempts at a row the broker refused.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Applied to every message the dispatcher sends to an address (not to publishes): the host sets transport
    /// options here, e.g. RabbitMQ's mandatory flag so an unroutable message fails and stays in the outbox.
    /// </summary>
    public Action<SendContext>? ConfigureSend { get; set; }

    /// <summary>
    /// Awaited once before the first dispatch round: the host holds publishing here until the broker can route what
    /// is published (the node's consume bindings are declared). Rows wait in the database meanwhile.
    /// </summary>
    public Func<CancellationToken, Task>? StartGate { get; set; }

    /// <summary>
    /// Asked before every dispatch round: whether the broker can take messages now (the host answers from its bus's
    /// health). While it cannot, no row is attempted, so an outage costs the rows no attempts and no growing delays;
    /// when it can again, every row waiting for a retry is tried at once. Null: always available.
    /// </summary>
    public Func<bool>? TransportAvailable { get; set; }

    /// <summary>How long inbox rows are kept to recognise redelivered duplicates.</summary>
    public Duration InboxRetention { get; set; } = Duration.FromDays(30);
}
