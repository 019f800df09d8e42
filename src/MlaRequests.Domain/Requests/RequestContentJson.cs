using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace MlaRequests.Domain.Requests;

/// <summary>How request content is written as JSON: in the database, in the API and between nodes.</summary>
public static class RequestContentJson
{
    /// <summary>The version of the content document's shape sent between nodes.</summary>
    public const int Version = 1;

    /// <summary>Web defaults, enums as names, NodaTime types in ISO form.</summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the content conventions to <paramref name="options"/>.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new JsonStringEnumConverter());
        return options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
    }

    /// <summary>Writes <paramref name="content"/>.</summary>
    public static string Serialize(RequestContent content) => JsonSerializer.Serialize(content, Options);

    /// <summary>Reads content written by <see cref="Serialize"/>.</summary>
    public static RequestContent Deserialize(string json) =>
        JsonSerializer.Deserialize<RequestContent>(json, Options) ?? throw new JsonException("The request content is empty.");
}
