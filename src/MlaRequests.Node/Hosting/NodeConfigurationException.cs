namespace MlaRequests.Node.Hosting;

/// <summary>A setting is missing or invalid: the node does not start, and the message names the setting.</summary>
public sealed class NodeConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NodeConfigurationException()
    {
    }

    /// <summary>Creates the exception with the message naming the setting.</summary>
    public NodeConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the message naming the setting and its cause.</summary>
    public NodeConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
