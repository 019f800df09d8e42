using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Node.Audit;
using MlaRequests.Node.Features.Audit;
using MlaRequests.Tests.Api;
using MlaRequests.Tests.Infrastructure;

namespace MlaRequests.Tests.Audit;

[Trait(Tier.Name, Tier.Integration)]
public sealed class When_the_audit_log_is_verified(ApiNode api) : IClassFixture<ApiNode>
{
    [Fact]
    public async Task Every_command_and_sign_in_is_a_row_chained_to_the_one_before()
    {
        var id = await api.RequestIn("InReview");

        var rows = await api.Node.Query(db => db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync());
        rows.Should().Contain(e => e.Action == "sign-in (Identity.Bearer)" && e.Actor == RequestSetup.Prosecutor && e.Outcome == "succeeded");
        rows.Should().Contain(e => e.Action == $"POST /api/requests/{id}/submit" && e.Actor == RequestSetup.Prosecutor
            && e.Subject == $"/api/requests/{id}" && e.Outcome == "202" && e.Address != string.Empty);
        rows.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, rows.Count).Select(i => (long)i));
        rows.Skip(1).Zip(rows).Should().OnlyContain(pair => pair.First.PreviousHash == pair.Second.Hash);
        AuditChain.FirstBreak(rows, null).Should().BeNull();
    }

    [Fact]
    public async Task A_failed_sign_in_is_recorded_with_the_name_tried()
    {
        var client = api.Node.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = "kz.liaison", password = "wrong password" });

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await api.Node.Query(db => db.AuditEntries.AnyAsync(e => e.Actor == "kz.liaison" && e.Outcome == "failed"))).Should().BeTrue();
    }

    [Fact]
    public async Task A_row_changed_in_the_database_is_named_as_the_first_broken_link()
    {
        await using var api = await OwnNode();
        await api.RequestIn("Draft");
        var supervisor = await api.As(RequestSetup.Supervisor);
        (await Verify(supervisor)).Intact.Should().BeTrue();
        var target = await api.Node.Query(db => db.AuditEntries.Where(e => e.Action.StartsWith("POST /api/requests")).Select(e => e.Sequence).FirstAsync());

        await api.Node.Query(db => db.Database.ExecuteSqlAsync($"UPDATE AuditLog SET Actor = 'someone.else' WHERE Sequence = {target}"));

        var verification = await Verify(supervisor);
        verification.Intact.Should().BeFalse();
        verification.FirstBrokenSequence.Should().Be(target);
        verification.RowsChecked.Should().Be(target - 1);
        verification.Reason.Should().Contain($"Row {target} was changed");
    }

    [Fact]
    public async Task A_deleted_row_is_named_as_missing()
    {
        await using var api = await OwnNode();
        await api.RequestIn("Draft");
        var last = await api.Node.Query(db => db.AuditEntries.MaxAsync(e => e.Sequence));

        await api.Node.Query(db => db.Database.ExecuteSqlAsync($"DELETE FROM AuditLog WHERE Sequence = {last - 1}"));

        var verification = await Verify(await api.As(RequestSetup.Admin));
        verification.FirstBrokenSequence.Should().Be(last - 1);
        verification.Reason.Should().Contain("missing");
    }

    [Fact]
    public async Task Prosecutors_and_liaison_officers_may_not_verify_the_chain()
    {
        foreach (var user in new[] { RequestSetup.Prosecutor, RequestSetup.Liaison })
            (await (await api.As(user)).Client.GetAsync("/api/audit/verify")).StatusCode.Should().Be(HttpStatusCode.Forbidden, user);
    }

    /// <summary>A node of the test's own: these tests damage the chain on purpose.</summary>
    static async Task<OwnApiNode> OwnNode()
    {
        var node = new OwnApiNode();
        await node.InitializeAsync();
        return node;
    }

    static async Task<AuditEndpoints.Verification> Verify(NodeApi user) =>
        (await user.Client.GetFromJsonAsync<AuditEndpoints.Verification>("/api/audit/verify"))!;

    sealed class OwnApiNode : IAsyncDisposable
    {
        readonly ApiNode _node = new();

        public Task InitializeAsync() => _node.InitializeAsync();

        public NodeFactory Node => _node.Node;

        public Task<NodeApi> As(string user) => _node.As(user);

        public Task<Guid> RequestIn(string status) => _node.RequestIn(status);

        public async ValueTask DisposeAsync() => await _node.DisposeAsync();
    }
}
