using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Tests.Infrastructure;
using MlaRequests.Workflows.OutgoingRequests;
using NodaTime;
using NodaTime.Testing;

namespace MlaRequests.Tests.Workflows;

public sealed class When_a_node_restarts : IDisposable
{
    readonly TestDirectory _data = new();
    readonly FakeClock _clock = new(Instant.FromUtc(2026, 5, 4, 9, 30));

    [Fact]
    public async Task A_fresh_host_on_the_same_database_continues_the_workflow()
    {
        Guid id;
        await using (var first = new NodeFactory(_data.Path, _clock))
        {
            id = await first.ApprovedRequest();
        }

        await using var second = new NodeFactory(_data.Path, _clock);
        await second.Bus.Publish(new RequestAcknowledged(id, "KG", _clock.GetCurrentInstant()));
        var state = await second.WorkflowIn(id, "AcknowledgedByTarget");
        state.ApprovedAt.Should().Be(_clock.GetCurrentInstant(), "the approval written by the first host is still there");
        state.Version.Should().BeGreaterThan(1);
    }

    public void Dispose() => _data.Dispose();
}

public sealed class When_events_arrive_twice_or_out_of_order : IDisposable
{
    readonly TestDirectory _data = new();
    readonly FakeClock _clock = new(Instant.FromUtc(2026, 5, 4, 9, 30));

    [Fact]
    public async Task A_redelivered_message_is_applied_once()
    {
        await using var node = new NodeFactory(_data.Path, _clock);
        var id = await node.SubmittedRequest();
        var messageId = NewId.NextGuid();
        var note = new RequestNoteAdded(id, Guid.NewGuid(), _clock.GetCurrentInstant());

        await node.Bus.Publish(note, c => c.MessageId = messageId);
        await Eventually.Until(async () => (await node.Workflow(id))!.NoteCount, n => n == 1, TimeSpan.FromSeconds(10), "the first copy");
        await node.Bus.Publish(note, c => c.MessageId = messageId);
        await node.Bus.Publish(note with { NoteId = Guid.NewGuid() });
        await Eventually.Until(async () => (await node.Workflow(id))!.NoteCount, n => n == 2, TimeSpan.FromSeconds(10), "the next note");
        await Consistently.For(TimeSpan.FromSeconds(1), async () => (await node.Workflow(id))!.NoteCount == 2,
            "the copy with the same MessageId to stay dropped by the inbox");
    }

    [Fact]
    public async Task An_approval_for_a_request_the_workflow_does_not_know_yet_is_held_until_the_submission_arrives()
    {
        await using var node = new NodeFactory(_data.Path, _clock);
        var id = Guid.NewGuid();
        await node.Bus.Publish(new OutgoingRequestApproved(id, "liaison.astana", _clock.GetCurrentInstant()));
        await Task.Yield();
        (await node.Workflow(id)).Should().BeNull("an approval never creates a workflow");

        await node.Bus.Publish(new OutgoingRequestSubmitted(id, "prosecutor.almaty", _clock.GetCurrentInstant()));
        var state = await node.WorkflowIn(id, "AwaitingAcknowledgement", TimeSpan.FromSeconds(30));
        state.ApprovedAt.Should().Be(_clock.GetCurrentInstant());
    }

    [Fact]
    public async Task An_acknowledgement_ahead_of_the_approval_is_held_and_applied_after_it()
    {
        await using var node = new NodeFactory(_data.Path, _clock);
        var client = node.CreateClient();
        var id = await node.SubmittedRequest();

        await node.Bus.Publish(new RequestAcknowledged(id, "KG", _clock.GetCurrentInstant()));
        await RequestApi.Approve(client, id);
        var state = await node.WorkflowIn(id, "AcknowledgedByTarget", TimeSpan.FromSeconds(30));
        state.ApprovedAt.Should().NotBeNull();
        state.AcknowledgementDeadlineToken.Should().BeNull();
        (await node.Outbox()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_repeated_submission_is_ignored()
    {
        await using var node = new NodeFactory(_data.Path, _clock);
        var id = await node.ApprovedRequest();

        await node.Bus.Publish(new OutgoingRequestSubmitted(id, "prosecutor.almaty", _clock.GetCurrentInstant()));
        await node.Bus.Publish(new RequestNoteAdded(id, Guid.NewGuid(), _clock.GetCurrentInstant()));
        await Eventually.Until(async () => (await node.Workflow(id))!.NoteCount, n => n == 1, TimeSpan.FromSeconds(10), "a later note");
        (await node.Workflow(id))!.CurrentState.Should().Be("AwaitingAcknowledgement");
    }

    public void Dispose() => _data.Dispose();
}
