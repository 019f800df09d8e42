using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NodaTime;

namespace MlaRequests.Node.Features.Commands;

/// <summary>
/// Describes NodaTime values in the OpenAPI document as the ISO strings the API reads and writes
/// (a date, an instant, a period), instead of the empty schema the document would otherwise give them,
/// so a client (and the malformed-call tests) knows a date is a date.
/// </summary>
public sealed class NodaTimeSchemas : IOpenApiSchemaTransformer
{
    static readonly Dictionary<Type, (string Format, string Example)> Formats = new()
    {
        [typeof(LocalDate)] = ("date", "2026-05-04"),
        [typeof(Instant)] = ("date-time", "2026-05-04T09:30:00Z"),
        [typeof(Period)] = ("duration", "P20D"),
        [typeof(Duration)] = ("duration", "PT24H"),
    };

    /// <inheritdoc />
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (Formats.TryGetValue(Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type, out var format))
        {
            schema.Type = JsonSchemaType.String;
            schema.Format = format.Format;
            schema.Properties?.Clear();
        }
        return Task.CompletedTask;
    }
}
