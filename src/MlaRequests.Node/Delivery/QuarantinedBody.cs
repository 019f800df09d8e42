using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MlaRequests.Node.Delivery;

/// <summary>
/// How a quarantined body is kept and shown. Kept: whatever the bytes are (binary, invalid UTF-8, empty, huge) they are
/// stored without failing, capped, with their size and SHA-256; text as text, anything else as <c>base64:</c>. Shown to an
/// administrator: personal data never (request content and persons are redacted to their structure), an unreadable body
/// only as size, hash and its first bytes in hex.
/// </summary>
public static class QuarantinedBody
{
    /// <summary>Prefix of a body kept as base64 because it is not UTF-8 text.</summary>
    public const string Base64Prefix = "base64:";

    /// <summary>What replaces a personal or free-text value.</summary>
    public const string Redacted = "[redacted]";

    const int HeadBytes = 32;

    /// <summary>Keys whose values inside request content stay visible: codes that identify nobody.</summary>
    static readonly HashSet<string> CodeKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "kind", "legalBasis", "stage", "role", "originalLanguage", "damageCurrency", "targets", "language",
    };

    /// <summary>Keys whose values hold a request's content or persons: redacted down to their codes.</summary>
    static readonly HashSet<string> PersonalKeys = new(StringComparer.OrdinalIgnoreCase) { "contentJson", "persons", "content" };

    /// <summary>The body to store for <paramref name="bytes"/> (never throws), its full size and its SHA-256 (hex).</summary>
    public static (string Body, long Bytes, string Sha256) Keep(ReadOnlySpan<byte> bytes, int limit)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var kept = bytes.Length > limit ? bytes[..limit] : bytes;
        string body;
        try
        {
            body = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(kept);
        }
        catch (DecoderFallbackException)
        {
            body = Base64Prefix + Convert.ToBase64String(kept);
        }
        return (body, bytes.Length, hash);
    }

    /// <summary><paramref name="body"/> (as stored) kept within <paramref name="limit"/> bytes, for a caller that has text.</summary>
    public static (string Body, long Bytes, string Sha256) Keep(string body, int limit) => Keep(Encoding.UTF8.GetBytes(body ?? string.Empty), limit);

    /// <summary>What an administrator sees of a stored body: redacted, capped at <paramref name="limit"/> characters.</summary>
    public static string Show(string body, long? bytes, string? sha256, int limit)
    {
        ArgumentNullException.ThrowIfNull(body);
        var size = bytes ?? Encoding.UTF8.GetByteCount(body);
        var hash = sha256 ?? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        if (!body.StartsWith(Base64Prefix, StringComparison.Ordinal) && TryParse(body) is { } json)
        {
            var shown = Redact(json, personal: false)?.ToJsonString() ?? "null";
            return shown.Length > limit ? shown[..limit] + $"… ({size} bytes)" : shown;
        }
        var head = body.StartsWith(Base64Prefix, StringComparison.Ordinal)
            ? SafeBase64Head(body[Base64Prefix.Length..])
            : Encoding.UTF8.GetBytes(body).Take(HeadBytes).ToArray();
        return $"unreadable: {size} bytes, sha256 {hash}, first bytes {Convert.ToHexString(head)}";
    }

    static byte[] SafeBase64Head(string base64)
    {
        var prefix = base64.Length > 64 ? base64[..64] : base64;
        try
        {
            return Convert.FromBase64String(prefix).Take(HeadBytes).ToArray();
        }
        catch (FormatException)
        {
            return [];
        }
    }

    static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// A copy of <paramref name="node"/> in which request content and persons show only their codes. A string that is itself
    /// JSON (an envelope's payload, a request's content) is opened and redacted the same way.
    /// </summary>
    static JsonNode? Redact(JsonNode? node, bool personal, string? key = null)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (name, value) in obj)
                    copy[name] = Redact(value, personal || PersonalKeys.Contains(name), name);
                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(item => Redact(item, personal, key))]);
            case JsonValue value when value.TryGetValue<string>(out var text):
                var trimmed = text.TrimStart();
                if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
                {
                    if (TryParse(text) is { } inner)
                        return JsonValue.Create(Redact(inner, personal || PersonalKeys.Contains(key ?? string.Empty))?.ToJsonString());
                    if (personal)
                        return JsonValue.Create(Redacted);
                }
                return personal && !CodeKeys.Contains(key ?? string.Empty) ? JsonValue.Create(Redacted) : JsonValue.Create(text);
            default:
                return node?.DeepClone();
        }
    }
}
