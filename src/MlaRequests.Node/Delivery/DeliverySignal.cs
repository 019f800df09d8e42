namespace MlaRequests.Node.Delivery;

/// <summary>Wakes the delivery service when messages are queued or receipts arrive.</summary>
public sealed class DeliverySignal
{
    readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Tells the service there may be work.</summary>
    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another caller signalled at the same moment: one wake-up is enough.
            }
        }
    }

    /// <summary>Waits for a notification or the timeout.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
