using NodaTime;

namespace MlaRequests.Node.Persistence;

/// <summary>A command already executed under a client's idempotency key, with the response it got.</summary>
public sealed class IdempotencyRecord
{
    /// <summary>The caller's user name.</summary>
    public required string UserName { get; set; }

    /// <summary>The <c>Idempotency-Key</c> header value.</summary>
    public required string Key { get; set; }

    /// <summary>Method and path of the command.</summary>
    public required string Endpoint { get; set; }

    /// <summary>SHA-256 of the request body, to refuse a reused key with a different command.</summary>
    public required string RequestHash { get; set; }

    /// <summary>The response status.</summary>
    public int StatusCode { get; set; }

    /// <summary>The response body (JSON), if any.</summary>
    public string? ResponseBody { get; set; }

    /// <summary>The response's Location header, if any.</summary>
    public string? Location { get; set; }

    /// <summary>When it was executed.</summary>
    public Instant CreatedAt { get; set; }
}
