using System.Diagnostics;

namespace MlaRequests.Engine.Outbox;

/// <summary>
/// Keeps a trace unbroken across the outbox: a row written inside a traced operation (an API request) carries
/// its <c>traceparent</c> header, and the dispatcher sends the row inside a span of that trace, so MassTransit's
/// send and the consumer's spans continue it instead of starting a new trace.
/// </summary>
public static class OutboxTracing
{
    /// <summary>The ActivitySource of the dispatch spans.</summary>
    public const string SourceName = "MlaRequests.Engine";

    static readonly ActivitySource Source = new(SourceName);

    /// <summary>A producer span for sending <paramref name="row"/>, child of the trace it was written in (or null when nobody listens).</summary>
    public static Activity? Resume(OutboxMessage row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Headers is null || !row.Headers.Contains("traceparent", StringComparison.Ordinal) || !Source.HasListeners())
            return null;
        var parent = MessageJson.DeserializeHeaders(row.Headers).FirstOrDefault(h => h.Key == "traceparent").Value as string;
        if (parent is null || !ActivityContext.TryParse(parent, null, out var context))
            return null;
        return Source.StartActivity($"outbox {row.MessageType.Split(',')[0].Split('.')[^1]}", ActivityKind.Producer, context)
            ?.SetTag("messaging.message.id", row.MessageId);
    }
}
