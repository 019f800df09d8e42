using System.Net;
using System.Net.Http.Json;
using System.Text;
using MlaRequests.Contracts;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using MlaRequests.Workflows.Deadlines;
using NodaTime;
using static MlaRequests.Tests.Api.RequestSetup;

namespace MlaRequests.Tests.Api;

/// <summary>Bad input is a 400 naming the field, and nothing is created, changed or sent.</summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_the_input_is_wrong(ApiNode api) : IClassFixture<ApiNode>
{
    [Theory]
    [InlineData(new[] { "XX" }, "targets[0]")]
    [InlineData(new[] { "KG", "RU" }, "targets[1]")]
    [InlineData(new[] { "KZ" }, "targets[0]")]
    [InlineData(new[] { "KG", "KG" }, "targets")]
    public async Task A_request_to_a_country_outside_the_region_or_to_itself_is_not_created(string[] targets, string field)
    {
        var prosecutor = await api.As(Prosecutor);
        var total = (await prosecutor.GetAsync("/api/requests")).GetProperty("total").GetInt32();
        var content = TestContent.Complete(LegalBasis.Untoc, targets);

        var response = await prosecutor.Client.PostAsJsonAsync("/api/requests", content, RequestContentJson.Options);

        (await response.ErrorFieldsAsync()).Should().Equal(field);
        (await prosecutor.GetAsync("/api/requests")).GetProperty("total").GetInt32().Should().Be(total, "no draft was created");
    }

    [Fact]
    public async Task An_edit_to_an_unknown_country_is_refused_and_the_draft_keeps_its_content()
    {
        var id = await api.RequestIn("Draft");
        var prosecutor = await api.As(Prosecutor);

        var response = await prosecutor.Client.PutAsJsonAsync($"/api/requests/{id}", TestContent.Complete(LegalBasis.Untoc, "XX"), RequestContentJson.Options);

        (await response.ErrorFieldsAsync()).Should().Equal("targets[0]");
        var view = await prosecutor.GetAsync($"/api/requests/{id}");
        view.GetProperty("revision").GetInt32().Should().Be(1);
        view.GetProperty("content").GetProperty("targets").EnumerateArray().Select(t => t.GetString()).Should().Equal("KG");
    }

    [Fact]
    public async Task A_body_that_is_not_json_or_names_an_unknown_legal_basis_is_a_400_not_a_500()
    {
        var prosecutor = await api.As(Prosecutor);

        var broken = await prosecutor.Client.PostAsync("/api/requests", new StringContent("{ \"targets\": [\"KG\"", Encoding.UTF8, "application/json"));
        var unknown = await prosecutor.Client.PostAsync("/api/requests",
            new StringContent("{ \"legalBasis\": \"Atlantis1900\", \"targets\": [\"KG\"] }", Encoding.UTF8, "application/json"));

        await broken.ShouldBeAsync(HttpStatusCode.BadRequest);
        await unknown.ShouldBeAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/api/requests?country=RU", "country")]
    [InlineData("/api/requests?page=0", "page")]
    [InlineData("/api/requests?pageSize=500", "pageSize")]
    [InlineData("/api/deadlines?state=soon", "state")]
    [InlineData("/api/deadlines", "state")]
    public async Task A_query_with_a_bad_parameter_names_it(string path, string field)
    {
        var response = await (await api.As(Supervisor)).Client.GetAsync(path);

        (await response.ErrorFieldsAsync()).Should().Equal(field);
    }

    public static TheoryData<string, object> BadRefusals() => new()
    {
        { "grounds", new { reasons = "Not an offence here." } },
        { "grounds", new { grounds = Array.Empty<string>(), reasons = "Not an offence here." } },
        { "grounds", new { grounds = new[] { "FISCAL" }, reasons = "It is a tax matter." } },
        { "grounds", new { grounds = new[] { "fiscal" }, reasons = "It is a tax matter." } },
        { "grounds", new { grounds = new[] { "DUAL_CRIMINALITY", "FISCAL" }, reasons = "Tax matter, and not an offence here." } },
        { "grounds", new { grounds = new[] { "TOO_BUSY" }, reasons = "No staff." } },
        { "reasons", new { grounds = new[] { "DUAL_CRIMINALITY" } } },
    };

    [Theory]
    [MemberData(nameof(BadRefusals))]
    public async Task A_refusal_without_a_valid_coded_ground_and_reasons_is_refused_and_the_case_stays_assigned(string field, object body)
    {
        var id = await api.CaseIn("Assigned");
        var told = api.Kg.About(id).Count;
        var outbox = await api.OutboxHighWater();

        var response = await (await api.As(Liaison)).PostAsync($"/api/incoming/{id}/refuse", body);

        (await response.ErrorFieldsAsync()).Should().Equal(field);
        (await api.OutboxHighWater()).Should().Be(outbox);
        await api.Settled();
        (await api.Node.Incoming(id))!.CurrentState.Should().Be("Assigned");
        api.Kg.About(id).Should().HaveCount(told, "KG is not told of a refusal that did not happen");
    }

    [Theory]
    [InlineData(-1, "until")]
    [InlineData(0, "until")]
    [InlineData(null, "until")]
    public async Task A_postponement_not_into_the_future_is_refused_naming_until(int? days, string field)
    {
        var id = await api.CaseIn("Assigned");
        var outbox = await api.OutboxHighWater();
        var until = days is { } d ? api.Today.PlusDays(d) : (LocalDate?)null;

        var response = await (await api.As(Liaison)).PostAsync($"/api/incoming/{id}/postpone", new { reason = "Our own investigation first.", until });

        (await response.ErrorFieldsAsync()).Should().Equal(field);
        (await api.OutboxHighWater()).Should().Be(outbox);
        (await api.Node.Incoming(id))!.CurrentState.Should().Be("Assigned");
    }

    [Fact]
    public async Task A_postponement_without_a_reason_is_refused_naming_reason()
    {
        var id = await api.CaseIn("Assigned");

        var response = await (await api.As(Liaison)).PostAsync($"/api/incoming/{id}/postpone", new { until = api.Today.PlusDays(10) });

        (await response.ErrorFieldsAsync()).Should().Equal("reason");
    }

    [Fact]
    public async Task The_recognition_period_is_extended_once_and_a_second_extension_is_refused()
    {
        var id = await api.CaseIn("Assigned");
        var liaison = await api.As(Liaison);
        var due = Recognition(await api.Node.Clocks(id)).DueAt;

        await liaison.StepAsync($"/api/incoming/{id}/extend-recognition", new { extension = "P20D", reasons = "The bank needs a court order." });
        var extended = await Eventually.Until(async () => Recognition(await api.Node.Clocks(id)), c => c.Extended, TestTimeouts.Workflow, "the extension");
        extended.DueAt.Should().Be(due + Duration.FromDays(20), "calendar days: twenty more");
        (await api.Kg.Receives<RecognitionPeriodExtended>(id)).Extension.Should().Be(Period.FromDays(20));
        await api.Settled();
        var outbox = await api.OutboxHighWater();

        var second = await liaison.PostAsync($"/api/incoming/{id}/extend-recognition", new { extension = "P5D", reasons = "Still waiting." });

        (await second.ErrorFieldsAsync()).Should().Equal("extension");
        (await api.OutboxHighWater()).Should().Be(outbox);
        Recognition(await api.Node.Clocks(id)).DueAt.Should().Be(extended.DueAt);
    }
    [Fact]
    public async Task A_second_extension_sent_right_after_the_first_is_refused()
    {
        var id = await api.CaseIn("Assigned");
        var liaison = await api.As(Liaison);

        var first = await liaison.PostAsync($"/api/incoming/{id}/extend-recognition", new { extension = "P20D", reasons = "The bank needs a court order." });
        var second = await liaison.PostAsync($"/api/incoming/{id}/extend-recognition", new { extension = "P10D", reasons = "And a second one." });

        await first.ShouldBeAsync(HttpStatusCode.Accepted);
        await api.Settled();
        api.Kg.About(id).OfType<RecognitionPeriodExtended>().Should().ContainSingle("the period may be extended only once");
        (await api.Timeline(id)).Count(e => e.Action == "Recognition period extended").Should().Be(1);
        (await second.ErrorFieldsAsync()).Should().Equal("extension");
    }

    [Theory]
    [InlineData("P31D")]
    [InlineData("P5W")]
    [InlineData("P2M")]
    [InlineData("P0D")]
    [InlineData("P-3D")]
    [InlineData("P1DT2H")]
    [InlineData("thirty days")]
    [InlineData(null)]
    public async Task An_extension_beyond_the_30_day_maximum_or_not_a_period_of_days_is_refused(string? extension)
    {
        var id = await api.CaseIn("Assigned");
        var outbox = await api.OutboxHighWater();

        var response = await (await api.As(Liaison)).PostAsync($"/api/incoming/{id}/extend-recognition", new { extension, reasons = "More time needed." });

        (await response.ErrorFieldsAsync()).Should().Equal("extension");
        (await api.OutboxHighWater()).Should().Be(outbox);
        Recognition(await api.Node.Clocks(id)).Extended.Should().BeFalse();
    }

    [Fact]
    public async Task An_extension_of_exactly_30_days_is_accepted()
    {
        var id = await api.CaseIn("Assigned");
        var due = Recognition(await api.Node.Clocks(id)).DueAt;

        await (await api.As(Liaison)).StepAsync($"/api/incoming/{id}/extend-recognition", new { extension = "P30D", reasons = "Court order pending." });

        var extended = await Eventually.Until(async () => Recognition(await api.Node.Clocks(id)), c => c.Extended, TestTimeouts.Workflow, "the extension");
        extended.DueAt.Should().Be(due + Duration.FromDays(30));
    }

    [Fact]
    public async Task An_extension_without_reasons_is_refused_naming_reasons()
    {
        var id = await api.CaseIn("Assigned");

        var response = await (await api.As(Liaison)).PostAsync($"/api/incoming/{id}/extend-recognition", new { extension = "P10D", reasons = " " });

        (await response.ErrorFieldsAsync()).Should().Equal("reasons");
    }

    static DeadlineClockState Recognition(IEnumerable<DeadlineClockState> clocks) =>
        clocks.Single(c => c.Kind == ClockKind.Recognition);
}
