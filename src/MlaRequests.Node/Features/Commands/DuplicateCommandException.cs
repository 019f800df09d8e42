namespace MlaRequests.Node.Features.Commands;

/// <summary>A command with the same idempotency key committed first; the caller gets that command's answer.</summary>
public sealed class DuplicateCommandException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DuplicateCommandException()
        : base("A command with this idempotency key was already executed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DuplicateCommandException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public DuplicateCommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
