using System.Net;
using MlaRequests.Domain;
using MlaRequests.Node.Delivery;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;

namespace MlaRequests.Tests.Delivery;

[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_peer_does_not_answer : IDisposable
{
    readonly TestDirectory _data = new();
    readonly FakeClock _clock = new(Instant.FromUtc(2026, 4, 6, 5, 0));

    [Fact]
    public async Task The_exhausted_message_fails_with_an_alert_and_an_administrator_retry_delivers_it()
    {
        await using var node = new NodeFactory(_data.Path, _clock, new Dictionary<string, string?>
        {
            ["CrossBorder:MaxAttempts"] = "3", ["CrossBorder:ReceiptTimeout"] = "00:01:00", ["CrossBorder:FirstRetryDelay"] = "00:00:10",
        });
        var kg = await FakePeer.StartAsync(node, "KG");
        kg.Answering = false;
        var id = await Scenario.ApprovedAsync(node);
        var branch = DeterministicGuid.Branch(id, "KG");
        var transmitted = await Eventually.Until(() => node.Query(db => Task.FromResult(db.CrossBorderMessages.Single(m => m.CorrelationId == branch))),
            m => m.State == DeliveryStates.Sent, TestTimeouts.Workflow, "the first send");

        for (var attempt = 0; attempt < 4; attempt++)
        {
            _clock.Advance(Duration.FromMinutes(30));
            await Eventually.Until(() => node.Query(db => Task.FromResult(db.CrossBorderMessages.Single(m => m.Id == transmitted.Id))),
                m => m.Attempts > attempt || m.State == DeliveryStates.Failed, TestTimeouts.Workflow, $"attempt {attempt + 2}");
        }
        var failed = await Eventually.Until(() => node.Query(db => Task.FromResult(db.CrossBorderMessages.Single(m => m.Id == transmitted.Id))),
            m => m.State == DeliveryStates.Failed, TestTimeouts.Workflow, "the schedule to be exhausted");
        failed.Attempts.Should().Be(3);
        kg.Received[transmitted.MessageId].Should().Be(3, "every resend carries the same MessageId");

        var supervisor = await node.LoginAsync("kz.supervisor");
        (await supervisor.GetAsync("/api/inbox")).EnumerateArray()
            .Should().Contain(t => t.GetProperty("status").GetString() == "Failed" && t.GetProperty("country").GetString() == "KG", "supervisors are alerted");
        var links = (await supervisor.GetAsync("/api/links")).EnumerateArray().Single(l => l.GetProperty("node").GetString() == "KG");
        links.GetProperty("failed").GetInt32().Should().Be(1);

        (await supervisor.PostAsync($"/api/links/messages/{transmitted.MessageId}/retry")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        kg.Answering = true;
        var admin = await node.LoginAsync("kz.admin");
        await admin.StepAsync($"/api/links/messages/{transmitted.MessageId}/retry");

        var delivered = await Eventually.Until(() => node.Query(db => Task.FromResult(db.CrossBorderMessages.Single(m => m.Id == transmitted.Id))),
            m => m.State == DeliveryStates.Delivered, TestTimeouts.Workflow, "the retried message to be delivered");
        delivered.MessageId.Should().Be(transmitted.MessageId);
        var view = await supervisor.GetAsync($"/api/requests/{id}");
        view.GetProperty("targets")[0].GetProperty("transportState").GetString().Should().Be("delivered");
    }

    public void Dispose() => _data.Dispose();
}
