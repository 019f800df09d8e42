using System.Collections.Concurrent;
using System.Diagnostics;

namespace MlaRequests.Node.Telemetry;

/// <summary>
/// The trace a cross-border message was queued in, kept until it is delivered: the delivery service
/// sends it later, on its own loop, and resumes that trace so the receiving node's spans join it
/// (MassTransit carries the context to the peer in the message headers). Kept in memory only: a
/// message still queued when the node restarts is sent in a new trace.
/// </summary>
public static class CrossBorderTraces
{
    const int Limit = 20_000;
    static readonly ConcurrentDictionary<Guid, ActivityContext> Contexts = new();

    /// <summary>Remembers the current trace for <paramref name="messageId"/>, if there is one.</summary>
    public static void Remember(Guid messageId)
    {
        if (Activity.Current is not { } current)
            return;
        if (Contexts.Count >= Limit)
            Contexts.Clear();
        Contexts[messageId] = current.Context;
    }

    /// <summary>The trace <paramref name="messageId"/> was queued in, or default (a new trace).</summary>
    public static ActivityContext ParentOf(Guid messageId) => Contexts.GetValueOrDefault(messageId);

    /// <summary>Forgets <paramref name="messageId"/> once it is delivered or failed.</summary>
    public static void Forget(Guid messageId) => Contexts.TryRemove(messageId, out _);
}
