using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using MlaRequests.Domain;
using MlaRequests.Domain.Requests;
using MlaRequests.Engine.Outbox;
using MlaRequests.Node.Hosting;
using MlaRequests.Workflows.OutgoingRequests;
using NodaTime;

namespace MlaRequests.Node.Features.Requests;

/// <summary><c>POST /api/requests</c>: a prosecutor submits a new outgoing request for review.</summary>
public static class CreateRequest
{
    /// <summary>What the prosecutor entered.</summary>
    /// <param name="Reference">The office's case reference.</param>
    /// <param name="Summary">Summary of the facts.</param>
    /// <param name="TargetNode">The requested country's node code.</param>
    /// <param name="CreatedBy">Who submits it.</param>
    public sealed record Command(string? Reference, string? Summary, string? TargetNode, string? CreatedBy);

    /// <summary>The new request's id.</summary>
    /// <param name="Id">The id to follow it by.</param>
    public sealed record Response(Guid Id);

    internal static async Task<Results<Created<Response>, ValidationProblem>> Handle(
        Command command, DurableWriter writer, IClock clock, IOptions<NodeOptions> node, CancellationToken cancellationToken)
    {
        var errors = Validate(command, node.Value.Code);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var id = NewId.NextGuid();
        var now = clock.GetCurrentInstant();
        await writer.RunAsync(db =>
        {
            db.Add(new MlaRequest
            {
                Id = id,
                Reference = command.Reference!.Trim(),
                Summary = command.Summary!.Trim(),
                RequestingNode = node.Value.Code,
                TargetNode = command.TargetNode!,
                CreatedBy = command.CreatedBy!.Trim(),
                CreatedAt = now,
            });
            writer.Publish(new OutgoingRequestSubmitted(id, command.CreatedBy!.Trim(), now));
            return Task.FromResult(id);
        }, cancellationToken);
        return TypedResults.Created($"/api/requests/{id}", new Response(id));
    }

    static Dictionary<string, string[]> Validate(Command command, string ownNode)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(command.Reference) || command.Reference.Length > 100)
            errors["reference"] = ["A case reference of at most 100 characters is required."];
        if (string.IsNullOrWhiteSpace(command.Summary))
            errors["summary"] = ["A summary of the facts is required."];
        if (!NodeCode.IsKnown(command.TargetNode))
            errors["targetNode"] = [$"The requested country must be one of {string.Join(", ", NodeCode.Countries.Keys)}."];
        else if (command.TargetNode == ownNode)
            errors["targetNode"] = ["A request goes to another country's node, not to this one."];
        if (string.IsNullOrWhiteSpace(command.CreatedBy))
            errors["createdBy"] = ["The submitting prosecutor is required."];
        return errors;
    }
}
