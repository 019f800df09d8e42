namespace MlaRequests.Engine.Outbox;

/// <summary>Wakes the <see cref="OutboxDispatcher"/> as soon as a transaction with outbox rows commits.</summary>
public sealed class OutboxSignal
{
    readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Raised after every commit that may have written outbox rows (other delivery services listen too).</summary>
    public event Action? Notified;

    /// <summary>Tells the dispatcher there may be work.</summary>
    public void Notify()
    {
        Notified?.Invoke();
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the dispatcher will look at everything committed so far.
        }
    }

    /// <summary>Waits for a notification or the timeout, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
