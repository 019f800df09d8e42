using MlaRequests.Node.Features.Commands;
using MlaRequests.Workflows.Branches;
using MlaRequests.Workflows.Requests;

namespace MlaRequests.Node.Features.Requests;

/// <summary>The request API group (signed-in users; each endpoint checks role and office).</summary>
public static class RequestEndpoints
{
    /// <summary>Maps <c>/api/requests</c>.</summary>
    public static IEndpointRouteBuilder MapRequests(this IEndpointRouteBuilder endpoints)
    {
        var reads = endpoints.MapGroup("/api/requests").WithTags("Requests").RequireAuthorization();
        reads.MapGet("/", ListRequests.Handle).WithName("ListRequests").WithSummary("List the caller's requests, newest first");
        reads.MapGet("/{id:guid}", GetRequest.Handle).WithName("GetRequest").WithSummary("Read a request with its targets, clocks, timeline and allowed steps");
        reads.MapGet("/{id:guid}/diagram", GetDiagram.Handle).WithName("GetRequestDiagram").WithSummary("Draw the request's workflows as Mermaid diagrams");

        var commands = endpoints.MapGroup("/api/requests").WithTags("Requests").RequireAuthorization().AddEndpointFilter<IdempotencyFilter>();
        commands.MapPost("/", CreateRequest.Handle).WithName("CreateRequest").WithSummary("Open a draft request");
        commands.MapPut("/{id:guid}", EditRequest.Handle).WithName("EditRequest").WithSummary("Replace a draft's content")
            .ProducesProblem(StatusCodes.Status409Conflict);
        commands.MapPost("/{id:guid}/notes", AddNote.Handle).WithName("AddNote").WithSummary("Add a note to a request's file");
        FollowUpRequest.Map(commands);
        RequestSteps.Map(commands, endpoints.ServiceProvider.GetRequiredService<OutgoingRequestStateMachine>(),
            endpoints.ServiceProvider.GetRequiredService<BranchStateMachine>());
        return endpoints;
    }
}
