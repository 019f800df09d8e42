using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;
using MlaRequests.Node.Features.Commands;

namespace MlaRequests.Node.OpenApi;

/// <summary>
/// Completes every operation from its endpoint's metadata, so a route needs no OpenAPI code of its own: an operation id
/// and a summary (the endpoint's name and summary, else made from the route), who may call it, the Idempotency-Key of a
/// command, and every error status the pipeline around the handler answers (401 signed out, 403 a role the policy or the
/// handler refuses, 404 an id that matches no route, 400/413/415 a body or query that cannot be read, 400/422 a missing
/// or reused key), each as problem details.
/// </summary>
public sealed class ContractOperations : IOpenApiOperationTransformer
{
    static readonly Dictionary<int, string> Meanings = new()
    {
        [400] = "Invalid input: errors names each field, parameter or header that is wrong.",
        [401] = "Not signed in: no valid bearer token or session cookie of this node.",
        [403] = "Signed in, but the caller's role or office may not do this.",
        [404] = "No such resource, or none the caller may see.",
        [409] = "Not allowed in the current status (or already done); nothing changed.",
        [413] = "The body is larger than the node accepts.",
        [415] = "The body is not JSON.",
        [422] = "The Idempotency-Key was already used for a different command.",
        [429] = "Too many attempts; try again after the Retry-After header's seconds.",
    };

    /// <inheritdoc />
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var method = description.HttpMethod ?? "GET";
        var path = "/" + (description.RelativePath ?? string.Empty).Split('?')[0];
        operation.OperationId ??= RouteNames.OperationId(method, path);
        operation.Summary ??= RouteNames.Summary(path);

        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var authorized = !anonymous && metadata.OfType<IAuthorizeData>().Any();
        var results = ResultTypes(metadata.OfType<MethodInfo>().FirstOrDefault());
        operation.Responses ??= new OpenApiResponses();
        operation.Security = authorized
            ? [Requirement(ContractDocument.Bearer, context.Document), Requirement(ContractDocument.Cookie, context.Document)]
            : [];
        if (authorized)
            Add(operation, 401);
        if (authorized && metadata.Any(m => m is AuthorizationPolicy p && p.Requirements.Any(r => r is RolesAuthorizationRequirement)
                                            || m is IAuthorizeData { Roles.Length: > 0 }))
            Add(operation, 403);
        if (results.Contains(typeof(ForbidHttpResult)))
            Add(operation, 403);
        if (results.Contains(typeof(ChallengeHttpResult)) || results.Contains(typeof(UnauthorizedHttpResult)))
            Add(operation, 401);
        if (description.ParameterDescriptions.Any(p => p.RouteInfo?.Constraints?.Any() == true))
            Add(operation, 404);
        if (method is "POST" or "PUT")
            Add(operation, 413);
        if (operation.RequestBody is not null)
        {
            Add(operation, 400);
            Add(operation, 415);
        }
        if (operation.Parameters?.Any(p => p.In == ParameterLocation.Query && p.Schema?.Type is { } t
                                           && (t.HasFlag(JsonSchemaType.Integer) || t.HasFlag(JsonSchemaType.Number) || t.HasFlag(JsonSchemaType.Boolean))) == true)
            Add(operation, 400);
        if (IdempotencyFilter.Guards(method, authorized))
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyFilter.Header,
                In = ParameterLocation.Header,
                Required = true,
                Description = "A key the client makes once per command (at most 100 characters). Sent again after a lost answer, "
                    + "the same command is answered as the first time without running twice.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 100 },
                Example = JsonValue.Create("8c1f3a2e5b7d4f60a9e2c4d6b8f0a1c3"),
            });
            Add(operation, 400);
            Add(operation, 422);
        }
        operation.Description ??= Description(authorized, IdempotencyFilter.Guards(method, authorized));
        var responses = operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        operation.Responses.Clear();
        foreach (var (status, response) in responses)
        {
            if (response is OpenApiResponse concrete && int.TryParse(status, out var code))
                Describe(concrete, code, context.Document);
            operation.Responses[status] = response;
        }
        return Task.CompletedTask;
    }

    /// <summary>What a caller must know beyond the summary: how to sign in, and how a command is retried safely.</summary>
    static string Description(bool authorized, bool command) =>
        (authorized ? "Needs a signed-in caller (a bearer token or the web session cookie)." : "Needs no sign-in.")
        + (command ? " A command: a retry with the same Idempotency-Key and body answers as the first call did, without running it again." : string.Empty);

    static OpenApiSecurityRequirement Requirement(string scheme, OpenApiDocument? document) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };

    static void Add(OpenApiOperation operation, int status) =>
        operation.Responses!.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture), new OpenApiResponse());

    /// <summary>An error answer is problem details; every answer says what it means.</summary>
    static void Describe(OpenApiResponse response, int status, OpenApiDocument? document)
    {
        if (string.IsNullOrEmpty(response.Description) || response.Description == ReasonPhrases.GetReasonPhrase(status))
            response.Description = Meanings.GetValueOrDefault(status) ?? ReasonPhrases.GetReasonPhrase(status);
        if (status is StatusCodes.Status201Created or StatusCodes.Status202Accepted)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
            response.Headers.TryAdd("Location", new OpenApiHeader
            {
                Description = "Where to read the result: the created resource, or the case or request the accepted step acts on.",
                Required = true,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" },
                Example = JsonValue.Create("/api/requests/0196a1c2-7b3e-7d4f-9a10-3c5e7f9b1d2a"),
            });
        }
        if (status < 400 || response.Content is { Count: > 0 })
            return;
        var schema = status == 400 ? ContractDocument.ValidationProblem : ContractDocument.Problem;
        response.Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(schema, document) },
        };
    }

    /// <summary>The typed results a handler may return (<c>Results&lt;Ok&lt;T&gt;, NotFound, ForbidHttpResult&gt;</c>), unwrapped from its task.</summary>
    static HashSet<Type> ResultTypes(MethodInfo? handler)
    {
        var type = handler?.ReturnType;
        if (type is { IsGenericType: true } && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
            type = type.GetGenericArguments()[0];
        if (type is null)
            return [];
        return type.IsGenericType && type.FullName?.StartsWith("Microsoft.AspNetCore.Http.HttpResults.Results`", StringComparison.Ordinal) == true
            ? [.. type.GetGenericArguments()]
            : [type];
    }
}
