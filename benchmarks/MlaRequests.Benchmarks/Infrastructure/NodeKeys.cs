namespace MlaRequests.Benchmarks.Infrastructure;

/// <summary>One key pair per node for the run; every node trusts every other (as scripts/region.sh sets them up).</summary>
static class BenchKeys
{
    static readonly Dictionary<string, (string PrivateKey, string PublicKey)> Keys =
        MlaRequests.Domain.NodeCode.Countries.Keys.ToDictionary(code => code, _ => MlaRequests.Node.Delivery.NodeKeys.Generate());

    public static IEnumerable<KeyValuePair<string, string?>> SettingsFor(string code)
    {
        yield return new("CrossBorder:SigningKey", Keys[code].PrivateKey);
        foreach (var (peer, keys) in Keys.Where(k => k.Key != code))
            yield return new($"CrossBorder:TrustedKeys:{peer}", keys.PublicKey);
    }
}
