namespace MlaRequests.Domain.Deadlines;

/// <summary>An extension the clock's rule does not allow: not extendable, already extended once, or longer than the maximum.</summary>
public sealed class DeadlineExtensionException : InvalidOperationException
{
    /// <summary>Creates the exception with a message that names the clock and the rule.</summary>
    public DeadlineExtensionException(string message) : base(message)
    {
    }
}
