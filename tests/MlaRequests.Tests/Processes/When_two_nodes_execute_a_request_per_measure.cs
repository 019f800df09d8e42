using MlaRequests.Domain;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;

namespace MlaRequests.Tests.Processes;

/// <summary>
/// Kazakhstan's request to Kyrgyzstan over the region's broker: KG's liaison officer assigns it to <c>kg.executor</c>, who
/// records one measure executed and proposes to refuse the other; KG's supervisor signs the refusal off; KZ's prosecutor
/// sees both results in the table for Kyrgyzstan, and the branch follows the case to partially executed.
/// </summary>
[Trait("Category", "RabbitMq")]
[Trait(Tier.Name, Tier.System)]
public sealed class When_two_nodes_execute_a_request_per_measure : IDisposable
{
    readonly TestDirectory _data = new();
    readonly FakeClock _clock = new(Instant.FromUtc(2026, 9, 14, 4, 0));

    [Fact]
    public async Task Each_measure_s_result_crosses_to_the_requesting_prosecutor()
    {
        var region = await RabbitBroker.CreateRegionAsync(Path.Combine(_data.Path, "secrets"), "KZ", "KG");
        await using var kz = new NodeFactory(Path.Combine(_data.Path, "kz"), _clock, region.Settings["KZ"], "KZ");
        await using var kg = new NodeFactory(Path.Combine(_data.Path, "kg"), _clock, region.Settings["KG"], "KG");
        _ = kg.Services;
        var content = TestContent.Complete(LegalBasis.Chisinau2002, "KG");
        content.Measures = [
            new MeasureRequested { Type = MeasureType.Hearing, Description = "Hear the witness E. F." },
            new MeasureRequested { Type = MeasureType.ObtainRecords, Description = "Bank records of account 4400" },
        ];
        var id = await Scenario.ApprovedAsync(kz, content);
        var branchId = DeterministicGuid.Branch(id, "KG");

        var kgLiaison = await kg.LoginAsync("kg.liaison");
        await kg.IncomingIn(branchId, "Received");
        await kgLiaison.StepAsync($"/api/incoming/{branchId}/register");
        await kg.IncomingIn(branchId, "Registered");
        await kgLiaison.StepAsync($"/api/incoming/{branchId}/assign", new { assignee = "kg.executor" });
        await kg.IncomingIn(branchId, "Assigned");
        await kgLiaison.StepAsync($"/api/incoming/{branchId}/accept");
        await kg.IncomingIn(branchId, "InExecution");
        await kz.BranchIn(branchId, "InExecution", TestTimeouts.Delivery);

        var executor = await kg.LoginAsync("kg.executor");
        await executor.StepAsync($"/api/incoming/{branchId}/record-measure", new { measure = 1, status = "Executed", summary = "Witness heard on 14 September." });
        await executor.StepAsync($"/api/incoming/{branchId}/propose-measure-refusal",
            new { measure = 2, grounds = new[] { "DUAL_CRIMINALITY" }, reasons = "The account's use is not an offence in Kyrgyzstan." });
        await kg.IncomingIn(branchId, "PartiallyExecuted");
        await Eventually.Until(async () => (await executor.GetAsync($"/api/incoming/{branchId}")).GetProperty("measures")[1].GetProperty("refusalProposedBy").GetString(),
            by => by == "kg.executor", TestTimeouts.Workflow, "the proposal on KG");
        await (await kg.LoginAsync("kg.supervisor")).StepAsync($"/api/incoming/{branchId}/sign-off-measure-refusal", new { measure = 2 });

        var prosecutor = await kz.LoginAsync("kz.prosecutor");
        var measures = await Eventually.Until(async () => (await prosecutor.GetAsync($"/api/requests/{id}")).GetProperty("targets")[0].GetProperty("measures"),
            m => m[1].GetProperty("status").GetString() == "Refused", TestTimeouts.Delivery, "both results to reach Kazakhstan");
        measures[0].GetProperty("status").GetString().Should().Be("Executed");
        measures[0].GetProperty("summary").GetString().Should().Be("Witness heard on 14 September.");
        measures[1].GetProperty("grounds")[0].GetString().Should().Be("DUAL_CRIMINALITY");
        measures[1].GetProperty("recordedBy").GetString().Should().Be("kg.supervisor (KG)");
        (await kz.Branch(branchId))!.CurrentState.Should().Be("PartiallyExecuted");
    }

    public void Dispose() => _data.Dispose();
}
