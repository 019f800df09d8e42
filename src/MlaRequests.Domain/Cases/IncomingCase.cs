using MlaRequests.Domain.Requests;
using NodaTime;

namespace MlaRequests.Domain.Cases;

/// <summary>A request received from another country's node, as the receiving node keeps it.</summary>
public sealed class IncomingCase
{
    /// <summary>The id, equal to the requesting node's branch id.</summary>
    public Guid Id { get; set; }

    /// <summary>This node's registration reference, e.g. <c>KG-IN-2026-000031</c>.</summary>
    public required string Reference { get; set; }

    /// <summary>The requesting node's reference.</summary>
    public required string RemoteReference { get; set; }

    /// <summary>The requesting node's code.</summary>
    public required string RequestingNode { get; set; }

    /// <summary>The request id on the requesting node.</summary>
    public Guid RemoteRequestId { get; set; }

    /// <summary>When it arrived.</summary>
    public Instant ReceivedAt { get; set; }

    /// <summary>Urgent or child-victim priority.</summary>
    public bool Urgent { get; set; }

    /// <summary>The liaison officer it is assigned to.</summary>
    public string? AssignedTo { get; set; }

    /// <summary>The linked domestic case (mirror investigations, spontaneous information turned into a case).</summary>
    public string? DomesticCaseReference { get; set; }

    /// <summary>This office's own file number for the request, given at registration (null for cases registered before release 4, or not yet registered).</summary>
    public string? FileNumber { get; set; }

    /// <summary>When the recognition period was extended (it may be extended once).</summary>
    public Instant? RecognitionExtendedAt { get; set; }

    /// <summary>The ground codes of the refusal awaiting a supervisor's sign-off, comma-separated.</summary>
    public string? ProposedRefusalGrounds { get; set; }

    /// <summary>The reasons of the refusal awaiting a supervisor's sign-off.</summary>
    public string? ProposedRefusalReasons { get; set; }

    /// <summary>What the request says.</summary>
    public RequestContent Content { get; set; } = new();
}
