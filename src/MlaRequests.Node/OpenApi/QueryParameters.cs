using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace MlaRequests.Node.OpenApi;

/// <summary>What the document says about a query parameter the handler checks itself.</summary>
public static class QueryParameters
{
    /// <summary>
    /// Documents <paramref name="name"/> as required and one of <paramref name="values"/>: the handler binds it as an
    /// optional string and answers 400 naming it when it is missing or another value, which the document cannot see.
    /// </summary>
    public static RouteHandlerBuilder DocumentsRequiredQuery(this RouteHandlerBuilder endpoint, string name, params string[] values) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Parameters?.SingleOrDefault(p => p.Name == name) is OpenApiParameter parameter)
            {
                parameter.Required = true;
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))] };
            }
            return Task.CompletedTask;
        });
}
