using MlaRequests.Domain;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using NodaTime;

namespace MlaRequests.Tests.Processes;

[Trait("Category", "RabbitMq")]
[Trait(Tier.Name, Tier.System)]
public sealed class When_the_receiving_node_is_killed : IDisposable
{
    const int Messages = 600;
    readonly TestDirectory _data = new();

    [Fact]
    public async Task Every_cross_border_message_is_applied_once_and_marked_delivered_on_the_sender()
    {
        var virtualHost = await RabbitBroker.CreateVirtualHostAsync();
        var settings = RabbitBroker.Settings(virtualHost);
        settings["Demo:SeedAccounts"] = "true";
        settings["CrossBorder:ReceiptTimeout"] = "00:00:05";
        await using var kz = new NodeProcess("KZ", Path.Combine(_data.Path, "kz"), settings);
        // Disposed whatever happens (killing an exited process is a no-op): a node left running keeps the test run open.
        await using var kg = new NodeProcess("KG", Path.Combine(_data.Path, "kg"), settings);
        await Task.WhenAll(kz.StartAsync(), kg.StartAsync());

        var (id, branch) = await LinkedCaseAsync(kz, kg);
        var prosecutor = await kz.ApiAsync("kz.prosecutor");
        var kgLiaison = await kg.ApiAsync("kg.liaison");

        var posted = 0;
        var killed = false;
        var sender = Task.Run(async () =>
        {
            foreach (var chunk in Enumerable.Range(0, Messages).Chunk(8))
            {
                await Task.WhenAll(chunk.Select(i => prosecutor.PostAsync($"/api/requests/{id}/targets/KG/milestones",
                    new { title = $"Shared step {i:D4}", date = new LocalDate(2027, 1, 1).PlusDays(i % 300) })));
                Interlocked.Add(ref posted, chunk.Length);
            }
        });
        await Eventually.Until(async () => (await kgLiaison.GetAsync($"/api/incoming/{branch}/milestones")).GetArrayLength(), n => n >= Messages / 6,
            TestTimeouts.Bulk, "a sixth of the messages to arrive in Kyrgyzstan");
        await kg.KillAsync();
        killed = true;
        await sender;
        posted.Should().Be(Messages);

        await using var restarted = new NodeProcess("KG", Path.Combine(_data.Path, "kg"), settings);
        await restarted.StartAsync();
        var liaison = await restarted.ApiAsync("kg.liaison");
        await Eventually.Until(async () => (await liaison.GetAsync($"/api/incoming/{branch}/milestones")).GetArrayLength(), n => n == Messages,
            TestTimeouts.Bulk, "every message to arrive");
        var supervisor = await kz.ApiAsync("kz.supervisor");
        var link = await Eventually.Until(async () => (await supervisor.GetAsync("/api/links")).EnumerateArray().Single(l => l.GetProperty("node").GetString() == "KG"),
            l => l.GetProperty("queued").GetInt32() + l.GetProperty("sent").GetInt32() + l.GetProperty("retrying").GetInt32() == 0,
            TestTimeouts.Bulk, "every message to be marked delivered on the sender");
        link.GetProperty("failed").GetInt32().Should().Be(0);

        killed.Should().BeTrue();
        var timeline = (await liaison.GetAsync($"/api/incoming/{branch}")).GetProperty("timeline").EnumerateArray()
            .Count(t => t.GetProperty("action").GetString() == "Milestone proposed");
        timeline.Should().Be(Messages, "each message is applied exactly once on the receiver");
        (await liaison.GetAsync($"/api/incoming/{branch}/milestones")).EnumerateArray().Select(m => m.GetProperty("title").GetString())
            .Should().OnlyHaveUniqueItems().And.HaveCount(Messages);
    }

    /// <summary>A parallel investigation from KZ accepted in KG: its branch carries shared milestones both ways.</summary>
    internal static async Task<(Guid Id, Guid Branch)> LinkedCaseAsync(NodeProcess kz, NodeProcess kg)
    {
        var prosecutor = await kz.ApiAsync("kz.prosecutor");
        var liaison = await kz.ApiAsync("kz.liaison");
        var content = TestContent.Complete(LegalBasis.Chisinau2002, "KG");
        content.Kind = RequestKind.ParallelInvestigation;
        var created = await prosecutor.CreateAsync(content);
        await Eventually.Until(async () => (await prosecutor.GetAsync($"/api/requests/{created.Id}")).GetProperty("allowedSteps").GetArrayLength(), n => n > 0,
            TestTimeouts.Delivery, "the draft");
        await prosecutor.StepAsync($"/api/requests/{created.Id}/submit");
        await Eventually.Until(async () => (await liaison.GetAsync($"/api/requests/{created.Id}")).GetProperty("status").GetString(), s => s == "InReview",
            TestTimeouts.Delivery, "the review");
        await liaison.StepAsync($"/api/requests/{created.Id}/approve");

        var branch = DeterministicGuid.Branch(created.Id, "KG");
        var kgLiaison = await kg.ApiAsync("kg.liaison");
        foreach (var (step, body, status) in new (string, object?, string)[]
                 {
                     ("register", null, "Registered"), ("assign", new { assignee = "kg.liaison" }, "Assigned"), ("accept", null, "InExecution"),
                 })
        {
            await Eventually.Until(async () => (await kgLiaison.Client.GetAsync($"/api/incoming/{branch}")).IsSuccessStatusCode, ok => ok,
                TestTimeouts.Delivery, "the incoming case");
            await kgLiaison.StepAsync($"/api/incoming/{branch}/{step}", body);
            await Eventually.Until(async () => (await kgLiaison.GetAsync($"/api/incoming/{branch}")).GetProperty("status").GetString(), s => s == status,
                TestTimeouts.Delivery, status);
        }
        await Eventually.Until(async () => (await prosecutor.GetAsync($"/api/requests/{created.Id}")).GetProperty("targets")[0].GetProperty("status").GetString(),
            s => s == "InExecution", TestTimeouts.Delivery, "acceptance to reach Kazakhstan");
        return (created.Id, branch);
    }

    public void Dispose() => _data.Dispose();
}
