using MassTransit;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Contracts;
using MlaRequests.Domain.Cases;
using MlaRequests.Domain.Requests;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.IncomingCases;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.Node.Messaging;

/// <summary>
/// Receives a request another country transmitted to this node: stores its content as an incoming
/// case under a local registration reference and starts the incoming-case workflow, all in the
/// consume's durable unit of work (a redelivered copy is dropped by the inbox).
/// </summary>
public sealed class RequestTransmittedConsumer(NodeDbContext db, WorkflowNode node, IClock clock) : IConsumer<RequestTransmitted>
{
    /// <inheritdoc />
    public async Task Consume(ConsumeContext<RequestTransmitted> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        if (message.ToNode != node.Code)
            throw new InvalidOperationException($"Request {message.BranchId} is addressed to {message.ToNode}, not to {node.Code}.");
        if (message.ContentVersion != RequestContentJson.Version)
            throw new NotSupportedException($"Content version {message.ContentVersion} is not understood (this node reads {RequestContentJson.Version}).");
        if (await db.IncomingCases.AnyAsync(c => c.Id == message.BranchId, context.CancellationToken))
            return;

        var content = RequestContentJson.Deserialize(message.ContentJson);
        var now = clock.GetCurrentInstant();
        var reference = await References.NextAsync(db, $"{node.Code}-IN", now, context.CancellationToken);
        var incoming = new IncomingCase
        {
            Id = message.BranchId,
            Reference = reference,
            RemoteReference = message.Reference,
            RequestingNode = message.FromNode,
            RemoteRequestId = message.RequestId,
            ReceivedAt = now,
            Urgent = message.Urgent,
            Content = content,
        };
        db.IncomingCases.Add(incoming);
        await context.Publish(new IncomingRequestReceived(message.BranchId, message.FromNode, reference, message.Kind,
            Enum.Parse<LegalBasis>(message.LegalBasis), message.Urgent, message.HasProvisionalMeasures, now));
    }
}
