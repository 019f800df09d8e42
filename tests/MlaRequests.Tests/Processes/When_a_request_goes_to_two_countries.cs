using MlaRequests.Domain;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;

namespace MlaRequests.Tests.Processes;

[Trait("Category", "RabbitMq")]
[Trait(Tier.Name, Tier.System)]
public sealed class When_a_request_goes_to_two_countries : IDisposable
{
    readonly TestDirectory _data = new();

    [Fact]
    public async Task Its_whole_lifecycle_runs_across_three_node_processes()
    {
        // The region's broker layout (an account and a virtual host per node, a shared border virtual host), passwords in the environment.
        var region = await RabbitBroker.CreateRegionAsync(Path.Combine(_data.Path, "secrets"), "KZ", "KG", "TJ");
        foreach (var settings in region.Settings.Values)
            settings["Demo:SeedAccounts"] = "true";
        await using var kz = new NodeProcess("KZ", Path.Combine(_data.Path, "kz"), region.Settings["KZ"]);
        await using var kg = new NodeProcess("KG", Path.Combine(_data.Path, "kg"), region.Settings["KG"]);
        await using var tj = new NodeProcess("TJ", Path.Combine(_data.Path, "tj"), region.Settings["TJ"]);
        await Task.WhenAll(kz.StartAsync(), kg.StartAsync(), tj.StartAsync());

        var prosecutor = await kz.ApiAsync("kz.prosecutor");
        var liaison = await kz.ApiAsync("kz.liaison");
        var created = await prosecutor.CreateAsync(TestContent.Complete(LegalBasis.Chisinau2002, "KG", "TJ"));
        await Until(prosecutor, $"/api/requests/{created.Id}", "Draft");
        await prosecutor.StepAsync($"/api/requests/{created.Id}/submit");
        await Until(liaison, $"/api/requests/{created.Id}", "InReview");
        await liaison.StepAsync($"/api/requests/{created.Id}/approve");

        var kgCase = DeterministicGuid.Branch(created.Id, "KG");
        var kgLiaison = await kg.ApiAsync("kg.liaison");
        await Steps(kgLiaison, kgCase,
            ("register", null, "Registered"), ("assign", new { assignee = "kg.liaison" }, "Assigned"), ("accept", null, "InExecution"),
            ("record-execution", new { complete = false, summary = "Witness heard in Bishkek" }, "PartiallyExecuted"),
            ("record-execution", new { complete = true, summary = "Bank records obtained" }, "Executed"),
            ("transfer-evidence", new { description = "Hearing record and bank statements, sealed, by courier" }, "ResponseTransmitted"));

        var tjCase = DeterministicGuid.Branch(created.Id, "TJ");
        var tjLiaison = await tj.ApiAsync("tj.liaison");
        await Steps(tjLiaison, tjCase,
            ("register", null, "Registered"), ("assign", new { assignee = "tj.liaison" }, "Assigned"),
            ("refuse", new { grounds = new[] { "DUAL_CRIMINALITY" }, reasons = "The conduct is not an offence under the law of Tajikistan." }, "Refused"));

        await Eventually.Until(async () => Target(await prosecutor.GetAsync($"/api/requests/{created.Id}"), "KG"), s => s == "EvidenceTransferred",
            TestTimeouts.Delivery, "the evidence to be reported in Kazakhstan");
        await prosecutor.StepAsync($"/api/requests/{created.Id}/targets/KG/confirm-evidence");
        await Until(kgLiaison, $"/api/incoming/{kgCase}", "Closed");

        var request = await Eventually.Until(() => prosecutor.GetAsync($"/api/requests/{created.Id}"), r => r.GetProperty("status").GetString() == "Completed",
            TestTimeouts.Delivery, "the request to complete once both countries reached a final status");
        Target(request, "KG").Should().Be("Completed");
        Target(request, "TJ").Should().Be("Refused");
        request.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("country").GetString() == "TJ")
            .GetProperty("refusalGrounds")[0].GetString().Should().Be("DUAL_CRIMINALITY");
        request.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("transportState").GetString()).Should().AllBe("delivered");
        request.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("action").GetString())
            .Should().ContainInOrder("Drafted", "Submitted for review", "Approved", "Transmitted", "Acknowledged (registered by the requested authority)",
                "Accepted for execution", "Partially executed", "Executed", "Evidence transferred", "Completed (evidence received)", "Completed");
    }

    static string? Target(System.Text.Json.JsonElement request, string country) =>
        request.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("country").GetString() == country).GetProperty("status").GetString();

    static Task Until(NodeApi api, string path, string status) =>
        Eventually.Until(async () => (await api.Client.GetAsync(path)).IsSuccessStatusCode ? (await api.GetAsync(path)).GetProperty("status").GetString() : null,
            s => s == status, TestTimeouts.Delivery, $"{path} to be {status}");

    static async Task Steps(NodeApi liaison, Guid caseId, params (string Step, object? Body, string Status)[] steps)
    {
        await Eventually.Until(async () => (await liaison.Client.GetAsync($"/api/incoming/{caseId}")).IsSuccessStatusCode, ok => ok,
            TestTimeouts.Delivery, "the request to arrive");
        foreach (var (step, body, status) in steps)
        {
            await liaison.StepAsync($"/api/incoming/{caseId}/{step}", body);
            await Until(liaison, $"/api/incoming/{caseId}", status);
        }
    }

    public void Dispose() => _data.Dispose();
}
