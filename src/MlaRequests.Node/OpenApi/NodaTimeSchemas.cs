using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NodaTime;

namespace MlaRequests.Node.OpenApi;

/// <summary>
/// Describes NodaTime values in the OpenAPI document as the strings the API reads and writes (a date, an instant, a
/// period, a duration), with an example each, instead of the empty schema the document would otherwise give them, so
/// a client (and the malformed-call tests) knows a date is a date. A duration is NodaTime's JSON form (total hours,
/// <c>168:00:00</c>), not ISO 8601, so it carries a pattern rather than the <c>duration</c> format.
/// </summary>
public sealed class NodaTimeSchemas : IOpenApiSchemaTransformer
{
    static readonly Dictionary<Type, (string? Format, string? Pattern, string Example)> Shapes = new()
    {
        [typeof(LocalDate)] = ("date", null, "2026-05-04"),
        [typeof(Instant)] = ("date-time", null, "2026-05-04T09:30:00Z"),
        [typeof(Period)] = (null, "^P", "P20D"),
        [typeof(Duration)] = (null, @"^-?[0-9]+:[0-5][0-9]:[0-5][0-9](\.[0-9]{1,9})?$", "168:00:00"),
    };

    /// <inheritdoc />
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (Shapes.TryGetValue(Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type, out var shape))
        {
            schema.Type = JsonSchemaType.String;
            schema.Format = shape.Format;
            schema.Pattern = shape.Pattern;
            schema.Examples = [JsonValue.Create(shape.Example)];
            schema.Properties?.Clear();
        }
        return Task.CompletedTask;
    }
}
