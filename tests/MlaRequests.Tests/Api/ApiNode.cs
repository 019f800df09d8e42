using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Contracts;
using MlaRequests.Domain.Requests;
using MlaRequests.Engine.Outbox;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;

namespace MlaRequests.Tests.Api;

/// <summary>
/// One in-process KZ node for a test class (the tests of a class run one after another), with a
/// fake clock, signed-in clients per demo account, and a listener on KG's inbound queue that
/// records what this node sends to the Kyrgyz node. Every answer its clients receive is checked against the node's
/// OpenAPI document.
/// </summary>
public sealed class ApiNode : IAsyncLifetime
{
    readonly TestDirectory _data = new();
    readonly ConcurrentDictionary<string, Lazy<Task<NodeApi>>> _logins = new(StringComparer.Ordinal);
    BusActivity _activity = null!;

    public ApiNode() => Node = new NodeFactory(_data.Path, Clock, SignInLimit) { ChecksContract = true };

    /// <summary>
    /// The sign-in limit per address (60 a minute in production) raised for these tests: a class that signs in once per theory case (every
    /// contract of <c>PeerAuthorization</c> times four) would otherwise be throttled. The limit itself is tested with its own node.
    /// </summary>
    static Dictionary<string, string?> SignInLimit => new() { ["SignIn:AttemptsPerAddress"] = "1000" };

    public FakeClock Clock { get; } = new(Instant.FromUtc(2026, 5, 4, 9, 30));

    public NodeFactory Node { get; }

    /// <summary>Messages this node sent to KG (its inbound queue), in arrival order.</summary>
    public SentToCountry Kg { get; private set; } = null!;

    public Instant Now => Clock.GetCurrentInstant();

    public LocalDate Today => Now.InUtc().Date;

    public async Task InitializeAsync()
    {
        _activity = BusActivity.On(Node.Bus);
        Kg = await SentToCountry.ListenAsync(Node, "KG");
    }

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        _data.Dispose();
    }

    /// <summary>A client signed in as <paramref name="user"/> (one login per account and node).</summary>
    public Task<NodeApi> As(string user) => _logins.GetOrAdd(user, u => new Lazy<Task<NodeApi>>(() => Node.LoginAsync(u))).Value;

    /// <summary>A client with <paramref name="user"/>'s token but no automatic Idempotency-Key (or, for null, no token at all).</summary>
    public async Task<HttpClient> RawClient(string? user)
    {
        var client = Node.CreateCheckedClient();
        if (user is not null)
            client.DefaultRequestHeaders.Authorization = (await As(user)).Client.DefaultRequestHeaders.Authorization;
        return client;
    }

    /// <summary>The highest outbox sequence number ever issued (AUTOINCREMENT): grows with every message written, even after delivery deletes the row.</summary>
    public Task<long> OutboxHighWater() => Node.Query(async db =>
        await db.Database.SqlQueryRaw<long>("SELECT seq AS \"Value\" FROM sqlite_sequence WHERE name = 'OutboxMessages'").SingleOrDefaultAsync());

    public Task<int> TimelineCount(Guid subjectId) => Node.Query(db => db.Timeline.CountAsync(t => t.SubjectId == subjectId));

    public Task<List<MlaRequests.Domain.Timeline.TimelineEntry>> Timeline(Guid subjectId) =>
        Node.Query(db => db.Timeline.Where(t => t.SubjectId == subjectId).OrderBy(t => t.Id).ToListAsync());

    /// <summary>
    /// Waits until the node has drained: no outbox row and no cross-border message due, nothing on its bus handed and not
    /// yet received (<see cref="BusActivity"/>), no receive in progress, and nothing handed or received while the outbox
    /// was read. Setup cascades such as clocks have then landed.
    /// </summary>
    public Task Settled() => _activity.DrainedAsync(now => Node.Query(db => BusActivity.DueAsync(db, now)), Now);

    /// <summary>Sends this node a request as KG's node would transmit it; returns the incoming case id once it is Received.</summary>
    public async Task<Guid> ReceiveFromKg(RequestContent? content = null, bool urgent = false)
    {
        content ??= TestContent.Complete(LegalBasis.Chisinau2002, "KZ");
        var caseId = Guid.NewGuid();
        await TestEnvelopes.DeliverAsync(Node, TestEnvelopes.Signed("KG", "KZ", new RequestTransmitted(caseId, Guid.NewGuid(),
            $"KG-2026-{Random.Shared.Next(1, 999_999):D6}", "KG", "KZ", content.Kind.ToString(), (content.LegalBasis ?? LegalBasis.Chisinau2002).ToString(),
            urgent, content.Measures.Any(m => m.IsProvisional), RequestContentJson.Version, RequestContentJson.Serialize(content), "kg.liaison", Now), Now));
        await Node.IncomingIn(caseId, "Received");
        return caseId;
    }
}
