using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Tests.Incoming;
using MlaRequests.Tests.Infrastructure;

namespace MlaRequests.Tests.Upgrade;

/// <summary>
/// Cases registered before the file number existed (the previous release's fixture, opened from a copy, read only): they have none, the API
/// answers null, and every page shows "—" where the number would be; nothing breaks.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_case_registered_before_release_4_is_read : IAsyncLifetime
{
    UpgradedRegion _region = null!;

    public async Task InitializeAsync() => _region = await UpgradedRegion.OpenAsync(UpgradeFixture.Current);

    public async Task DisposeAsync() => await _region.DisposeAsync();

    [Fact]
    public async Task Every_incoming_case_shows_no_file_number_and_its_page_a_dash()
    {
        var kgLiaison = await _region.As("kg.liaison");
        var cases = await _region.Kg.Query(db => db.IncomingCaseWorkflows.Where(w => w.CurrentState != "Received").Select(c => c.CorrelationId).ToListAsync());
        cases.Should().NotBeEmpty("the fixture holds registered cases");
        var list = await kgLiaison.GetAsync("/api/incoming?pageSize=100");
        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("fileNumber").ValueKind).Should().OnlyContain(k => k == JsonValueKind.Null);
        var browser = await WebPages.SignInAsync(_region.Kg, "kg.liaison");
        foreach (var id in cases)
        {
            (await kgLiaison.GetAsync($"/api/incoming/{id}")).GetProperty("fileNumber").ValueKind.Should().Be(JsonValueKind.Null);
            (await WebPages.GetAsync(browser, $"/Incoming/{id}", "en")).Should().Contain("Our file no.: <strong>—</strong>").And.Contain("id=\"request-content\"");
        }
    }

    [Fact]
    public async Task Every_request_shows_no_file_number_of_theirs_and_the_list_a_dash()
    {
        var kzProsecutor = await _region.As("kz.prosecutor");
        var requests = await _region.Kz.Query(db => db.BranchWorkflows.Select(b => b.RequestId).Distinct().ToListAsync());
        var browser = await WebPages.SignInAsync(_region.Kz, "kz.prosecutor");
        foreach (var id in requests)
        {
            var response = await kzProsecutor.Client.GetAsync($"/api/requests/{id}");
            if (response.StatusCode != System.Net.HttpStatusCode.OK)
                continue; // another office's request
            var request = await response.Content.ReadFromJsonAsync<JsonElement>();
            request.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("remoteFileNumber").ValueKind).Should().OnlyContain(k => k == JsonValueKind.Null);
            (await WebPages.GetAsync(browser, $"/Requests/{id}", "ru")).Should().Contain("Номер производства запрашиваемой стороны");
        }
        (await WebPages.GetAsync(browser, "/Requests", "en")).Should().Contain("Their file no.").And.Contain("<td data-their-file-numbers>—</td>");
    }
}
