using MlaRequests.Domain;
using MlaRequests.Node.Delivery;

namespace MlaRequests.Tests.Infrastructure;

/// <summary>One key pair per node for the whole test run; every node trusts every other node's public key.</summary>
public static class TestKeys
{
    static readonly Dictionary<string, (string PrivateKey, string PublicKey)> Keys =
        NodeCode.Countries.Keys.ToDictionary(code => code, _ => NodeKeys.Generate());

    /// <summary>The settings that give node <paramref name="code"/> its key and the region's trust list.</summary>
    public static Dictionary<string, string?> SettingsFor(string code)
    {
        var settings = new Dictionary<string, string?> { ["CrossBorder:SigningKey"] = Keys[code].PrivateKey };
        foreach (var (peer, keys) in Keys.Where(k => k.Key != code))
            settings[$"CrossBorder:TrustedKeys:{peer}"] = keys.PublicKey;
        return settings;
    }

    /// <summary>The private key of <paramref name="code"/> (to forge nothing: tests sign what a real peer would).</summary>
    public static string PrivateKeyOf(string code) => Keys[code].PrivateKey;
}
