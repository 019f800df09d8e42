using System.Reflection;
using System.Text.Json;
using MlaRequests.Contracts;
using MlaRequests.Contracts.Versions;
using MlaRequests.Domain;
using MlaRequests.Engine.Outbox;

namespace MlaRequests.Node.Delivery;

/// <summary>The contracts nodes exchange, by name and version, and how a send is recognised as cross-border.</summary>
public static class CrossBorderContracts
{
    /// <summary>
    /// The highest contract version this release speaks: every contract whose <see cref="SinceVersionAttribute"/> is at most
    /// this. A node may be pinned lower for a staged roll-out (<c>CrossBorder:ContractVersion</c>).
    /// </summary>
    public const int Version = 4;

    /// <summary>The version that introduced <paramref name="type"/>: its <see cref="SinceVersionAttribute"/>, or 1.</summary>
    public static int VersionOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.GetCustomAttribute<SinceVersionAttribute>()?.Version ?? 1;
    }

    static readonly Dictionary<string, Type> Types = typeof(CrossBorderEnvelope).Assembly.GetExportedTypes()
        .Where(t => t.Namespace == typeof(CrossBorderEnvelope).Namespace && t != typeof(CrossBorderEnvelope) && t.IsClass)
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>The contract type named <paramref name="name"/>, if known.</summary>
    public static Type? TypeOf(string name) => Types.GetValueOrDefault(name);

    /// <summary>True for a contract type.</summary>
    public static bool IsContract(Type type) => Types.TryGetValue(type.Name, out var known) && known == type;

    /// <summary>The branch a contract belongs to (every contract has a <c>BranchId</c>).</summary>
    public static Guid CorrelationOf(object contract) =>
        contract.GetType().GetProperty("BranchId", BindingFlags.Public | BindingFlags.Instance)?.GetValue(contract) as Guid?
        ?? throw new InvalidOperationException($"{contract.GetType().Name} has no BranchId.");

    /// <summary>The contract as JSON.</summary>
    public static string Serialize(object contract) => JsonSerializer.Serialize(contract, contract.GetType(), MessageJson.Options);

    /// <summary>The contract read from JSON, or null when the payload does not fit the type.</summary>
    public static object? Deserialize(string payload, Type type)
    {
        try
        {
            return JsonSerializer.Deserialize(payload, type, MessageJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The node an address like <c>…/kg-inbound</c> belongs to.</summary>
    public static bool TryGetRecipient(Uri? destination, out string node)
    {
        node = string.Empty;
        var last = destination?.AbsolutePath.TrimEnd('/').Split('/', ':').LastOrDefault() ?? destination?.ToString().Split(':').Last();
        if (last is null || !last.EndsWith("-inbound", StringComparison.Ordinal))
            return false;
        node = last[..^"-inbound".Length].ToUpperInvariant();
        return NodeCode.IsKnown(node);
    }
}
