using System.Collections.Concurrent;
using System.Net.Http.Json;
using MassTransit;
using MlaRequests.Tests.Infrastructure;
using System.Net.Http.Headers;
using MlaRequests.Domain.Requests;
using MlaRequests.Workflows.Requests;
using NodaTime;

namespace MlaRequests.Tests.Processes;

[Trait("Category", "RabbitMq")]
[Trait(Tier.Name, Tier.System)]
public sealed class When_a_node_process_is_killed : IDisposable
{
    const int Events = 3000;
    readonly TestDirectory _data = new();

    sealed record RequestView(int NoteCount, string Status, List<System.Text.Json.JsonElement> Timeline);

    [Fact]
    public async Task Every_event_is_applied_exactly_once_and_every_published_message_is_delivered()
    {
        var virtualHost = await RabbitBroker.CreateVirtualHostAsync();
        var settings = RabbitBroker.Settings(virtualHost);
        settings["Demo:SeedAccounts"] = "true";
        var recorded = new ConcurrentDictionary<Guid, int>();
        var counts = new ConcurrentDictionary<int, byte>();
        var bus = await TestBus.StartAsync(virtualHost, "KZ", cfg =>
            cfg.ReceiveEndpoint($"test-notes-recorded", e => e.Handler<RequestNoteRecorded>(context =>
            {
                recorded.AddOrUpdate(context.Message.NoteId, 1, (_, n) => n + 1);
                counts.TryAdd(context.Message.NoteCount, 0);
                return Task.CompletedTask;
            })));
        // Disposed whatever happens: a node process left running holds the test run's output open, and the run never ends.
        await using var node = new NodeProcess("KZ", _data.Path, settings);
        try
        {
            await node.StartAsync();
            await node.LoginAsync("kz.prosecutor");
            var created = await node.Client.PostAsJsonAsync("/api/requests", TestContent.Complete(), RequestContentJson.Options);
            var id = (await created.Content.ReadFromJsonAsync<NodeApi.Created>(RequestContentJson.Options))!.Id;
            // The workflow's own timeline entry, not the status: the API shows a new request as Draft before its workflow
            // exists, and notes published straight to the bus ahead of RequestDrafted would wait in retries, holding every
            // consumer slot while RequestDrafted waited behind them.
            await Eventually.Until(() => node.Client.GetFromJsonAsync<RequestView>($"/api/requests/{id}")!, r => r!.Status == "Draft" && r.Timeline.Count > 0,
                TestTimeouts.Delivery, "the workflow to start");

            var notes = Enumerable.Range(0, Events).Select(_ => NewId.NextGuid()).ToList();
            var now = SystemClock.Instance.GetCurrentInstant();
            await Task.WhenAll(notes.Select(note => bus.Publish(new RequestNoteAdded(id, note, now))));

            try
            {
                await Eventually.Until(() => recorded.Count >= Events / 4, TestTimeouts.Bulk, "a quarter of the events to be applied");
            }
            catch (TimeoutException timeout)
            {
                var tail = string.Join('\n', node.Log.Split('\n').TakeLast(40));
                throw new TimeoutException($"{timeout.Message} ({recorded.Count} of {Events} recorded); the node's log ends:\n{tail}", timeout);
            }
            await node.KillAsync();
            var appliedBeforeKill = recorded.Count;
            appliedBeforeKill.Should().BeLessThan(Events, "the node must die in the middle of the stream");

            await using var restarted = new NodeProcess("KZ", _data.Path, settings);
            await restarted.StartAsync();
            await restarted.LoginAsync("kz.prosecutor");
            await Eventually.Until(() => recorded.Count == Events, TestTimeouts.Bulk, "every published message to be delivered");
            var view = await restarted.Client.GetFromJsonAsync<RequestView>($"/api/requests/{id}");
            view!.NoteCount.Should().Be(Events, "each event is applied exactly once (the inbox drops redelivered copies)");
            recorded.Keys.Should().BeEquivalentTo(notes, "every outbox message reached the bus, including those pending at the kill");
            counts.Keys.Should().BeEquivalentTo(Enumerable.Range(1, Events), "no event was counted twice");
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    public void Dispose() => _data.Dispose();
}
