namespace MlaRequests.Engine.Outbox;

/// <summary>
/// Wakes a polling background service early: any number of notifications between two waits count
/// as one, and a wait ends at the first notification or at its timeout.
/// </summary>
public class WakeSignal
{
    readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Tells the waiting service there may be work.</summary>
    public virtual void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the service will look at everything done so far.
        }
    }

    /// <summary>Waits for a notification or the timeout, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
