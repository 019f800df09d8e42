using System.Text.Json;
using MlaRequests.Domain;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;

namespace MlaRequests.Tests.Processes;

/// <summary>
/// Countries upgrade on their own days. Kazakhstan's node runs this code; Kyrgyzstan's still runs the previous release,
/// built from its own commit (<see cref="PreviousRelease"/>), over the region's broker: a request goes through its whole
/// lifecycle between them, each node says in <c>GET /api/links</c> which contract version the other speaks, a message of
/// this release's version (a JIT amendment) is held for the old node instead of being sent to it, and Kyrgyzstan's node is
/// then upgraded in place (this code on the same data directory): it carries on with its case in execution and receives the
/// held message once.
/// </summary>
[Trait("Category", "RabbitMq")]
[Trait(Tier.Name, Tier.System)]
public sealed class When_a_peer_runs_the_previous_release : IDisposable
{
    readonly TestDirectory _data = new();

    [Fact]
    public async Task A_request_runs_its_lifecycle_with_it_and_the_case_goes_on_after_it_upgrades()
    {
        var previous = await PreviousRelease.NodeAssemblyAsync();
        var region = await RabbitBroker.CreateRegionAsync(Path.Combine(_data.Path, "secrets"), "KZ", "KG");
        foreach (var settings in region.Settings.Values)
            settings["Demo:SeedAccounts"] = "true";
        var kgData = Path.Combine(_data.Path, "kg");
        await using var kz = new NodeProcess("KZ", Path.Combine(_data.Path, "kz"), region.Settings["KZ"]);
        var kg = new NodeProcess("KG", kgData, region.Settings["KG"], assembly: previous);
        try
        {
            await Task.WhenAll(kz.StartAsync(), kg.StartAsync());
            var prosecutor = await kz.ApiAsync("kz.prosecutor");
            var liaison = await kz.ApiAsync("kz.liaison");

            // Two requests: one runs to completion with the old node, the other is left in execution for after its upgrade.
            var completed = await ApprovedAsync(prosecutor, liaison);
            var continued = await ApprovedAsync(prosecutor, liaison);
            var kgLiaison = await kg.ApiAsync("kg.liaison");
            foreach (var id in new[] { completed, continued })
            {
                await Steps(kgLiaison, DeterministicGuid.Branch(id, "KG"),
                    ("register", null, "Registered"), ("assign", new { assignee = "kg.liaison" }, "Assigned"), ("accept", null, "InExecution"));
            }
            var kgCase = DeterministicGuid.Branch(completed, "KG");
            await Steps(kgLiaison, kgCase,
                ("record-execution", new { complete = true, summary = "Witness heard in Bishkek" }, "Executed"),
                ("transfer-evidence", new { description = "Hearing record, sealed, by courier" }, "ResponseTransmitted"));
            await Eventually.Until(async () => Target(await prosecutor.GetAsync($"/api/requests/{completed}")), s => s == "EvidenceTransferred",
                TestTimeouts.Delivery, "the old node's evidence transfer read in Kazakhstan");
            await prosecutor.StepAsync($"/api/requests/{completed}/targets/KG/confirm-evidence");
            await Until(kgLiaison, $"/api/incoming/{kgCase}", "Closed");

            var link = await Eventually.Until(async () => Link(await (await kz.ApiAsync("kz.admin")).GetAsync("/api/links"), "KG"),
                l => l.TryGetProperty("contractVersion", out var v) && v.ValueKind == JsonValueKind.Number, TestTimeouts.Delivery, "KG's version on KZ");
            link.GetProperty("contractVersion").GetInt32().Should().Be(PreviousRelease.Version, "KZ says which version the old node speaks");
            (await prosecutor.GetAsync($"/api/requests/{completed}")).GetProperty("targets")[0].GetProperty("transportState").GetString()
                .Should().Be("delivered", "every message to the old node was received and receipted");

            // A JIT agreement in force between them; Kazakhstan proposes to amend it (a financial analyst joins), a message of
            // this release's version that the old node does not know: Kazakhstan holds it for Kyrgyzstan instead of sending it
            // to be quarantined.
            var jit = await ApprovedAsync(prosecutor, liaison, JitContent());
            var jitCase = DeterministicGuid.Branch(jit, "KG");
            await Steps(kgLiaison, jitCase, ("register", null, "Registered"), ("assign", new { assignee = "kg.liaison" }, "Assigned"),
                ("accept", null, "AgreementAwaitingSignatures"), ("sign-agreement", null, "AgreementSignedHere"));
            await Eventually.Until(async () => Target(await prosecutor.GetAsync($"/api/requests/{jit}")), s => s == "AgreementSignedThere",
                TestTimeouts.Delivery, "the old node's signature in Kazakhstan");
            await prosecutor.StepAsync($"/api/requests/{jit}/targets/KG/sign-jit");
            await Until(kgLiaison, $"/api/incoming/{jitCase}", "AgreementInForce");
            var amended = TestContent.JitAgreement(["KG"]);
            (amended.StartsOn, amended.EndsOn) = (null, null);
            amended.Members!.Add(new JitMember { Country = "KG", Name = "R. S.", Function = "Financial analyst", Authority = "Financial Police of Kyrgyzstan" });
            await prosecutor.StepAsync($"/api/requests/{jit}/targets/KG/propose-jit-amendment",
                new { jit = amended, reasons = "The money trail needs a financial analyst in the team." });
            await Eventually.Until(async () => Link(await (await kz.ApiAsync("kz.admin")).GetAsync("/api/links"), "KG").GetProperty("waitingForUpgrade").GetInt32(),
                n => n == 1, TestTimeouts.Delivery, "the proposal held for the old node");
            (await kgLiaison.GetAsync($"/api/incoming/{jitCase}")).GetProperty("status").GetString().Should().Be("AgreementInForce",
                "the old node never saw a message it cannot read");

            // Kyrgyzstan upgrades: the old process stops, this release opens the same database and carries on with the case.
            await kg.DisposeAsync();
            kg = new NodeProcess("KG", kgData, region.Settings["KG"]);
            await kg.StartAsync();
            kgLiaison = await kg.ApiAsync("kg.liaison");
            var upgradedCase = DeterministicGuid.Branch(continued, "KG");
            await Steps(kgLiaison, upgradedCase, ("record-execution", new { complete = true, summary = "Bank records obtained" }, "Executed"));
            await Eventually.Until(async () => Target(await prosecutor.GetAsync($"/api/requests/{continued}")), s => s == "Executed",
                TestTimeouts.Delivery, "the upgraded node's step read in Kazakhstan");
            await Eventually.Until(async () => Link(await (await kz.ApiAsync("kz.admin")).GetAsync("/api/links"), "KG"),
                l => l.GetProperty("contractVersion").GetInt32() == l.GetProperty("ownContractVersion").GetInt32(), TestTimeouts.Delivery,
                "KZ to learn that KG speaks this release's version now");

            // The held proposal goes out once, now that Kyrgyzstan reads it, and the upgraded node signs the amendment.
            await Until(kgLiaison, $"/api/incoming/{jitCase}", "AmendmentProposedThere");
            await kgLiaison.StepAsync($"/api/incoming/{jitCase}/sign-amendment");
            await Until(kgLiaison, $"/api/incoming/{jitCase}", "AgreementInForce");
            await Eventually.Until(async () => Target(await prosecutor.GetAsync($"/api/requests/{jit}")), s => s == "AgreementInForce",
                TestTimeouts.Delivery, "the amendment signed, in Kazakhstan");
            Link(await (await kz.ApiAsync("kz.admin")).GetAsync("/api/links"), "KG").GetProperty("waitingForUpgrade").GetInt32().Should().Be(0);
        }
        finally
        {
            await kg.DisposeAsync();
        }
    }

    static RequestContent JitContent()
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002, "KG");
        content.Kind = RequestKind.JointInvestigationTeam;
        content.Jit = TestContent.JitAgreement(content.Targets);
        return content;
    }

    static async Task<Guid> ApprovedAsync(NodeApi prosecutor, NodeApi liaison, RequestContent? content = null)
    {
        var created = await prosecutor.CreateAsync(content ?? TestContent.Complete(LegalBasis.Chisinau2002, "KG"));
        await Until(prosecutor, $"/api/requests/{created.Id}", "Draft");
        await prosecutor.StepAsync($"/api/requests/{created.Id}/submit");
        await Until(liaison, $"/api/requests/{created.Id}", "InReview");
        await liaison.StepAsync($"/api/requests/{created.Id}/approve");
        return created.Id;
    }

    static JsonElement Link(JsonElement links, string node) => links.EnumerateArray().Single(l => l.GetProperty("node").GetString() == node);

    static string? Target(JsonElement request) => request.GetProperty("targets")[0].GetProperty("status").GetString();

    static Task Until(NodeApi api, string path, string status) =>
        Eventually.Until(async () => (await api.Client.GetAsync(path)).IsSuccessStatusCode ? (await api.GetAsync(path)).GetProperty("status").GetString() : null,
            s => s == status, TestTimeouts.Delivery, $"{path} to be {status}");

    static async Task Steps(NodeApi api, Guid incoming, params (string Step, object? Body, string Status)[] steps)
    {
        await Until(api, $"/api/incoming/{incoming}", steps[0].Step == "register" ? "Received" : "InExecution");
        foreach (var (step, body, status) in steps)
        {
            await api.StepAsync($"/api/incoming/{incoming}/{step}", body);
            await Until(api, $"/api/incoming/{incoming}", status);
        }
    }

    public void Dispose() => _data.Dispose();
}
