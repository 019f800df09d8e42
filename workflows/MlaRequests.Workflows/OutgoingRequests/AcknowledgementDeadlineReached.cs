namespace MlaRequests.Workflows.OutgoingRequests;

/// <summary>The scheduled firing of the acknowledgement clock (sent by the workflow to itself).</summary>
/// <param name="RequestId">The request.</param>
public sealed record AcknowledgementDeadlineReached(Guid RequestId);
