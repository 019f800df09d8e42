using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using NodaTime.Utility;

namespace MlaRequests.Domain.Requests;

/// <summary>How request content is written as JSON: in the database, in the API and between nodes.</summary>
public static class RequestContentJson
{
    /// <summary>The version of the content document's shape sent between nodes.</summary>
    public const int Version = 1;

    /// <summary>Web defaults, enums as names, NodaTime types in ISO form.</summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the content conventions to <paramref name="options"/>.</summary>
    /// <remarks>
    /// NodaTime's converters fail on a malformed date or period with their own exceptions, which a caller of the
    /// serializer (the API's model binding) does not recognise as bad input; here they fail as a
    /// <see cref="JsonException"/> that carries the value's JSON path, like any other unreadable value.
    /// </remarks>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new JsonStringEnumConverter());
        var before = options.Converters.Count;
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        for (var i = before; i < options.Converters.Count; i++)
        {
            if (options.Converters[i] is not JsonConverterFactory && options.Converters[i].Type is { } type)
                options.Converters[i] = (JsonConverter)Activator.CreateInstance(typeof(ReadErrorsAsJson<>).MakeGenericType(type), options.Converters[i])!;
        }
        return options;
    }

    /// <summary>Writes <paramref name="content"/>.</summary>
    public static string Serialize(RequestContent content) => JsonSerializer.Serialize(content, Options);

    /// <summary>
    /// Reads stored content written by <see cref="Serialize"/>, tolerating what an older release let through:
    /// a null list or null entries are skipped, so a read never fails on them.
    /// </summary>
    public static RequestContent Deserialize(string json) => WithoutNulls(DeserializeAsSent(json));

    /// <summary>Reads content exactly as sent (null entries kept), for the bounds check of what a peer transmitted.</summary>
    public static RequestContent DeserializeAsSent(string json) =>
        JsonSerializer.Deserialize<RequestContent>(json, Options) ?? throw new JsonException("The request content is empty.");

    static RequestContent WithoutNulls(RequestContent content)
    {
        content.Measures = content.Measures?.Where(x => x is not null).ToList() ?? [];
        content.Persons = content.Persons?.Where(x => x is not null).ToList() ?? [];
        content.Translations = content.Translations?.Where(x => x is not null).ToList() ?? [];
        content.Targets = content.Targets?.Where(x => x is not null).ToList() ?? [];
        return content;
    }

    /// <summary>A NodaTime converter whose read failures are <see cref="JsonException"/>s (the serializer adds the path).</summary>
    sealed class ReadErrorsAsJson<T>(JsonConverter<T> inner) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            try
            {
                return inner.Read(ref reader, typeToConvert, options)!;
            }
            catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidNodaDataException or OverflowException)
            {
                throw new JsonException(exception.Message, exception);
            }
        }

        public override bool HandleNull => inner.HandleNull;

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => inner.Write(writer, value, options);
    }
}
