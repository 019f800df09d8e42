using System.Text.Json;
using System.Text.Json.Nodes;

namespace MlaRequests.Tests.Api;

/// <summary>One malformed call: what is wrong with it, and the parts to send.</summary>
/// <param name="Defect">What is wrong (for the failure message).</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path with its route and query values.</param>
/// <param name="Body">The body as sent (null: none).</param>
/// <param name="ContentType">The body's content type.</param>
/// <param name="IdempotencyKey">The Idempotency-Key header (null: none).</param>
public sealed record MalformedCall(string Defect, string Method, string Path, string? Body, string ContentType, string? IdempotencyKey);

/// <summary>
/// Malformed calls generated from an OpenAPI document, each with exactly one defect, so none of them can be a
/// valid command: wrong types, nulls where no null is allowed, null list entries, unknown fields, huge texts and
/// lists, bad dates and enum values, malformed JSON, bad route and query values, a missing or oversized
/// Idempotency-Key. A new endpoint is covered as soon as the document lists it.
/// </summary>
public sealed class OpenApiDefects(JsonElement document, Func<string, string, string> routeValue, int textLength, int listItems)
{
    static readonly string[] Unreadable = ["{", "[]", "null", "\"a string\"", "42", "{\"a\":", "\u0001"];

    /// <summary>Every malformed call for every operation of the document.</summary>
    public IEnumerable<MalformedCall> Calls()
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch"))
            {
                foreach (var call in CallsOf(path.Name, operation.Name.ToUpperInvariant(), operation.Value))
                    yield return call;
            }
        }
    }

    IEnumerable<MalformedCall> CallsOf(string template, string method, JsonElement operation)
    {
        var parameters = operation.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
        var route = parameters.Where(x => x.GetProperty("in").GetString() == "path").Select(x => x.GetProperty("name").GetString()!).ToList();
        var query = parameters.Where(x => x.GetProperty("in").GetString() == "query").ToList();
        var command = RequiresKey(operation);
        var schema = Body(operation);
        var validPath = Fill(template, route, null, null);
        var emptyBody = schema is null ? null : "{}";
        var key = command ? NewKey() : null;

        foreach (var name in route)
        {
            foreach (var value in new[] { "not-a-guid", Guid.Empty.ToString(), "XX", new string('r', 5_000), "%00", "..%2F..%2Fetc" })
                yield return new($"route {name}={Short(value)}", method, Fill(template, route, name, value), emptyBody, "application/json", command ? NewKey() : null);
        }
        foreach (var parameter in query)
        {
            var name = parameter.GetProperty("name").GetString()!;
            foreach (var value in QueryValues(parameter))
                yield return new($"query {name}={Short(value)}", method, $"{validPath}?{name}={Uri.EscapeDataString(value)}", emptyBody, "application/json", key);
        }
        if (method == "GET")
            yield break;
        if (command)
        {
            yield return new("no Idempotency-Key", method, validPath, emptyBody, "application/json", null);
            yield return new("an Idempotency-Key of 101 characters", method, validPath, emptyBody, "application/json", new string('k', 101));
            yield return new("an Idempotency-Key of 100 KB", method, validPath, emptyBody, "application/json", new string('k', 100_000));
            yield return new("a blank Idempotency-Key", method, validPath, emptyBody, "application/json", "   ");
        }
        if (schema is not { } body)
            yield break;
        foreach (var text in Unreadable)
            yield return new($"body {Short(text)}", method, validPath, text, "application/json", NewKey());
        yield return new("an empty body", method, validPath, string.Empty, "application/json", NewKey());
        yield return new("a body that is not JSON", method, validPath, "name=value", "text/plain", NewKey());
        yield return new("an unknown field", method, validPath, "{\"zzUnknownField\": 1}", "application/json", NewKey());
        foreach (var (defect, json) in Bodies(body, depth: 0))
            yield return new(defect, method, validPath, json.ToJsonString(), "application/json", NewKey());
    }

    /// <summary>One body per defect of one property (nested objects and list items too), every other property absent.</summary>
    IEnumerable<(string Defect, JsonObject Body)> Bodies(JsonElement schema, int depth)
    {
        var resolved = Resolve(schema);
        if (!resolved.TryGetProperty("properties", out var properties))
            yield break;
        foreach (var property in properties.EnumerateObject())
        {
            foreach (var (defect, value) in Values(property.Value, depth))
                yield return ($"{property.Name}: {defect}", new JsonObject { [property.Name] = value });
        }
    }

    IEnumerable<(string Defect, JsonNode? Value)> Values(JsonElement schema, int depth)
    {
        var resolved = Resolve(schema);
        var types = Types(resolved);
        // Null only where the document says no null is allowed: a nullable field left null is a valid (empty) value, not a defect.
        if (types.Count > 0 && !types.Contains("null") && !Types(schema).Contains("null"))
            yield return ("null", null);
        if (resolved.TryGetProperty("enum", out _))
        {
            yield return ("an undefined enum name", "NotAValue");
            yield return ("an undefined enum number", 999);
        }
        if (types.Contains("string"))
        {
            yield return ("a number instead of a string", 12345);
            yield return ("an object instead of a string", new JsonObject());
            yield return ($"{textLength + 1} characters", new string('x', textLength + 1));
        }
        if (IsDate(resolved))
        {
            foreach (var date in new[] { "2026-13-45", "not a date", "2999-01-01", "0001-01-01", "P1Y10D", "9999-12-31T23:59:59Z" })
                yield return ($"the date {date}", date);
            if (!types.Contains("string"))
            {
                yield return ("a number instead of a date", 20260504);
                yield return ("an object instead of a date", new JsonObject { ["year"] = 2026 });
            }
        }
        if (types.Contains("integer") || types.Contains("number"))
        {
            yield return ("text instead of a number", "abc");
            yield return ("a number out of range", JsonNode.Parse("1e400"));
            if (types.Contains("integer"))
                yield return ("a fraction", 0.5);
        }
        if (types.Contains("boolean"))
        {
            yield return ("text instead of true or false", "yes");
            yield return ("a number instead of true or false", 2);
        }
        if (types.Contains("array"))
        {
            yield return ("text instead of a list", "x");
            yield return ("an object instead of a list", new JsonObject());
            yield return ("a null entry", new JsonArray((JsonNode?)null));
            var item = resolved.TryGetProperty("items", out var items) ? Resolve(items) : default;
            JsonNode Plausible() => item.ValueKind == JsonValueKind.Object && Types(item).Contains("object") ? new JsonObject() : JsonValue.Create("KG");
            yield return ($"{listItems + 1} entries", new JsonArray(Enumerable.Range(0, listItems + 1).Select(_ => (JsonNode?)Plausible()).ToArray()));
            if (item.ValueKind == JsonValueKind.Object && depth < 2)
            {
                foreach (var (defect, body) in Bodies(item, depth + 1))
                    yield return ($"[0].{defect}", new JsonArray(body));
            }
        }
        if (types.Contains("object") && resolved.TryGetProperty("properties", out _))
        {
            yield return ("text instead of an object", "x");
            yield return ("a list instead of an object", new JsonArray());
            if (depth < 2)
            {
                foreach (var (defect, body) in Bodies(resolved, depth + 1))
                    yield return ($".{defect}", body);
            }
        }
    }

    /// <summary>A date or an instant, by its schema's format.</summary>
    static bool IsDate(JsonElement resolved) => resolved.TryGetProperty("format", out var format) && format.GetString() is "date" or "date-time";

    /// <summary>A command: the document requires its Idempotency-Key header.</summary>
    static bool RequiresKey(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters) && parameters.EnumerateArray().Any(p =>
            p.GetProperty("in").GetString() == "header" && p.GetProperty("name").GetString() == "Idempotency-Key"
            && p.TryGetProperty("required", out var required) && required.GetBoolean());

    static IEnumerable<string> QueryValues(JsonElement parameter)
    {
        var types = parameter.TryGetProperty("schema", out var schema) ? Types(schema) : [];
        if (types.Contains("integer") || types.Contains("number"))
            return ["abc", "-1", "0", "2147483647", "2147483648", "99999999999", "1.5", ""];
        return [new string('q', 10_000), "%", "\u0000", "' OR 1=1 --"];
    }

    JsonElement? Body(JsonElement operation) =>
        operation.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content)
        && content.TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out var schema)
            ? schema
            : null;

    JsonElement Resolve(JsonElement schema)
    {
        for (var i = 0; i < 10 && schema.ValueKind == JsonValueKind.Object; i++)
        {
            if (schema.TryGetProperty("$ref", out var reference))
                schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/').Last());
            else if ((schema.TryGetProperty("oneOf", out var choices) || schema.TryGetProperty("anyOf", out choices) || schema.TryGetProperty("allOf", out choices))
                     && choices.EnumerateArray().FirstOrDefault(c => !(c.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"))
                         is { ValueKind: JsonValueKind.Object } choice)
                schema = choice;
            else
                break;
        }
        return schema;
    }

    static HashSet<string> Types(JsonElement schema)
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        if (schema.ValueKind != JsonValueKind.Object)
            return types;
        if (schema.TryGetProperty("type", out var type))
        {
            if (type.ValueKind == JsonValueKind.String)
                types.Add(type.GetString()!);
            else if (type.ValueKind == JsonValueKind.Array)
                types.UnionWith(type.EnumerateArray().Select(t => t.GetString()!));
        }
        else if (schema.TryGetProperty("properties", out _))
            types.Add("object");
        if ((schema.TryGetProperty("oneOf", out var choices) || schema.TryGetProperty("anyOf", out choices))
            && choices.EnumerateArray().Any(c => c.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"))
            types.Add("null");
        return types;
    }

    string Fill(string template, List<string> route, string? bad, string? value) =>
        route.Aggregate(template, (path, name) => path.Replace($"{{{name}}}", name == bad ? Uri.EscapeDataString(value!) : routeValue(template, name), StringComparison.Ordinal));

    static string NewKey() => Guid.NewGuid().ToString("N");

    static string Short(string text) => text.Length > 24 ? $"{text[..12]}…({text.Length} chars)" : text;
}
