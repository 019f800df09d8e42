using System.Collections.Concurrent;
using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Tests.Infrastructure;
using MlaRequests.Workflows.OutgoingRequests;
using NodaTime;
using NodaTime.Testing;

namespace MlaRequests.Tests.Workflows;

public sealed class When_the_requested_authority_does_not_acknowledge : IDisposable
{
    static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 4, 0);
    readonly TestDirectory _data = new();
    readonly FakeClock _clock = new(Start);

    [Fact]
    public async Task The_overdue_acknowledgement_is_escalated_at_the_exact_due_instant_after_ninety_days()
    {
        await using var node = new NodeFactory(_data.Path, _clock, new Dictionary<string, string?> { ["Deadlines:Acknowledgement"] = "90:00:00:00" });
        var escalations = await Collect<AcknowledgementOverdue>(node);
        var id = await node.ApprovedRequest();
        var awaiting = (await node.Workflow(id))!;
        var due = Start + Duration.FromDays(90);
        awaiting.AcknowledgementDueAt.Should().Be(due);

        _clock.Reset(due - Duration.Epsilon);
        await PollRounds(node, 5);
        (await node.Workflow(id))!.CurrentState.Should().Be("AwaitingAcknowledgement", "one tick before the due instant nothing fires");

        _clock.Reset(due);
        var overdue = await node.WorkflowIn(id, "AcknowledgementOverdue");
        overdue.EscalatedAt.Should().Be(due);
        await Eventually.Until(() => escalations.Count == 1, TimeSpan.FromSeconds(10), "the escalation to supervisors");
        escalations.Single().Should().Be(new AcknowledgementOverdue(id, due, due));
    }

    [Fact]
    public async Task A_deadline_pending_at_shutdown_fires_exactly_once_after_the_next_start()
    {
        Guid id;
        await using (var first = new NodeFactory(_data.Path, _clock))
        {
            id = await first.ApprovedRequest();
            (await first.Outbox()).Should().ContainSingle(x => x.NotBefore == Start + Duration.FromDays(7));
        }

        _clock.Reset(Start + Duration.FromDays(1));
        await using var second = new NodeFactory(_data.Path, _clock);
        var escalations = await Collect<AcknowledgementOverdue>(second);
        _clock.Reset(Start + Duration.FromDays(8));
        var overdue = await second.WorkflowIn(id, "AcknowledgementOverdue");
        overdue.EscalatedAt.Should().Be(Start + Duration.FromDays(8), "the clock fires at the first look past the due instant");
        await Eventually.Until(() => escalations.Count == 1, TimeSpan.FromSeconds(10), "the escalation");

        _clock.Advance(Duration.FromDays(30));
        await PollRounds(second, 5);
        escalations.Should().HaveCount(1, "a fired deadline never fires again");
        (await second.Outbox()).Should().BeEmpty();
    }

    [Fact]
    public async Task An_acknowledged_request_cancels_its_deadline_and_it_never_fires()
    {
        await using var node = new NodeFactory(_data.Path, _clock);
        var escalations = await Collect<AcknowledgementOverdue>(node);
        var id = await node.ApprovedRequest();

        _clock.Advance(Duration.FromDays(3));
        await node.Bus.Publish(new RequestAcknowledged(id, "KG", _clock.GetCurrentInstant()));
        var acknowledged = await node.WorkflowIn(id, "AcknowledgedByTarget");
        acknowledged.AcknowledgedAt.Should().Be(Start + Duration.FromDays(3));
        acknowledged.AcknowledgementDeadlineToken.Should().BeNull();
        (await node.Outbox()).Should().BeEmpty("unscheduling deletes the pending deadline in the same transaction");

        _clock.Advance(Duration.FromDays(60));
        await PollRounds(node, 5);
        (await node.Workflow(id))!.CurrentState.Should().Be("AcknowledgedByTarget");
        escalations.Should().BeEmpty();
    }

    /// <summary>Lets the outbox dispatcher (polling every 50 ms in tests) look at the clock several times.</summary>
    static async Task PollRounds(NodeFactory node, int rounds)
    {
        var dispatcher = node.Services.GetService(typeof(MlaRequests.Engine.Outbox.OutboxDispatcher)) as MlaRequests.Engine.Outbox.OutboxDispatcher;
        for (var i = 0; i < rounds; i++)
            await dispatcher!.DispatchDueAsync(CancellationToken.None);
    }

    internal static async Task<ConcurrentQueue<T>> Collect<T>(NodeFactory node)
        where T : class
    {
        var received = new ConcurrentQueue<T>();
        var handle = node.Bus.ConnectReceiveEndpoint($"test-{typeof(T).Name}-{Guid.NewGuid():N}", e =>
            e.Handler<T>(context =>
            {
                received.Enqueue(context.Message);
                return Task.CompletedTask;
            }));
        await handle.Ready;
        return received;
    }

    public void Dispose() => _data.Dispose();
}
