using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using MassTransit;

namespace MlaRequests.FastTests.Infrastructure;

/// <summary>
/// Tells when the bus has finished with one message: after its receive pipeline completed, so the workflow's
/// transaction has committed (or rolled back) and everything it published or sent is out. MassTransit's
/// <c>Consumed</c> list is signalled from inside the saga, before the repository commits.
/// </summary>
sealed class DeliveryObserver : IReceiveObserver
{
    readonly ConcurrentDictionary<Guid, TaskCompletionSource<Exception?>> _waiting = new();
    readonly ConditionalWeakTable<ReceiveContext, StrongBox<(Guid MessageId, Exception? Fault)>> _consumed = [];

    /// <summary>Completes with the consumer's exception (or null) once message <paramref name="messageId"/> was received to the end.</summary>
    public Task<Exception?> Finished(Guid messageId) => Waiting(messageId).Task;

    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType)
        where T : class => Note(context, null);

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
        where T : class => Note(context, exception);

    public Task PostReceive(ReceiveContext context) => Complete(context, null);

    public Task ReceiveFault(ReceiveContext context, Exception exception) => Complete(context, exception);

    Task Note(ConsumeContext context, Exception? fault)
    {
        if (context.MessageId is { } id)
            _consumed.AddOrUpdate(context.ReceiveContext, new((id, fault)));
        return Task.CompletedTask;
    }

    Task Complete(ReceiveContext context, Exception? fault)
    {
        if (_consumed.TryGetValue(context, out var consumed))
            Waiting(consumed.Value.MessageId).TrySetResult(consumed.Value.Fault ?? fault);
        else if (context.GetMessageId() is { } id)
            Waiting(id).TrySetResult(fault);
        return Task.CompletedTask;
    }

    TaskCompletionSource<Exception?> Waiting(Guid messageId) =>
        _waiting.GetOrAdd(messageId, _ => new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously));
}
