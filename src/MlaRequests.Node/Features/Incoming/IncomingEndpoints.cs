using MlaRequests.Node.Features.Commands;
using MlaRequests.Workflows.Content;
using MlaRequests.Workflows.IncomingCases;

namespace MlaRequests.Node.Features.Incoming;

/// <summary>The incoming-case API group.</summary>
public static class IncomingEndpoints
{
    /// <summary>Maps <c>/api/incoming</c> and <c>/api/refusal-grounds</c>.</summary>
    public static IEndpointRouteBuilder MapIncoming(this IEndpointRouteBuilder endpoints)
    {
        var reads = endpoints.MapGroup("/api/incoming").WithTags("Incoming").RequireAuthorization();
        reads.MapGet("/", ListIncoming.Handle).WithName("ListIncoming").WithSummary("List requests received from other countries, newest first");
        reads.MapGet("/{id:guid}", GetIncoming.Handle).WithName("GetIncoming").WithSummary("Read a received request with its clocks, timeline and allowed steps");
        IncomingSteps.Map(endpoints.MapGroup("/api/incoming").WithTags("Incoming").RequireAuthorization().AddEndpointFilter<IdempotencyFilter>(),
            endpoints.ServiceProvider.GetRequiredService<IncomingCaseStateMachine>());
        endpoints.MapGet("/api/refusal-grounds", () => TypedResults.Ok(ContentData.RefusalGrounds)).WithTags("Incoming").RequireAuthorization()
            .WithName("ListRefusalGrounds").WithSummary("List the coded grounds a refusal may cite");
        return endpoints;
    }
}
