using MassTransit;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Contracts;
using MlaRequests.Domain.Cases;
using MlaRequests.Domain.Requests;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.IncomingCases;
using NodaTime;

namespace MlaRequests.Node.Delivery;

/// <summary>
/// A request another country transmitted to this node, applied by the border in the envelope's own unit of work:
/// its content is stored as an incoming case under a local registration reference and the incoming-case workflow
/// starts, in the same commit as the envelope's inbox row and its receipt. The case is on this node's API the
/// moment that commit is done, with no further hop through the broker.
/// </summary>
public static class IncomingRequests
{
    /// <summary>What makes a transmitted request unreadable here (checked at the border, so it is quarantined), or null.</summary>
    public static string? Problem(RequestTransmitted request, string nodeCode)
    {
        if (request.ToNode != nodeCode)
            return $"misaddressed: the request is for '{request.ToNode}', this is {nodeCode}";
        if (request.ContentVersion != RequestContentJson.Version)
            return $"unsupported content version {request.ContentVersion} (this node reads {RequestContentJson.Version})";
        if (!Enum.TryParse<LegalBasis>(request.LegalBasis, out _))
            return $"unknown legal basis '{request.LegalBasis}'";
        try
        {
            RequestContentJson.Deserialize(request.ContentJson);
            return null;
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or NotSupportedException or ArgumentException)
        {
            return $"malformed request content: {exception.Message}";
        }
    }

    /// <summary>Creates the incoming case for <paramref name="request"/> (unless it exists) and starts its workflow.</summary>
    public static async Task ReceiveAsync(NodeDbContext db, string nodeCode, RequestTransmitted request, Instant now, ConsumeContext context)
    {
        if (await db.IncomingCases.AnyAsync(c => c.Id == request.BranchId, context.CancellationToken))
            return;

        var reference = await References.NextAsync(db, $"{nodeCode}-IN", now, context.CancellationToken);
        db.IncomingCases.Add(new IncomingCase
        {
            Id = request.BranchId,
            Reference = reference,
            RemoteReference = request.Reference,
            RequestingNode = request.FromNode,
            RemoteRequestId = request.RequestId,
            ReceivedAt = now,
            Urgent = request.Urgent,
            Content = RequestContentJson.Deserialize(request.ContentJson),
        });
        await context.Publish(new IncomingRequestReceived(request.BranchId, request.FromNode, reference, request.Kind,
            Enum.Parse<LegalBasis>(request.LegalBasis), request.Urgent, request.HasProvisionalMeasures, now));
    }
}
