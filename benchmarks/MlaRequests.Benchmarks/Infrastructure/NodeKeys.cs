using MlaRequests.Node.Delivery;

namespace MlaRequests.Benchmarks.Infrastructure;

/// <summary>One set of keys per node for the run, in a key file (mode 0600) in its data directory; every node trusts every other (as scripts/region.sh sets them up).</summary>
static class BenchKeys
{
    static readonly Dictionary<string, (NodeKeyFile Keys, string PublicKey)> Keys =
        MlaRequests.Domain.NodeCode.Countries.Keys.ToDictionary(code => code, _ => NodeKeys.Generate());

    public static IEnumerable<KeyValuePair<string, string?>> SettingsFor(string code, string directory)
    {
        var file = Path.Combine(directory, $"bench-keys-{code.ToLowerInvariant()}.json");
        if (!File.Exists(file))
            Keys[code].Keys.Write(file);
        yield return new("CrossBorder:KeyFile", file);
        foreach (var (peer, keys) in Keys.Where(k => k.Key != code))
            yield return new($"CrossBorder:TrustedKeys:{peer}", keys.PublicKey);
    }
}
