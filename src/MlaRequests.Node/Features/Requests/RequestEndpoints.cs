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
        reads.MapGet("/", ListRequests.Handle);
        reads.MapGet("/{id:guid}", GetRequest.Handle);
        reads.MapGet("/{id:guid}/diagram", GetDiagram.Handle);

        var commands = endpoints.MapGroup("/api/requests").WithTags("Requests").RequireAuthorization().AddEndpointFilter<IdempotencyFilter>();
        commands.MapPost("/", CreateRequest.Handle);
        commands.MapPut("/{id:guid}", EditRequest.Handle);
        commands.MapPost("/{id:guid}/notes", AddNote.Handle);
        RequestSteps.Map(commands, endpoints.ServiceProvider.GetRequiredService<OutgoingRequestStateMachine>(),
            endpoints.ServiceProvider.GetRequiredService<BranchStateMachine>());
        return endpoints;
    }
}
