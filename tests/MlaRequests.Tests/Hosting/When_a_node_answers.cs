using System.Net;
using System.Text.RegularExpressions;
using MassTransit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using MlaRequests.Node.Accounts;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;

namespace MlaRequests.Tests.Hosting;

/// <summary>What every answer of a node carries, and what a node tells and keeps to itself.</summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_node_answers : IDisposable
{
    readonly TestDirectory _data = new();

    NodeFactory Node(Action<IServiceCollection>? services = null) => new(_data.Path, new FakeClock(Instant.FromUtc(2026, 3, 2, 9, 0)), testServices: services);

    [Fact]
    public async Task A_page_and_an_API_answer_carry_the_security_headers_and_personal_data_is_not_cached()
    {
        await using var node = Node();
        var page = await node.CreateClient().GetAsync("/Account/Login");
        var api = await (await node.LoginAsync("kz.prosecutor")).Client.GetAsync("/api/requests");

        foreach (var answer in new[] { page, api })
        {
            answer.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
            answer.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
            answer.Headers.Contains("Referrer-Policy").Should().BeTrue();
            var csp = answer.Headers.GetValues("Content-Security-Policy").Single();
            csp.Should().Contain("frame-ancestors 'none'").And.Contain("script-src 'self'").And.NotContain("unsafe-inline");
            answer.Headers.CacheControl!.NoStore.Should().BeTrue();
        }
        page.Headers.Contains("Strict-Transport-Security").Should().BeFalse("HSTS is sent over HTTPS only");
    }

    [Fact]
    public async Task Over_HTTPS_the_session_cookie_is_Secure_HttpOnly_and_named_after_the_node_and_HSTS_is_sent()
    {
        await using var node = Node();
        var client = node.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://kz.node.example"), AllowAutoRedirect = false, HandleCookies = true,
        });
        var form = await client.GetAsync("/Account/Login");
        form.Headers.Contains("Strict-Transport-Security").Should().BeTrue();
        var token = Regex.Match(await form.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        var signedIn = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "kz.liaison", ["Password"] = "Demo!2026", ["__RequestVerificationToken"] = token,
        }));

        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var session = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mla.session.kz=", StringComparison.Ordinal));
        session.Should().Contain("secure").And.Contain("httponly").And.Contain("samesite=strict");
    }

    [Fact]
    public async Task Readiness_is_503_when_a_check_is_only_degraded()
    {
        await using var node = Node(s => s.AddHealthChecks().AddCheck("link", () => HealthCheckResult.Degraded("the broker link is dark"), tags: ["ready"]));
        var client = node.CreateClient();

        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK, "liveness checks no dependency");
    }

    [Fact]
    public async Task MassTransit_usage_telemetry_is_switched_off()
    {
        await using var node = Node();

        node.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled.Should().BeFalse(
            "the node must not post its host details and queue names to the vendor");
    }

    [Fact]
    public async Task A_token_of_a_user_the_node_no_longer_has_is_refused()
    {
        await using var node = Node();
        var liaison = await node.LoginAsync("kz.liaison");
        (await liaison.Client.GetAsync("/api/requests")).StatusCode.Should().Be(HttpStatusCode.OK);

        await using (var scope = node.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NodeUser>>();
            (await users.DeleteAsync((await users.FindByNameAsync("kz.liaison"))!)).Succeeded.Should().BeTrue();
        }

        (await liaison.Client.GetAsync("/api/requests")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    public void Dispose() => _data.Dispose();
}
