using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using MlaRequests.Domain.Requests.Validation;

namespace MlaRequests.Node.OpenApi;

/// <summary>
/// What the whole document says once: its title, how a caller signs in (a bearer token from <c>POST /api/auth/login</c>,
/// or the web UI's session cookie, which the API accepts as well), the problem-details shapes every error answer uses,
/// and that every operation id is unique.
/// </summary>
public sealed class ContractDocument(IOptionsMonitor<CookieAuthenticationOptions> cookies) : IOpenApiDocumentTransformer
{
    /// <summary>The bearer scheme's name in the document.</summary>
    public const string Bearer = "bearer";

    /// <summary>The session cookie scheme's name in the document.</summary>
    public const string Cookie = "cookie";

    /// <summary>The schema of a problem answer.</summary>
    public const string Problem = "ProblemDetails";

    /// <summary>The schema of a 400 answer, which names the fields in <c>errors</c>.</summary>
    public const string ValidationProblem = "HttpValidationProblemDetails";

    /// <inheritdoc />
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info.Title = "MLA requests node";
        document.Info.Description =
            "A national node's API for mutual legal assistance requests: outgoing requests and their branches per requested country, "
            + "incoming cases, deadlines, tasks and cross-border links. Every command carries an Idempotency-Key; every error is problem details.";
        DescribeTags(document);
        foreach (var server in document.Servers ?? [])
            server.Url = server.Url?.TrimEnd('/');

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The accessToken of POST /api/auth/login (or /api/auth/refresh), as `Authorization: Bearer <token>`.",
        };
        document.Components.SecuritySchemes[Cookie] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = cookies.Get(IdentityConstants.ApplicationScheme).Cookie.Name,
            Description = "The web UI's session cookie, named after this node; the API accepts it like a token.",
        };

        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        document.Components.Schemas[Problem] = ProblemSchema(errors: false);
        document.Components.Schemas[ValidationProblem] = ProblemSchema(errors: true);

        var ids = document.Paths.SelectMany(p => p.Value.Operations ?? []).Select(o => o.Value.OperationId).GroupBy(id => id, StringComparer.Ordinal)
            .Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (ids.Count > 0)
            throw new InvalidOperationException($"Operation ids used twice in the OpenAPI document: {string.Join(", ", ids)}.");
        return Task.CompletedTask;
    }

    /// <summary>RFC 9457 problem details as the node writes them (more members, such as <c>traceId</c>, may follow).</summary>
    static OpenApiSchema ProblemSchema(bool errors)
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = errors ? "Problem details naming each field that is wrong in errors." : "Problem details (RFC 9457).",
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "A URI naming the kind of problem." },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "A short summary." },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32", Description = "The HTTP status." },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "What happened, for a person." },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "The request it concerns." },
            },
            Examples =
            [
                errors
                ? new JsonObject
                {
                    ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.1", ["title"] = "One or more validation errors occurred.", ["status"] = 400,
                    ["errors"] = new JsonObject { ["comments"] = new JsonArray(ProblemTexts.Required.Format("comments")) },
                }
                : new JsonObject
                {
                    ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.10", ["title"] = ProblemTexts.NotAllowedTitle.Format(), ["status"] = 409,
                    ["detail"] = ProblemTexts.NotAllowed.Format("approve", "Draft", "submit"),
                },
            ],
        };
        if (errors)
        {
            schema.Required = new HashSet<string>(StringComparer.Ordinal) { "errors" };
            schema.Properties["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "The messages for each field (a JSON path, a parameter or a header), by name.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            };
        }
        return schema;
    }

    static readonly Dictionary<string, string> TagTexts = new(StringComparer.Ordinal)
    {
        ["Accounts"] = "Signing in and out: a bearer token for the API, refreshed while the user works.",
        ["Requests"] = "Requests this node sends: drafts, review, approval, and each requested country's branch with its steps.",
        ["Incoming"] = "Requests other countries sent to this node: registration, assignment, recognition, execution, evidence.",
        ["Milestones"] = "Milestones of parallel and mirror investigations and joint teams, proposed by one side and confirmed by the other.",
        ["Links"] = "The cross-border links to the other nodes: their state, and messages that wait to be sent again.",
        ["Tasks"] = "What waits for the signed-in user's role, oldest first.",
        ["Deadlines"] = "Deadline clocks that are due, overdue or escalated (management targets, with their legal source).",
        ["Audit"] = "The node's audit log, a hash chain an administrator can verify.",
    };

    /// <summary>Gives every tag an operation uses its description.</summary>
    static void DescribeTags(OpenApiDocument document)
    {
        var used = (document.Paths ?? []).Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        document.Tags ??= new HashSet<OpenApiTag>();
        foreach (var name in used)
        {
            var tag = document.Tags.FirstOrDefault(t => t.Name == name);
            if (tag is null)
                document.Tags.Add(tag = new OpenApiTag { Name = name });
            tag.Description ??= TagTexts.GetValueOrDefault(name);
        }
    }
}
