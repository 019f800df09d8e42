using NodaTime;

namespace MlaRequests.Domain.Requests;

/// <summary>A note on a request's file.</summary>
public sealed class RequestNote
{
    /// <summary>The note id.</summary>
    public Guid Id { get; set; }

    /// <summary>The request it belongs to.</summary>
    public Guid RequestId { get; set; }

    /// <summary>The note's text.</summary>
    public required string Text { get; set; }

    /// <summary>Who wrote it.</summary>
    public required string Author { get; set; }

    /// <summary>When.</summary>
    public Instant CreatedAt { get; set; }
}
