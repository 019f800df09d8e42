using System.Security.Cryptography;
using System.Text;

namespace MlaRequests.Domain;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 5): the same parts always give the same id, so a branch or
/// a clock can be addressed by the request and country (or subject and kind) without a lookup.
/// </summary>
public static class DeterministicGuid
{
    static readonly Guid Namespace = new("5b0c6e8e-2d7b-4f5a-9a53-6d1c0f4a7e21");

    /// <summary>The id named by <paramref name="parts"/>.</summary>
    public static Guid Create(params object[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var name = Encoding.UTF8.GetBytes(string.Join("|", parts.Select(p => p is Guid g ? g.ToString("D") : p.ToString())));
        var namespaceBytes = Namespace.ToByteArray(bigEndian: true);
        var hash = SHA1.HashData([.. namespaceBytes, .. name]);
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The branch of request <paramref name="requestId"/> sent to <paramref name="targetNode"/>.</summary>
    public static Guid Branch(Guid requestId, string targetNode) => Create("branch", requestId, targetNode);
}
