namespace MlaRequests.Node.Features.Commands;

/// <summary>
/// What every workflow step answers, as endpoint metadata for the OpenAPI document: 202 with a <see cref="StepResult"/>,
/// 403 for a role or office that may not take it, 404 for an unknown id, 409 in a status that does not allow it (400 and the
/// rest come from the document's own rules for commands).
/// </summary>
public static class StepResponses
{
    /// <summary>Declares the step answers on <paramref name="builder"/> (a group of step routes, or one route).</summary>
    public static TBuilder ProducesStep<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status202Accepted, typeof(StepResult), ["application/json"]))
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
