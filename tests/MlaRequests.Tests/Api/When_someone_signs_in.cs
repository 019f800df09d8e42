using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;

namespace MlaRequests.Tests.Api;

/// <summary>
/// Sign-in is the one door open to anyone: it must not say whether an account exists, must slow guessing down, and must
/// not let an attacker lock the real user out by failing on purpose. The client address is the connection's; here a
/// test-only start-up filter sets it from <c>X-Test-Client</c>, as two machines would.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_someone_signs_in : IDisposable
{
    readonly TestDirectory _data = new();

    NodeFactory Node(IDictionary<string, string?>? settings = null) =>
        new(_data.Path, new FakeClock(Instant.FromUtc(2026, 3, 2, 9, 0)), settings, testServices: s => s.AddSingleton<IStartupFilter, ClientAddressFromHeader>());

    static Task<HttpResponseMessage> Login(HttpClient client, string address, string user, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { userName = user, password }) };
        request.Headers.Add("X-Test-Client", address);
        return client.SendAsync(request);
    }

    [Fact]
    public async Task An_unknown_user_a_wrong_password_and_a_locked_account_get_the_same_answer()
    {
        await using var node = Node();
        var client = node.CreateClient();

        var unknown = await Login(client, "10.0.0.1", "nobody.here", "Wrong!2026");
        var wrong = await Login(client, "10.0.0.2", "kz.liaison", "Wrong!2026");
        for (var i = 0; i < 5; i++)
            await Login(client, "10.0.0.3", "kz.liaison", "Wrong!2026");
        var locked = await Login(client, "10.0.0.3", "kz.liaison", "Demo!2026");

        foreach (var answer in new[] { unknown, wrong, locked })
            answer.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var details = await Task.WhenAll(new[] { unknown, wrong, locked }.Select(async a => (await a.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()));
        details.Distinct().Should().ContainSingle("the answer does not tell whether the account exists or is locked");
    }

    [Fact]
    public async Task The_sign_in_page_shows_one_message_for_an_unknown_user_and_a_wrong_password_and_limits_posts_per_address()
    {
        await using var node = Node(new Dictionary<string, string?> { ["SignIn:AttemptsPerAddress"] = "3" });
        var client = node.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        var form = await client.GetStringAsync("/Account/Login");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Task<HttpResponseMessage> Post(string user) => client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user, ["Password"] = "Wrong!2026", ["__RequestVerificationToken"] = token,
        }));
        static string Alert(string page) => System.Text.RegularExpressions.Regex.Match(page, "role=\"alert\">([^<]*)<").Groups[1].Value;

        var unknown = Alert(await (await Post("nobody.here")).Content.ReadAsStringAsync());
        var wrong = Alert(await (await Post("kz.liaison")).Content.ReadAsStringAsync());
        await Post(new string('x', 10_000));
        var refused = await Post("kz.liaison");

        unknown.Should().NotBeEmpty().And.Be(wrong);
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.Should().NotBeNull();
        (await node.Query(db => db.AuditEntries.AnyAsync(e => e.Actor.Length > 256))).Should().BeFalse();
    }

    [Fact]
    public async Task Too_many_attempts_from_one_address_are_refused_with_429_and_Retry_After()
    {
        await using var node = Node(new Dictionary<string, string?> { ["SignIn:AttemptsPerAddress"] = "3" });
        var client = node.CreateClient();
        for (var i = 0; i < 3; i++)
            (await Login(client, "10.0.0.9", $"guess{i}", "Wrong!2026")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var refused = await Login(client, "10.0.0.9", "kz.liaison", "Demo!2026");

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.Should().NotBeNull();
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await Login(client, "10.0.0.10", "kz.liaison", "Demo!2026")).StatusCode.Should().Be(HttpStatusCode.OK, "another address is not limited");
    }

    [Fact]
    public async Task Too_many_failures_on_one_account_from_many_addresses_are_refused_with_429()
    {
        await using var node = Node(new Dictionary<string, string?> { ["SignIn:FailuresPerAccount"] = "2" });
        var client = node.CreateClient();
        (await Login(client, "10.0.0.11", "kz.admin", "Demo!2026")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Login(client, "10.0.0.11", "kz.admin", "Demo!2026")).StatusCode.Should().Be(HttpStatusCode.OK, "successes do not count");
        await Login(client, "10.0.0.12", "kz.admin", "Wrong!2026");
        await Login(client, "10.0.0.13", "kz.admin", "Wrong!2026");

        var refused = await Login(client, "10.0.0.14", "kz.admin", "Demo!2026");

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.Should().NotBeNull();
    }

    [Fact]
    public async Task The_real_user_signs_in_from_their_address_while_an_attacker_hammers_the_account_from_another()
    {
        await using var node = Node();
        var client = node.CreateClient();
        for (var i = 0; i < 20; i++)
            (await Login(client, "203.0.113.66", "kz.liaison", $"Guess!{i}")).StatusCode.Should().BeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests);

        (await Login(client, "10.0.0.5", "kz.liaison", "Demo!2026")).StatusCode.Should().Be(HttpStatusCode.OK,
            "the attacker's failures lock their own address out of the account, not the real user's");
        (await Login(client, "203.0.113.66", "kz.liaison", "Demo!2026")).StatusCode.Should().NotBe(HttpStatusCode.OK,
            "the attacker's address stays locked even with the right password");
    }

    [Fact]
    public async Task A_huge_user_name_is_refused_naming_the_field_and_never_reaches_the_audit_log()
    {
        await using var node = Node();
        var client = node.CreateClient();
        var huge = new string('x', 10_000);

        var answer = await Login(client, "10.0.0.7", huge, "Wrong!2026");

        answer.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await answer.Content.ReadAsStringAsync()).Should().Contain("userName");
        (await node.Query(db => db.AuditEntries.AnyAsync(e => e.Actor.Length > 256))).Should().BeFalse();
    }

    public void Dispose() => _data.Dispose();

    /// <summary>Sets the connection's remote address from <c>X-Test-Client</c> (test only: a node trusts no such header).</summary>
    sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers["X-Test-Client"], out var address))
                    context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
