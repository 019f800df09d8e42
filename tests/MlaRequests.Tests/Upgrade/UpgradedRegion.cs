using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;

namespace MlaRequests.Tests.Upgrade;

/// <summary>
/// A copy of an upgrade fixture opened by this code: KZ and KG in-process on the fixture's databases (migrations run at
/// start, as a node does), their clock where the old release left it, their envelopes carried between their buses.
/// Every answer to their clients is checked against this release's OpenAPI document.
/// </summary>
public sealed class UpgradedRegion : IAsyncDisposable
{
    readonly TestDirectory _data = new();
    readonly Dictionary<string, NodeApi> _logins = new(StringComparer.Ordinal);

    UpgradedRegion(UpgradeManifest manifest)
    {
        Manifest = manifest;
        Clock = new FakeClock(manifest.Clock);
        Kz = Open("KZ");
        Kg = Open("KG");
    }

    public UpgradeManifest Manifest { get; }

    public FakeClock Clock { get; }

    public NodeFactory Kz { get; }

    public NodeFactory Kg { get; }

    /// <summary>Copies fixture <paramref name="name"/> and starts both nodes on it.</summary>
    public static async Task<UpgradedRegion> OpenAsync(string name = UpgradeFixture.Current)
    {
        var folder = UpgradeFixture.Folder(name);
        var manifest = JsonSerializer.Deserialize<UpgradeManifest>(await File.ReadAllTextAsync(Path.Combine(folder, "manifest.json")), UpgradeFixture.Json)!;
        var region = new UpgradedRegion(manifest);
        foreach (var code in new[] { "KZ", "KG" })
        {
            var data = Path.Combine(region._data.Path, code.ToLowerInvariant());
            Directory.CreateDirectory(data);
            File.Copy(UpgradeFixture.DatabaseOf(folder, code), UpgradeFixture.DatabaseOf(data, code));
        }
        await UpgradeFixture.BridgeAsync(region.Kz, region.Kg);
        await UpgradeFixture.BridgeAsync(region.Kg, region.Kz);
        return region;
    }

    NodeFactory Open(string code) => new(Path.Combine(_data.Path, code.ToLowerInvariant()), Clock, code: code) { ChecksContract = true };

    /// <summary>The node of <paramref name="code"/>.</summary>
    public NodeFactory Node(string code) => code == "KZ" ? Kz : Kg;

    /// <summary>The instance labelled <paramref name="label"/> in the manifest (a request's id on KZ; its KG branch and case share one id).</summary>
    public FixtureInstance Instance(string label, string workflow) =>
        Manifest.Instances.SingleOrDefault(i => i.Label == label && i.Workflow == workflow)
        ?? throw new InvalidOperationException($"The fixture has no {workflow} labelled '{label}'.");

    /// <summary>A client signed in as <paramref name="user"/> on its node (one sign-in per account: the node limits them).</summary>
    public async Task<NodeApi> As(string user)
    {
        if (!_logins.TryGetValue(user, out var api))
            _logins[user] = api = await Node(user[..2].ToUpperInvariant()).LoginAsync(user);
        return api;
    }

    /// <summary>The state machine <typeparamref name="TMachine"/> as the node built it.</summary>
    public TMachine Machine<TMachine>(NodeFactory node)
        where TMachine : class => node.Services.GetRequiredService<TMachine>();

    /// <summary>Lets both nodes' outbox dispatchers look at the (fake) clock.</summary>
    public async Task DispatchRounds(int rounds)
    {
        await Kz.DispatchRounds(rounds);
        await Kg.DispatchRounds(rounds);
    }

    public Instant Now => Clock.GetCurrentInstant();

    public async ValueTask DisposeAsync()
    {
        await Kz.DisposeAsync();
        await Kg.DisposeAsync();
        _data.Dispose();
    }
}
