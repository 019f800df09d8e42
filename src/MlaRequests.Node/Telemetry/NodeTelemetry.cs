using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MlaRequests.Node.Telemetry;

/// <summary>
/// The node's own spans and metrics (OpenTelemetry names them by <see cref="Name"/>). Spans and
/// measurements carry node codes, contract names, message ids and states, never request content:
/// no names or details of suspects, victims or witnesses.
/// </summary>
public static class NodeTelemetry
{
    /// <summary>The ActivitySource and Meter name.</summary>
    public const string Name = "MlaRequests.Node";

    /// <summary>The node's spans: cross-border sends and receipts of envelopes.</summary>
    public static readonly ActivitySource Source = new(Name);

    static readonly Meter Meter = new(Name);

    /// <summary>The deadline gauge's name (<see cref="DeadlineGauges"/>).</summary>
    public const string DeadlineClocks = "mla.deadlines.clocks";

    /// <summary>Envelopes handed to the broker, per link (<c>mla.node</c> → <c>mla.peer</c>) and kind.</summary>
    public static readonly Counter<long> MessagesSent =
        Meter.CreateCounter<long>("mla.crossborder.messages.sent", "{message}", "Envelopes handed to the broker for another node (every attempt)");

    /// <summary>Messages whose signed receipt came back, per link.</summary>
    public static readonly Counter<long> MessagesDelivered =
        Meter.CreateCounter<long>("mla.crossborder.messages.delivered", "{message}", "Cross-border messages confirmed by the receiver's signed receipt");

    /// <summary>Send attempts that failed, and messages failed for good (<c>mla.final</c>), per link.</summary>
    public static readonly Counter<long> MessagesFailed =
        Meter.CreateCounter<long>("mla.crossborder.messages.failed", "{message}", "Failed send attempts (mla.final=true: the resend schedule is exhausted)");

    /// <summary>Envelopes received, per link and outcome (applied, duplicate, receipt, quarantined).</summary>
    public static readonly Counter<long> MessagesReceived =
        Meter.CreateCounter<long>("mla.crossborder.messages.received", "{message}", "Envelopes read from this node's inbound queue, by outcome");

    /// <summary>Workflow state changes, per workflow and from/to state.</summary>
    public static readonly Counter<long> Transitions =
        Meter.CreateCounter<long>("mla.workflow.transitions", "{transition}", "Workflow state changes");

    /// <summary>The tags of one link.</summary>
    public static TagList Link(string node, string peer, string kind) =>
        new() { { "mla.node", node }, { "mla.peer", peer }, { "mla.kind", kind } };
}
