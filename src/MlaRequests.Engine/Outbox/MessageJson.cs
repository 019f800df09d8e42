using System.Text.Json;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace MlaRequests.Engine.Outbox;

/// <summary>How outbox rows store message bodies and headers: JSON with NodaTime types in ISO form.</summary>
public static class MessageJson
{
    /// <summary>The serializer options for message bodies.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Configures <paramref name="options"/> the way message bodies are written (used for the bus serializer too).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
    }

    /// <summary>The stored name of a message type: <c>Full.Name, Assembly</c>.</summary>
    public static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    /// <summary>Serializes transport headers; values other than strings, numbers and booleans are written as text.</summary>
    public static string? SerializeHeaders(IEnumerable<KeyValuePair<string, object>> headers)
    {
        var values = new Dictionary<string, object>();
        foreach (var (key, value) in headers)
        {
            values[key] = value switch
            {
                string or bool or int or long or double or decimal => value,
                Guid guid => guid.ToString("D"),
                _ => value.ToString() ?? string.Empty,
            };
        }
        return values.Count == 0 ? null : JsonSerializer.Serialize(values, Options);
    }

    /// <summary>Reads headers written by <see cref="SerializeHeaders"/>.</summary>
    public static IEnumerable<KeyValuePair<string, object>> DeserializeHeaders(string? json)
    {
        if (string.IsNullOrEmpty(json))
            yield break;
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            object value = property.Value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Number when property.Value.TryGetInt64(out var integer) => integer,
                JsonValueKind.Number => property.Value.GetDouble(),
                _ => property.Value.ToString(),
            };
            yield return new KeyValuePair<string, object>(property.Name, value);
        }
    }

    static JsonSerializerOptions Create() => Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
}
