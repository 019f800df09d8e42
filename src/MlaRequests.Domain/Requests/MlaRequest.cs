using NodaTime;

namespace MlaRequests.Domain.Requests;

/// <summary>The content of a request this node's office sends: what the prosecutor entered.</summary>
public sealed class MlaRequest
{
    /// <summary>The request id (also the workflow's correlation id).</summary>
    public Guid Id { get; set; }

    /// <summary>The office's case reference.</summary>
    public required string Reference { get; set; }

    /// <summary>Summary of the facts.</summary>
    public required string Summary { get; set; }

    /// <summary>The requesting node's code.</summary>
    public required string RequestingNode { get; set; }

    /// <summary>The requested node's code.</summary>
    public required string TargetNode { get; set; }

    /// <summary>Who created it.</summary>
    public required string CreatedBy { get; set; }

    /// <summary>When it was created.</summary>
    public Instant CreatedAt { get; set; }
}
