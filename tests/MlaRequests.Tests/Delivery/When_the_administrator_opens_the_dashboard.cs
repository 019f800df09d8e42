using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MlaRequests.Node.Delivery;
using MlaRequests.Node.Persistence;
using MlaRequests.Tests.Api;
using MlaRequests.Tests.Infrastructure;

namespace MlaRequests.Tests.Delivery;

/// <summary>The dashboard's link health shows the administrator how fast the quarantine grows.</summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed partial class When_the_administrator_opens_the_dashboard(ApiNode api) : IClassFixture<ApiNode>
{
    [Fact]
    public async Task It_shows_the_quarantine_of_the_last_hour_and_day_and_the_waiting_queues()
    {
        await using (var scope = api.Node.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NodeDbContext>();
            for (var i = 0; i < 3; i++)
                db.QuarantinedMessages.Add(new QuarantinedMessage { ReceivedAt = api.Now, Reason = "dashboard test", Body = "{}" });
            await db.SaveChangesAsync();
        }
        var browser = api.Node.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = true });
        var form = await browser.GetStringAsync("/Account/Login");
        var token = Token().Match(form).Groups[1].Value;
        (await browser.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = RequestSetup.Admin, ["Password"] = "Demo!2026", ["__RequestVerificationToken"] = token,
        }))).EnsureSuccessStatusCode();

        var page = await browser.GetAsync("/Dashboard");

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.Should().Contain("id=\"last-stops\"");
        Regex.Match(html, "data-quarantined=\"hour\"><td>[^<]*</td><td class=\"num\">(\\d+)</td>").Groups[1].Value.Should().Be("3");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
