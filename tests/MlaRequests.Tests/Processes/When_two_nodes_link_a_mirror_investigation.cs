using System.Net;
using MlaRequests.Domain;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;

namespace MlaRequests.Tests.Processes;

[Trait("Category", "RabbitMq")]
[Trait(Tier.Name, Tier.System)]
public sealed class When_two_nodes_link_a_mirror_investigation : IDisposable
{
    readonly TestDirectory _data = new();
    readonly FakeClock _clock = new(Instant.FromUtc(2026, 9, 14, 4, 0));

    [Fact]
    public async Task Accepting_opens_a_linked_domestic_case_and_milestones_travel_both_ways()
    {
        // The region's broker layout: an account and a virtual host per node, the inbound queues in a shared border virtual host.
        var region = await RabbitBroker.CreateRegionAsync(Path.Combine(_data.Path, "secrets"), "KZ", "KG");
        await using var kz = new NodeFactory(Path.Combine(_data.Path, "kz"), _clock, region.Settings["KZ"], "KZ");
        await using var kg = new NodeFactory(Path.Combine(_data.Path, "kg"), _clock, region.Settings["KG"], "KG");
        _ = kg.Services;

        var content = TestContent.Complete(LegalBasis.Chisinau2002, "KG");
        content.Kind = RequestKind.MirrorInvestigation;
        var id = await Scenario.ApprovedAsync(kz, content);
        var branchId = DeterministicGuid.Branch(id, "KG");

        var kgLiaison = await kg.LoginAsync("kg.liaison");
        await kg.IncomingIn(branchId, "Received");
        await kgLiaison.StepAsync($"/api/incoming/{branchId}/register");
        await kg.IncomingIn(branchId, "Registered");
        await kgLiaison.StepAsync($"/api/incoming/{branchId}/assign", new { assignee = "kg.liaison" });
        await kg.IncomingIn(branchId, "Assigned");
        await kgLiaison.StepAsync($"/api/incoming/{branchId}/accept");

        var branch = await kz.BranchIn(branchId, "InExecution", TestTimeouts.Delivery);
        branch.RemoteCaseReference.Should().MatchRegex(@"^KG-MC-2026-\d{6}$", "accepting a mirror investigation opens a linked domestic case in Kyrgyzstan");
        (await kgLiaison.GetAsync($"/api/incoming/{branchId}")).GetProperty("domesticCaseReference").GetString().Should().Be(branch.RemoteCaseReference);

        var proposed = await kgLiaison.PostAsync($"/api/incoming/{branchId}/milestones", new { title = "Common action day: simultaneous searches", date = new LocalDate(2026, 10, 6) });
        proposed.StatusCode.Should().Be(HttpStatusCode.Created, await proposed.Content.ReadAsStringAsync());
        var prosecutor = await kz.LoginAsync("kz.prosecutor");
        var seen = await Eventually.Until(() => prosecutor.GetAsync($"/api/requests/{id}/targets/KG/milestones"), m => m.GetArrayLength() == 1,
            TestTimeouts.Workflow, "the milestone to reach Kazakhstan");
        var milestone = seen[0];
        milestone.GetProperty("proposedBy").GetString().Should().Be("KG");
        milestone.GetProperty("confirmedByRequestedAt").ValueKind.Should().NotBe(System.Text.Json.JsonValueKind.Null);
        milestone.GetProperty("confirmedByRequestingAt").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);

        await prosecutor.StepAsync($"/api/requests/{id}/targets/KG/milestones/{milestone.GetProperty("id").GetGuid()}/confirm");
        await Eventually.Until(() => kgLiaison.GetAsync($"/api/incoming/{branchId}/milestones"),
            m => m[0].GetProperty("confirmedByRequestingAt").ValueKind != System.Text.Json.JsonValueKind.Null, TestTimeouts.Workflow,
            "Kazakhstan's confirmation to reach Kyrgyzstan");
        var again = await prosecutor.PostAsync($"/api/requests/{id}/targets/KG/milestones/{milestone.GetProperty("id").GetGuid()}/confirm");
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);

        var timeline = (await prosecutor.GetAsync($"/api/requests/{id}")).GetProperty("timeline").EnumerateArray()
            .Select(t => t.GetProperty("action").GetString()).ToList();
        timeline.Should().ContainInOrder("Accepted for execution", "Milestone proposed", "Milestone confirmed");
    }

    public void Dispose() => _data.Dispose();
}
