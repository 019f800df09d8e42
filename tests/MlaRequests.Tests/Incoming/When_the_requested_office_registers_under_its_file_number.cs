using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MlaRequests.Contracts;
using MlaRequests.Domain;
using MlaRequests.Tests.Api;
using MlaRequests.Tests.Infrastructure;
using static MlaRequests.Tests.Api.RequestSetup;

namespace MlaRequests.Tests.Incoming;

/// <summary>
/// Registration under the requested office's own file number (issue 16): kept with the case, shown on its page and in the list, sent to the
/// requesting node at the end of <see cref="IncomingRequestRegistered"/>; on the requesting node shown per country as their file number.
/// This node plays both sides: the requested country for a request from KG, the requesting country for its own request to KG.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_the_requested_office_registers_under_its_file_number(ApiNode api) : IClassFixture<ApiNode>
{
    const string Number = "KZ-GP 2-17/26";

    [Fact]
    public async Task The_number_is_kept_shown_and_sent_to_the_requesting_country()
    {
        var id = await api.ReceiveFromKg();
        var liaison = await api.As(Liaison);

        await liaison.StepAsync($"/api/incoming/{id}/register", new { fileNumber = $"  {Number} " });

        await Eventually.Until(() => api.Kg.About(id).OfType<IncomingRequestRegistered>().Any(), TestTimeouts.Workflow, "KG to hear of the registration");
        api.Kg.About(id).OfType<IncomingRequestRegistered>().Single().FileNumber.Should().Be(Number);
        (await liaison.GetAsync($"/api/incoming/{id}")).GetProperty("fileNumber").GetString().Should().Be(Number);
        Row(await liaison.GetAsync("/api/incoming?pageSize=100"), id).GetProperty("fileNumber").GetString().Should().Be(Number);
        var browser = await WebPages.SignInAsync(api, Liaison);
        (await WebPages.GetAsync(browser, $"/Incoming/{id}", "en")).Should().Contain("Our file no.: <strong>KZ-GP 2-17/26</strong>");
        (await WebPages.GetAsync(browser, $"/Incoming/{id}", "ru")).Should().Contain("Номер нашего производства: <strong>KZ-GP 2-17/26</strong>");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2-17\n26")]
    [InlineData("12345678901234567890123456789012345678901234567890123456789012345")]
    public async Task A_bad_number_is_a_400_naming_the_field_and_nothing_changes(string number)
    {
        var id = await api.ReceiveFromKg();
        var liaison = await api.As(Liaison);

        var response = await liaison.PostAsync($"/api/incoming/{id}/register", new { fileNumber = number });

        (await response.ErrorFieldsAsync()).Should().Equal("fileNumber");
        await api.Settled();
        (await api.Node.Incoming(id))!.CurrentState.Should().Be("Received");
        (await liaison.GetAsync($"/api/incoming/{id}")).GetProperty("fileNumber").ValueKind.Should().Be(JsonValueKind.Null);
        api.Kg.About(id).OfType<IncomingRequestRegistered>().Should().BeEmpty();
    }

    [Fact]
    public async Task A_supervisor_may_not_register_403()
    {
        var id = await api.ReceiveFromKg();

        await (await (await api.As(Supervisor)).PostAsync($"/api/incoming/{id}/register", new { fileNumber = Number })).ShouldBeAsync(HttpStatusCode.Forbidden);
        (await api.Node.Incoming(id))!.CurrentState.Should().Be("Received");
    }

    [Fact]
    public async Task A_registration_sent_twice_with_one_key_registers_once()
    {
        var id = await api.ReceiveFromKg();
        var client = await api.RawClient(Liaison);
        var key = Guid.NewGuid().ToString("N");

        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/incoming/{id}/register") { Content = JsonContent.Create(new { fileNumber = Number }) };
            request.Headers.Add("Idempotency-Key", key);
            (await client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        }

        await Eventually.Until(() => api.Kg.About(id).OfType<IncomingRequestRegistered>().Any(), TestTimeouts.Workflow, "KG to hear of the registration");
        await api.Settled();
        api.Kg.About(id).OfType<IncomingRequestRegistered>().Should().ContainSingle();
    }

    [Fact]
    public async Task The_web_form_asks_for_the_number_and_refuses_an_empty_one()
    {
        var id = await api.ReceiveFromKg();
        var browser = await WebPages.SignInAsync(api, Liaison);
        var page = await WebPages.GetAsync(browser, $"/Incoming/{id}", "ru");
        page.Should().Contain("placeholder=\"Номер производства в нашем ведомстве (обязательно)\"");

        var empty = await WebPages.PostStepAsync(browser, page, id, "register", "");
        (await api.Node.Incoming(id))!.CurrentState.Should().Be("Received", empty);

        await WebPages.PostStepAsync(browser, page, id, "register", Number);
        await api.Node.IncomingIn(id, "Registered");
        (await WebPages.GetAsync(browser, $"/Incoming/{id}", "en")).Should().Contain(Number);
    }

    [Fact]
    public async Task The_requesting_side_shows_their_number_per_country_on_the_request_and_in_the_list()
    {
        var (request, branch) = await api.BranchIn("Transmitted");
        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", new IncomingRequestRegistered(branch, "KG", "kg.liaison", api.Now, "KG-GP 05-311/26"), api.Now));
        await api.Node.BranchIn(branch, "Acknowledged");
        var prosecutor = await api.As(Prosecutor);

        Target(await prosecutor.GetAsync($"/api/requests/{request}"), "KG").GetProperty("remoteFileNumber").GetString().Should().Be("KG-GP 05-311/26");
        var row = Row(await prosecutor.GetAsync("/api/requests?pageSize=100"), request);
        row.GetProperty("fileNumbers")[0].GetProperty("country").GetString().Should().Be("KG");
        row.GetProperty("fileNumbers")[0].GetProperty("fileNumber").GetString().Should().Be("KG-GP 05-311/26");
        var browser = await WebPages.SignInAsync(api, Prosecutor);
        (await WebPages.GetAsync(browser, $"/Requests/{request}", "ru")).Should().Contain("Номер производства запрашиваемой стороны")
            .And.Contain("data-their-file-number=\"KG-GP 05-311/26\"");
        (await WebPages.GetAsync(browser, "/Requests", "en")).Should().Contain("Their file no.").And.Contain("KG: KG-GP 05-311/26");
    }

    [Fact]
    public async Task A_peer_of_release_3_registers_without_a_number_and_the_request_shows_a_dash()
    {
        var (request, branch) = await api.BranchIn("Acknowledged");
        var prosecutor = await api.As(Prosecutor);

        Target(await prosecutor.GetAsync($"/api/requests/{request}"), "KG").GetProperty("remoteFileNumber").ValueKind.Should().Be(JsonValueKind.Null);
        Row(await prosecutor.GetAsync("/api/requests?pageSize=100"), request).GetProperty("fileNumbers").GetArrayLength().Should().Be(0);
        var browser = await WebPages.SignInAsync(api, Prosecutor);
        (await WebPages.GetAsync(browser, $"/Requests/{request}", "en")).Should().Contain("<td data-their-file-number=\"\">—</td>");
        (await api.Node.BranchIn(branch, "Acknowledged")).RemoteFileNumber.Should().BeNull();
    }

    [Fact]
    public async Task An_API_client_of_release_3_registers_without_a_number_and_the_case_shows_a_dash()
    {
        var id = await api.ReceiveFromKg();
        var liaison = await api.As(Liaison);

        await liaison.StepAsync($"/api/incoming/{id}/register", new { });

        await api.Node.IncomingIn(id, "Registered");
        await Eventually.Until(() => api.Kg.About(id).OfType<IncomingRequestRegistered>().Any(), TestTimeouts.Workflow, "KG to hear of the registration");
        api.Kg.About(id).OfType<IncomingRequestRegistered>().Single().FileNumber.Should().BeNull();
        var browser = await WebPages.SignInAsync(api, Liaison);
        (await WebPages.GetAsync(browser, $"/Incoming/{id}", "en")).Should().Contain("Our file no.: <strong>—</strong>");
    }

    static JsonElement Row(JsonElement page, Guid id) => page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id);

    static JsonElement Target(JsonElement request, string country) =>
        request.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("country").GetString() == country);
}
