using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;

namespace MlaRequests.Tests.Api;

/// <summary>
/// Supervisors and administrators see a banner on every page from 90 days before the last day any country's calendar
/// covers (31 December 2027 for all five): deadlines after it are counted without that country's holidays.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed partial class When_the_calendar_data_is_about_to_run_out
{
    [Theory]
    [InlineData("kz.supervisor", true)]
    [InlineData("kz.admin", true)]
    [InlineData("kz.prosecutor", false)]
    [InlineData("kz.liaison", false)]
    public async Task Supervisors_and_administrators_are_warned_from_ninety_days_before(string user, bool warned)
    {
        using var data = new TestDirectory();
        await using var node = new NodeFactory(data.Path, new FakeClock(Instant.FromUtc(2027, 10, 5, 6, 0)));

        var page = await SignedInPageAsync(node, user, "/Inbox");

        if (warned)
        {
            Warnings().Matches(page).Select(m => m.Groups[1].Value).Should().Equal("KG", "KZ", "TJ", "TM", "UZ");
            page.Should().Contain("2027-12-31").And.Contain("(87 days left)");
        }
        else
        {
            Warnings().IsMatch(page).Should().BeFalse();
        }
    }

    [Fact]
    public async Task No_one_is_warned_earlier()
    {
        using var data = new TestDirectory();
        await using var node = new NodeFactory(data.Path, new FakeClock(Instant.FromUtc(2027, 9, 1, 6, 0)));

        var page = await SignedInPageAsync(node, "kz.supervisor", "/Inbox");

        page.Should().Contain("tasks", "the page was rendered for the signed-in supervisor");
        Warnings().IsMatch(page).Should().BeFalse();
    }

    static async Task<string> SignedInPageAsync(NodeFactory node, string user, string path)
    {
        var client = node.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        var form = await client.GetStringAsync("/Account/Login");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var signIn = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user, ["Password"] = "Demo!2026", ["__RequestVerificationToken"] = token,
        }));
        signIn.IsSuccessStatusCode.Should().BeTrue();
        return await client.GetStringAsync(path);
    }

    [GeneratedRegex("data-calendar-warning=\"([A-Z]{2})\"")]
    private static partial Regex Warnings();
}
