namespace MlaRequests.Engine.Outbox;

/// <summary>Wakes the <see cref="OutboxDispatcher"/> as soon as a transaction with outbox rows commits.</summary>
public sealed class OutboxSignal : WakeSignal
{
    /// <summary>Raised after every commit that may have written outbox rows (other delivery services listen too).</summary>
    public event Action? Notified;

    /// <inheritdoc />
    public override void Notify()
    {
        Notified?.Invoke();
        base.Notify();
    }
}
