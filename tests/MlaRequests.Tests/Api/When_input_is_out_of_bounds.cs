using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using static MlaRequests.Tests.Api.RequestSetup;

namespace MlaRequests.Tests.Api;

/// <summary>
/// Each bound an attacker's run found missing (issue 12, §5–6): a 400 naming the field, and nothing
/// created, changed or sent.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_input_is_out_of_bounds(ApiNode api) : IClassFixture<ApiNode>
{
    /// <summary>A complete draft's content as JSON, changed by <paramref name="change"/>.</summary>
    static string Content(Action<JsonObject> change)
    {
        var content = JsonNode.Parse(RequestContentJson.Serialize(TestContent.Complete(LegalBasis.Untoc, "KG")))!.AsObject();
        change(content);
        return content.ToJsonString();
    }

    public static TheoryData<string, string> BadContent() => new()
    {
        { "kind", Content(c => c["kind"] = 999) },
        { "legalBasis", Content(c => c["legalBasis"] = 42) },
        { "stage", Content(c => c["stage"] = -1) },
        { "measures[0].type", Content(c => c["measures"]![0]!["type"] = 77) },
        { "persons[1].role", Content(c => c["persons"]![1]!["role"] = 9) },
        { "persons[0]", Content(c => c["persons"]!.AsArray().Insert(0, null)) },
        { "targets", Content(c => c["targets"] = null) },
        { "persons", Content(c => c["persons"] = null) },
        { "targets[1]", Content(c => c["targets"]!.AsArray().Add(null)) },
        { "persons[0].dateOfBirth", Content(c => c["persons"]![0]!["dateOfBirth"] = "2031-01-01") },
        { "persons[1].dateOfBirth", Content(c => c["persons"]![1]!["dateOfBirth"] = "1812-06-24") },
        { "desiredDate", Content(c => c["desiredDate"] = "2999-01-01") },
        { "jit.endsOn", Content(c => c["jit"] = new JsonObject { ["purpose"] = "x", ["startsOn"] = "2026-06-01", ["endsOn"] = "9999-12-31" }) },
        { "lawText", Content(c => c["lawText"] = new string('l', 20_001)) },
        { "persons[0].name", Content(c => c["persons"]![0]!["name"] = new string('n', 501)) },
        { "persons", Content(c => c["persons"] = new JsonArray(Enumerable.Range(0, 10_000).Select(_ => (JsonNode)new JsonObject()).ToArray())) },
        { "facts", Content(c => c["facts"] = 12) },
        { "desiredDate", Content(c => c["desiredDate"] = "2026-13-45") },
        { "urgent", Content(c => c["urgent"] = "yes") },
        { "persons[0].inPretrialDetention", Content(c => c["persons"]![0]!["inPretrialDetention"] = "yes") },
        { "persons[1].possibleMinor", Content(c => c["persons"]![1]!["possibleMinor"] = 3) },
        { "damageAmount", Content(c => c["damageAmount"] = "1e400") },
        { "favouriteColour", Content(c => c["favouriteColour"] = "blue") },
        { "measures", Content(c => c["measures"] = "hear everyone") },
    };

    [Theory]
    [MemberData(nameof(BadContent))]
    public async Task A_draft_over_the_bounds_is_refused_naming_the_field(string field, string body)
    {
        var prosecutor = await api.As(Prosecutor);
        var total = (await prosecutor.GetAsync("/api/requests")).GetProperty("total").GetInt32();

        var response = await prosecutor.Client.PostAsync("/api/requests", new StringContent(body, Encoding.UTF8, "application/json"));

        (await response.ErrorFieldsAsync()).Should().Equal(field);
        (await prosecutor.GetAsync("/api/requests")).GetProperty("total").GetInt32().Should().Be(total, "no draft was created");
    }

    [Theory]
    [InlineData("[]", "body")]
    [InlineData("\"a string\"", "body")]
    [InlineData("42", "body")]
    public async Task A_body_that_is_not_a_json_object_is_a_400_naming_the_body(string body, string field)
    {
        var response = await (await api.As(Prosecutor)).Client.PostAsync("/api/requests", new StringContent(body, Encoding.UTF8, "application/json"));

        (await response.ErrorFieldsAsync()).Should().Equal(field);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_with_413()
    {
        var body = Content(c => c["lawText"] = new string('l', 10 * 1024 * 1024));

        var response = await (await api.As(Prosecutor)).Client.PostAsync("/api/requests", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.ShouldBeAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("/api/requests?page=2147483647", "page")]
    [InlineData("/api/requests?page=100001", "page")]
    [InlineData("/api/requests?page=abc", "page")]
    [InlineData("/api/requests?pageSize=0", "pageSize")]
    [InlineData("/api/requests?pageSize=99999999999", "pageSize")]
    [InlineData("/api/incoming?page=2147483647", "page")]
    [InlineData("/api/incoming?pageSize=201", "pageSize")]
    [InlineData("/api/incoming?page=-5", "page")]
    public async Task A_page_outside_its_bounds_is_refused_naming_the_parameter(string path, string field)
    {
        var response = await (await api.As(Liaison)).Client.GetAsync(path);

        (await response.ErrorFieldsAsync()).Should().Equal(field);
    }

    [Fact]
    public async Task A_search_text_over_the_limit_is_refused_naming_q()
    {
        var response = await (await api.As(Liaison)).Client.GetAsync($"/api/requests?q={new string('q', 501)}");

        (await response.ErrorFieldsAsync()).Should().Equal("q");
    }

    [Theory]
    [InlineData("P1Y10D")]
    [InlineData("P1M")]
    [InlineData("P2M-40D")]
    public async Task An_extension_with_years_or_months_is_refused_whatever_its_days(string extension)
    {
        var id = await api.CaseIn("Assigned");
        var outbox = await api.OutboxHighWater();

        var response = await (await api.As(Liaison)).PostAsync($"/api/incoming/{id}/extend-recognition", new { extension, reasons = "More time." });

        (await response.ErrorFieldsAsync()).Should().Equal("extension");
        (await api.OutboxHighWater()).Should().Be(outbox);
    }

    public static TheoryData<string, string> BadAssignees() => new()
    {
        { "nobody.at.all", "no such account" },
        { "kz.admin", "an administrator does not execute cases" },
        { "kz.supervisor", "a supervisor does not execute cases" },
        { "kz.prosecutor", "a prosecutor of outgoing requests does not execute received ones: the executor role does" },
        { new string('a', 1024 * 1024), "a megabyte is no user name" },
    };

    [Theory]
    [MemberData(nameof(BadAssignees))]
    public async Task A_case_is_assigned_only_to_an_account_that_executes_cases(string assignee, string because)
    {
        var id = await api.CaseIn("Registered");
        var outbox = await api.OutboxHighWater();

        var response = await (await api.As(Liaison)).PostAsync($"/api/incoming/{id}/assign", new { assignee });

        (await response.ErrorFieldsAsync()).Should().Equal(["assignee"], because);
        (await api.OutboxHighWater()).Should().Be(outbox);
        (await api.Node.Incoming(id))!.CurrentState.Should().Be("Registered");
    }

    [Fact]
    public async Task A_case_is_assigned_to_an_executing_prosecutor_of_the_node()
    {
        var id = await api.CaseIn("Registered");

        await (await api.As(Liaison)).StepAsync($"/api/incoming/{id}/assign", new { assignee = "kz.executor2" });

        await api.Node.IncomingIn(id, "Assigned");
    }

    [Theory]
    [InlineData("{ \"grounds\": [null], \"reasons\": \"No.\" }", "grounds[0]")]
    [InlineData("{ \"grounds\": [\"DUAL_CRIMINALITY\", null], \"reasons\": \"No.\" }", "grounds[1]")]
    [InlineData("{ \"grounds\": \"DUAL_CRIMINALITY\", \"reasons\": \"No.\" }", "grounds")]
    [InlineData("{ \"grounds\": [\"DUAL_CRIMINALITY\"], \"reasons\": 5 }", "reasons")]
    public async Task A_refusal_with_a_null_or_mistyped_ground_is_refused_naming_it(string body, string field)
    {
        var id = await api.CaseIn("Assigned");
        var outbox = await api.OutboxHighWater();

        var response = await (await api.As(Liaison)).Client.PostAsync($"/api/incoming/{id}/refuse", new StringContent(body, Encoding.UTF8, "application/json"));

        (await response.ErrorFieldsAsync()).Should().Equal(field);
        (await api.OutboxHighWater()).Should().Be(outbox);
    }

    [Theory]
    [InlineData("{ \"reason\": \"Our case first.\", \"until\": \"not a date\" }", "until")]
    [InlineData("{ \"reason\": \"Our case first.\", \"until\": \"2999-01-01\" }", "until")]
    public async Task A_postponement_to_an_unreadable_or_far_date_is_refused_naming_until(string body, string field)
    {
        var id = await api.CaseIn("Assigned");

        var response = await (await api.As(Liaison)).Client.PostAsync($"/api/incoming/{id}/postpone", new StringContent(body, Encoding.UTF8, "application/json"));

        (await response.ErrorFieldsAsync()).Should().Equal(field);
        (await api.Node.Incoming(id))!.CurrentState.Should().Be("Assigned");
    }

    [Fact]
    public async Task A_step_text_over_the_limit_is_refused_naming_it()
    {
        var id = await api.CaseIn("Assigned");

        var response = await (await api.As(Liaison)).PostAsync($"/api/incoming/{id}/request-information", new { questions = new string('?', 20_001) });

        (await response.ErrorFieldsAsync()).Should().Equal("questions");
    }
}
