using System.Collections.Concurrent;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;

namespace MlaRequests.Node.OpenApi;

/// <summary>
/// One schema name per type. A feature keeps its shapes as nested records (<c>GetRequest.Response</c>,
/// <c>ListIncoming.Page</c>), and the default name, the type's own, gave six records the one name <c>Response</c>,
/// so the document described most of them wrongly. A nested type is named after its declaring type too
/// (<c>GetRequestResponse</c>); should two types still meet on one name, the document fails to build rather than lie.
/// </summary>
public sealed class SchemaNames
{
    readonly ConcurrentDictionary<string, Type> _owners = new(StringComparer.Ordinal);

    /// <summary>The reference id of <paramref name="type"/>'s schema, or null for a schema written inline.</summary>
    public string? Of(JsonTypeInfo type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (OpenApiOptions.CreateDefaultSchemaReferenceId(type) is not { } name)
            return null;
        // A nullable value type shares its type's schema (the document adds the null).
        var own = Nullable.GetUnderlyingType(type.Type) ?? type.Type;
        var id = own.DeclaringType is { } outer ? outer.Name + name : name;
        var owner = _owners.GetOrAdd(id, own);
        return owner == own
            ? id
            : throw new InvalidOperationException($"The OpenAPI schema name '{id}' would stand for both {owner.FullName} and {own.FullName}.");
    }
}
