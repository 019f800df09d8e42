namespace MlaRequests.Node.Features.Commands;

/// <summary>
/// The OpenAPI description every workflow step endpoint carries, from its table entry: the
/// operation is named after the message the step raises, and the answers listed are the ones the
/// step's checks give (<see cref="StepResult"/> 202, 400 input, 401 not signed in, 403 role or
/// office, 404 unknown id, 409 not allowed in the current status, 422 an Idempotency-Key reused).
/// </summary>
public static class StepEndpoint
{
    /// <summary>Describes <paramref name="endpoint"/> as the step raising <paramref name="operationId"/>, taking <paramref name="body"/> (null: none).</summary>
    public static RouteHandlerBuilder DescribeStep(this RouteHandlerBuilder endpoint, string operationId, string summary, string description, Type? body)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        endpoint.WithName(operationId).WithSummary(summary).WithDescription(description);
        if (body is not null)
            endpoint.Accepts(body, "application/json");
        // 202, 403, 404 and 409 as every step answers them; 401, 422 and the rest of 400 come from the document's rules for commands.
        return endpoint.ProducesStep().ProducesValidationProblem();
    }
}
