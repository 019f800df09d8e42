using System.Collections.Concurrent;
using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Tests.Infrastructure;

namespace MlaRequests.Tests.Api;

/// <summary>
/// Stands in for another country's node: listens on its inbound queue (only what is sent there,
/// not what is published on this node's bus) and keeps every cross-border message that arrives.
/// </summary>
public sealed class SentToCountry
{
    readonly ConcurrentQueue<object> _received = new();

    public IReadOnlyList<object> All => [.. _received];

    public static async Task<SentToCountry> ListenAsync(NodeFactory node, string country)
    {
        var listener = new SentToCountry();
        var handle = node.Bus.ConnectReceiveEndpoint($"{country.ToLowerInvariant()}-inbound", e =>
        {
            e.ConfigureConsumeTopology = false;
            listener.Keep<RequestTransmitted>(e);
            listener.Keep<RequestWithdrawn>(e);
            listener.Keep<AdditionalInformationProvided>(e);
            listener.Keep<EvidenceReceiptConfirmed>(e);
            listener.Keep<IncomingRequestRegistered>(e);
            listener.Keep<IncomingRequestAssigned>(e);
            listener.Keep<RecognitionPeriodExtended>(e);
            listener.Keep<AdditionalInformationRequested>(e);
            listener.Keep<IncomingRequestAccepted>(e);
            listener.Keep<IncomingRequestRefused>(e);
            listener.Keep<IncomingRequestPostponed>(e);
            listener.Keep<ExecutionRecorded>(e);
            listener.Keep<EvidenceTransferred>(e);
            listener.Keep<SpontaneousInformationNoted>(e);
        });
        await handle.Ready;
        return listener;
    }

    /// <summary>The messages about <paramref name="branchId"/> (the branch or incoming-case id).</summary>
    public IReadOnlyList<object> About(Guid branchId) => All.Where(m => BranchOf(m) == branchId).ToList();

    /// <summary>Waits for a <typeparamref name="T"/> about <paramref name="branchId"/>.</summary>
    public async Task<T> Receives<T>(Guid branchId, Func<T, bool>? matches = null)
        where T : class
    {
        await Eventually.Until(() => All.OfType<T>().Any(m => BranchOf(m) == branchId && (matches?.Invoke(m) ?? true)), TimeSpan.FromSeconds(20),
            $"a {typeof(T).Name} about {branchId}");
        return All.OfType<T>().First(m => BranchOf(m) == branchId && (matches?.Invoke(m) ?? true));
    }

    void Keep<T>(IReceiveEndpointConfigurator endpoint)
        where T : class => endpoint.Handler<T>(context =>
        {
            _received.Enqueue(context.Message);
            return Task.CompletedTask;
        });

    static Guid? BranchOf(object message) => message.GetType().GetProperty("BranchId")?.GetValue(message) as Guid?;
}
