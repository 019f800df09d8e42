using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace MlaRequests.Tests.Infrastructure;

/// <summary>
/// The node's own OpenAPI document as a check on its live answers: for a call, the operation the document lists for its
/// method and path, that the answer's status is one the operation documents, and that a JSON body has a documented media
/// type and matches the documented schema (JSON Schema 2020-12, which OpenAPI 3.1 schemas are). A call to a path the
/// document does not list (pages, health) is not checked.
/// </summary>
public sealed class OpenApiContract
{
    readonly JsonObject _document;
    readonly JsonObject _definitions;
    readonly List<(Regex Pattern, int Literals, string Template)> _paths;
    readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);
    readonly SchemaRegistry _registry = new();

    public OpenApiContract(string document)
    {
        _document = JsonNode.Parse(document)!.AsObject();
        // Components become $defs, so every schema is a standalone JSON Schema document.
        _definitions = JsonNode.Parse(_document["components"]?["schemas"]?.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal) ?? "{}")!.AsObject();
        _paths = _document["paths"]!.AsObject().Select(p => (
            new Regex("^" + Regex.Replace(Regex.Escape(p.Key), @"\\\{[^/]+?}", "[^/]+") + "$", RegexOptions.CultureInvariant),
            p.Key.Split('/').Count(s => s.Length > 0 && !s.StartsWith('{')), p.Key)).ToList();
    }

    /// <summary>The path templates with an operation for <paramref name="method"/>, with their query parameters' names.</summary>
    public IReadOnlyList<(string Template, IReadOnlyList<string> Query)> Operations(string method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return _document["paths"]!.AsObject().Where(p => p.Value?[method.ToLowerInvariant()] is not null)
            .Select(p => (p.Key, (IReadOnlyList<string>)(p.Value![method.ToLowerInvariant()]!["parameters"]?.AsArray() ?? [])
                .Where(x => x!["in"]!.GetValue<string>() == "query").Select(x => x!["name"]!.GetValue<string>()).ToList()))
            .ToList();
    }

    /// <summary>The path template <paramref name="path"/> falls under and its operation for <paramref name="method"/> (null when the document lists neither).</summary>
    public (string? Template, JsonObject? Operation) Find(string method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        var template = _paths.Where(p => p.Pattern.IsMatch(path)).OrderByDescending(p => p.Literals).Select(p => p.Template).FirstOrDefault();
        return template is null ? (null, null) : (template, _document["paths"]![template]![method.ToLowerInvariant()]?.AsObject());
    }

    /// <summary>
    /// What is wrong with an answer of <paramref name="status"/> with <paramref name="body"/> to <paramref name="method"/>
    /// <paramref name="path"/>, and (when <paramref name="hasHeader"/> is given) with the headers it must carry; empty when it
    /// is as documented.
    /// </summary>
    public IReadOnlyList<string> Problems(string method, string path, int status, string? mediaType, string body, Func<string, bool>? hasHeader = null)
    {
        var problems = BodyProblems(method, path, status, mediaType, body);
        var (template, operation) = Find(method, path);
        if (hasHeader is null || template is null || operation is null)
            return problems;
        var headers = operation["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["headers"]?.AsObject() ?? [];
        return
        [
            .. problems,
            .. headers.Where(h => h.Value?["required"]?.GetValue<bool>() == true && !hasHeader(h.Key))
                .Select(h => $"{method} {template} ({operation["operationId"]}) answered {status} without its {h.Key} header"),
        ];
    }

    IReadOnlyList<string> BodyProblems(string method, string path, int status, string? mediaType, string body)
    {
        ArgumentNullException.ThrowIfNull(method);
        var (template, operation) = Find(method, path);
        if (template is null)
            return [];
        if (operation is null)
            return [$"{method} {path}: the document lists no {method} on {template}"];
        var call = $"{method} {template} ({operation["operationId"]})";
        var response = operation["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] ?? operation["responses"]?["default"];
        if (response is null)
            return [$"{call} answered {status}, which the document does not list (it lists {string.Join(", ", operation["responses"]!.AsObject().Select(r => r.Key))})"];
        var content = response["content"]?.AsObject();
        if (content is null || content.Count == 0)
            return body.Length == 0 ? [] : [$"{call} answered {status} with a body ({mediaType}) where the document says none"];
        if (mediaType is null || !content.ContainsKey(mediaType))
            return [$"{call} answered {status} as {mediaType ?? "no content"}, the document says {string.Join(" or ", content.Select(c => c.Key))}"];
        if (!mediaType.EndsWith("json", StringComparison.Ordinal) || content[mediaType]?["schema"] is not { } schema)
            return [];
        using var json = JsonDocument.Parse(body);
        var result = Schema($"{operation["operationId"]}/{status}/{mediaType}", schema).Evaluate(json.RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return result.IsValid
            ? []
            : [$"{call} answered {status} with a body that does not match its schema:\n  "
               + string.Join("\n  ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Take(12)
                   .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)} (schema {d.EvaluationPath})"))
               + $"\n  body: {(body.Length > 600 ? body[..600] + "…" : body)}"];
    }

    JsonSchema Schema(string key, JsonNode schema) => _schemas.GetOrAdd(key, _ =>
    {
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = _definitions.DeepClone(),
            ["allOf"] = new JsonArray(JsonNode.Parse(schema.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))),
        };
        return JsonSchema.FromText(root.ToJsonString(), new BuildOptions { SchemaRegistry = _registry },
            new Uri($"https://contract.invalid/{Uri.EscapeDataString(key)}"));
    });

    /// <summary>Checks every answer a client receives; a call the document does not describe fails the test that made it.</summary>
    public sealed class Checks(Func<Task<OpenApiContract>> contract) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var problems = (await contract()).Problems(request.Method.Method, request.RequestUri!.AbsolutePath, (int)response.StatusCode,
                response.Content.Headers.ContentType?.MediaType, body, name => response.Headers.Contains(name) || response.Content.Headers.Contains(name));
            if (problems.Count > 0)
                throw new ContractViolation(string.Join("\n", problems));
            return response;
        }
    }
}

/// <summary>A live answer that the node's OpenAPI document does not describe.</summary>
public sealed class ContractViolation : Exception
{
    public ContractViolation()
    {
    }

    public ContractViolation(string message)
        : base($"Not as the OpenAPI document says: {message}")
    {
    }

    public ContractViolation(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
