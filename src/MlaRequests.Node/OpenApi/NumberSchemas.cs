using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MlaRequests.Node.OpenApi;

/// <summary>
/// Describes a number as a number. The web JSON defaults also read <c>"12"</c> as 12, so the generated schema says
/// "integer or a string of digits"; the API never writes one as a string, and a client generated from that union
/// would have to handle text where only numbers come. The document promises what the API writes and a client should send.
/// </summary>
public sealed class NumberSchemas : IOpenApiSchemaTransformer
{
    /// <inheritdoc />
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.String)
            && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
        return Task.CompletedTask;
    }
}
