using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;

namespace MlaRequests.Tests.Processes;

/// <summary>
/// Several nodes run on one host as one operating-system user (the demo region does). Each must trust only the tokens and
/// cookies it issued: ASP.NET Core's default key ring is per user, and cookies ignore the port, so a Kyrgyz token read
/// Kazakh data and a browser signed in on one node was signed in on all of them. The in-memory transport is enough here.
/// </summary>
[Trait(Tier.Name, Tier.System)]
public sealed class When_two_nodes_run_on_one_host : IDisposable
{
    static readonly Dictionary<string, string?> Demo = new() { ["Demo:SeedAccounts"] = "true" };
    readonly TestDirectory _data = new();

    [Fact]
    public async Task A_token_or_cookie_of_one_node_is_refused_by_the_other_and_nothing_is_written()
    {
        await using var kz = new NodeProcess("KZ", Path.Combine(_data.Path, "kz"), Demo);
        await using var kg = new NodeProcess("KG", Path.Combine(_data.Path, "kg"), Demo);
        await Task.WhenAll(kz.StartAsync(), kg.StartAsync());
        var kazakh = await (await kz.ApiAsync("kz.prosecutor")).CreateAsync(TestContent.Complete(LegalBasis.Chisinau2002, "KG"));
        var kyrgyzAdmin = await kg.ApiAsync("kg.admin");
        var kyrgyzLiaison = await kg.ApiAsync("kg.liaison");

        using var onKz = new HttpClient { BaseAddress = kz.Client.BaseAddress };
        onKz.DefaultRequestHeaders.Authorization = kyrgyzAdmin.Client.DefaultRequestHeaders.Authorization;
        (await onKz.GetAsync("/api/requests")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a Kyrgyz token reads nothing on KZ");
        (await onKz.GetAsync("/api/audit/verify")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        onKz.DefaultRequestHeaders.Authorization = kyrgyzLiaison.Client.DefaultRequestHeaders.Authorization;
        using var note = new HttpRequestMessage(HttpMethod.Post, $"/api/requests/{kazakh.Id}/notes") { Content = JsonContent.Create(new { text = "from Bishkek" }) };
        note.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        (await onKz.SendAsync(note)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a Kyrgyz token writes nothing on KZ");

        var cookies = await SignInOnPageAsync(kg.Client.BaseAddress!, "kg.liaison");
        using var browserOnKz = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = kz.Client.BaseAddress };
        using var page = new HttpRequestMessage(HttpMethod.Get, "/Inbox");
        page.Headers.Add("Cookie", cookies);
        var answer = await browserOnKz.SendAsync(page);
        answer.StatusCode.Should().Be(HttpStatusCode.Redirect, "a browser signed in on KG is not signed in on KZ");
        answer.Headers.Location!.OriginalString.Should().Contain("/Account/Login");

        await using var database = new SqliteConnection($"Data Source={Path.Combine(_data.Path, "kz", "node-kz.db")}");
        await database.OpenAsync();
        (await Count(database, "SELECT COUNT(*) FROM AuditLog WHERE Actor LIKE 'kg.%'")).Should().Be(0, "no row on KZ is written under a Kyrgyz user");
        (await Count(database, "SELECT COUNT(*) FROM RequestNotes")).Should().Be(0, "no note is written");
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Its_data_directory_database_and_key_ring_are_readable_by_its_own_user_only()
    {
        var data = Path.Combine(_data.Path, "kz");
        await using var kz = new NodeProcess("KZ", data, Demo);
        await kz.StartAsync();
        await kz.ApiAsync("kz.prosecutor");

        File.GetUnixFileMode(data).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var keyRing = Path.Combine(data, "data-protection");
        File.GetUnixFileMode(keyRing).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var files = Directory.EnumerateFiles(data, "node-kz.db*").Concat(Directory.EnumerateFiles(keyRing)).ToList();
        files.Should().Contain(f => f.EndsWith(".db", StringComparison.Ordinal)).And.Contain(f => f.EndsWith(".xml", StringComparison.Ordinal));
        files.Should().OnlyContain(f => File.GetUnixFileMode(f) == (UnixFileMode.UserRead | UnixFileMode.UserWrite), "other accounts on the host read none of them");
    }

    [Fact]
    public async Task Started_from_another_directory_it_still_reads_its_appsettings_and_serves_its_pages()
    {
        var elsewhere = Path.Combine(_data.Path, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        await using var kz = new NodeProcess("KZ", Path.Combine(_data.Path, "kz"), Demo, workingDirectory: elsewhere);
        await kz.StartAsync();

        (await kz.Client.GetAsync("/css/site.css")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await kz.Client.GetAsync("/Account/Login")).StatusCode.Should().Be(HttpStatusCode.OK);
        await Consistently.For(TestTimeouts.Quiet, () => Task.FromResult(!kz.Log.Contains("Request starting", StringComparison.Ordinal)),
            "appsettings.json sets Microsoft.AspNetCore to Warning, so requests are not logged one by one");
        kz.Log.Should().Contain("Now listening on", "the log itself is there");
    }

    static async Task<long> Count(SqliteConnection database, string sql)
    {
        await using var command = database.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Signs in through the sign-in page as a browser does, and returns the cookies it got.</summary>
    static async Task<string> SignInOnPageAsync(Uri node, string user)
    {
        var jar = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = node };
        var form = await browser.GetStringAsync("/Account/Login");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var signedIn = await browser.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user, ["Password"] = "Demo!2026", ["__RequestVerificationToken"] = token,
        }));
        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect, "the demo account signs in on its own node");
        (await browser.GetAsync("/Inbox")).StatusCode.Should().Be(HttpStatusCode.OK, "the cookie works on the node that issued it");
        return jar.GetCookieHeader(node);
    }

    public void Dispose() => _data.Dispose();
}
