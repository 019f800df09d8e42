namespace MlaRequests.Node.Features.Requests;

/// <summary>The request API group.</summary>
public static class RequestEndpoints
{
    /// <summary>Maps <c>/api/requests</c>.</summary>
    public static IEndpointRouteBuilder MapRequests(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/requests").WithTags("Requests");
        group.MapPost("/", CreateRequest.Handle);
        group.MapGet("/{id:guid}", GetRequest.Handle);
        group.MapPost("/{id:guid}/approve", ApproveRequest.Handle);
        group.MapPost("/{id:guid}/notes", AddNote.Handle);
        return endpoints;
    }
}
