using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MlaRequests.Node.OpenApi;

/// <summary>
/// Describes an enum as one of its names, a string. A nullable enum's schema would otherwise list <c>null</c> among the
/// names and leave the type open; the property that may be null already says so (<c>oneOf</c> null or the enum), so a null
/// matched both and no null value was valid by the document, and a generated client got an untyped value.
/// </summary>
public sealed class EnumSchemas : IOpenApiSchemaTransformer
{
    /// <inheritdoc />
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type.IsEnum && schema.Enum is { Count: > 0 })
        {
            schema.Enum = schema.Enum.Where(value => value is not null && value.GetValueKind() != JsonValueKind.Null).ToList();
            schema.Type = JsonSchemaType.String;
        }
        return Task.CompletedTask;
    }
}
