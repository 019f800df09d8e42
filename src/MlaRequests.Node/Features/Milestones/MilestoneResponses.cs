using MlaRequests.Node.Features.Commands;

namespace MlaRequests.Node.Features.Milestones;

/// <summary>
/// The milestone routes' answers as endpoint metadata for the OpenAPI document, for the group they are mapped in (their
/// handlers return untyped results the document cannot see into): a read lists the milestones; a proposal answers 201 with
/// the milestone; a confirmation (the routes with a <c>milestoneId</c>) answers like a step, 202; both may be refused (403
/// a role that may not act, 409 not a linked case, a closed case or already confirmed). Metadata a route declares itself
/// comes after and wins.
/// </summary>
public static class MilestoneResponses
{
    /// <summary>Declares the answers on every milestone route mapped in <paramref name="builder"/>.</summary>
    public static TBuilder ProducesMilestoneAnswers<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(endpoint =>
        {
            var read = endpoint.Metadata.OfType<IHttpMethodMetadata>().Any(m => m.HttpMethods.Contains(HttpMethods.Get));
            var confirm = endpoint is RouteEndpointBuilder { RoutePattern: var pattern } && pattern.GetParameter("milestoneId") is not null;
            if (read)
                endpoint.Metadata.Add(Json(StatusCodes.Status200OK, typeof(List<MilestoneEndpoints.View>)));
            else
            {
                endpoint.Metadata.Add(confirm ? Json(StatusCodes.Status202Accepted, typeof(StepResult)) : Json(StatusCodes.Status201Created, typeof(MilestoneEndpoints.View)));
                endpoint.Metadata.Add(Problem(StatusCodes.Status403Forbidden));
                endpoint.Metadata.Add(Problem(StatusCodes.Status409Conflict));
            }
            endpoint.Metadata.Add(Problem(StatusCodes.Status404NotFound));
        });
        return builder;
    }

    static ProducesResponseTypeMetadata Json(int status, Type type) => new(status, type, ["application/json"]);

    static ProducesResponseTypeMetadata Problem(int status) => new(status, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]);
}
