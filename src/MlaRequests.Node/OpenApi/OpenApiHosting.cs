namespace MlaRequests.Node.OpenApi;

/// <summary>
/// The node's OpenAPI document (<c>/openapi/v1.json</c>) as a contract a client can be generated from: unique schema
/// names, exact times and numbers, and every operation completed from its endpoint's metadata.
/// </summary>
public static class OpenApiHosting
{
    /// <summary>Registers the document and its transformers.</summary>
    public static IServiceCollection AddNodeOpenApi(this IServiceCollection services)
    {
        var names = new SchemaNames();
        return services.AddOpenApi(o =>
        {
            o.CreateSchemaReferenceId = names.Of;
            o.AddSchemaTransformer<NodaTimeSchemas>();
            o.AddSchemaTransformer<NumberSchemas>();
            o.AddSchemaTransformer<EnumSchemas>();
            o.AddOperationTransformer<ContractOperations>();
            o.AddDocumentTransformer<ContractDocument>();
        });
    }
}
