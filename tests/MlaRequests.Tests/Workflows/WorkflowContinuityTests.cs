using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Domain;
using MlaRequests.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Workflows.Requests;
using MlaRequests.Workflows.Shared;
using NodaTime;
using NodaTime.Testing;

namespace MlaRequests.Tests.Workflows;

[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_node_restarts : IDisposable
{
    readonly TestDirectory _data = new();
    readonly FakeClock _clock = new(Instant.FromUtc(2026, 5, 4, 9, 30));

    [Fact]
    public async Task A_fresh_host_on_the_same_database_continues_the_workflow()
    {
        Guid id;
        await using (var first = new NodeFactory(_data.Path, _clock))
            id = await Scenario.ApprovedAsync(first);

        await using var second = new NodeFactory(_data.Path, _clock);
        await Scenario.RegisteredBy(second, id, "KG", _clock.GetCurrentInstant());
        var branch = await second.BranchIn(DeterministicGuid.Branch(id, "KG"), "Acknowledged");
        branch.TransmittedAt.Should().Be(_clock.GetCurrentInstant(), "the transmission written by the first host is still there");
        (await second.Request(id))!.ApprovedAt.Should().Be(_clock.GetCurrentInstant());
    }

    public void Dispose() => _data.Dispose();
}

[Trait(Tier.Name, Tier.Integration)]
public sealed class When_events_arrive_twice_or_out_of_order : IDisposable
{
    readonly TestDirectory _data = new();
    readonly FakeClock _clock = new(Instant.FromUtc(2026, 5, 4, 9, 30));

    [Fact]
    public async Task A_redelivered_message_is_applied_once()
    {
        await using var node = new NodeFactory(_data.Path, _clock);
        var id = await Scenario.DraftAsync(node);
        var messageId = NewId.NextGuid();
        var note = new RequestNoteAdded(id, Guid.NewGuid(), _clock.GetCurrentInstant());

        await node.Bus.Publish(note, c => c.MessageId = messageId);
        await Eventually.Until(async () => (await node.Request(id))!.NoteCount, n => n == 1, TestTimeouts.Workflow, "the first copy");
        await node.Bus.Publish(note, c => c.MessageId = messageId);
        await node.Bus.Publish(note with { NoteId = Guid.NewGuid() });
        await Eventually.Until(async () => (await node.Request(id))!.NoteCount, n => n == 2, TestTimeouts.Workflow, "the next note");
        await Consistently.For(TestTimeouts.Quiet, async () => (await node.Request(id))!.NoteCount == 2,
            "the copy with the same MessageId to stay dropped by the inbox");
    }

    [Fact]
    public async Task A_step_for_a_request_the_workflow_does_not_know_yet_is_held_until_the_request_exists()
    {
        await using var node = new NodeFactory(_data.Path, _clock);
        var id = Guid.NewGuid();
        await node.Bus.Publish(new SubmitRequest(id, Domain.Requests.RequestKind.ClassicMla, Domain.Requests.LegalBasis.Untoc, false, ["KG"], "kz.prosecutor", _clock.GetCurrentInstant()));
        await Consistently.For(TestTimeouts.Quiet, async () => await node.Request(id) is null, "a submission never to create a workflow");

        await node.Bus.Publish(new RequestDrafted(id, "KZ-2026-999999", "KZ-ALM", "kz.prosecutor", _clock.GetCurrentInstant()));
        await node.RequestIn(id, "InReview", TestTimeouts.Delivery);
    }

    [Fact]
    public async Task An_assignment_ahead_of_the_registration_is_held_and_applied_after_it()
    {
        await using var node = new NodeFactory(_data.Path, _clock);
        var id = await Scenario.ApprovedAsync(node);
        var branch = DeterministicGuid.Branch(id, "KG");

        await node.Bus.Publish(new IncomingRequestAssigned(branch, "KG", "kg.liaison", _clock.GetCurrentInstant()));
        await Consistently.For(TestTimeouts.Quiet, async () => (await node.Branch(branch))!.CurrentState == "Transmitted",
            "the early assignment to wait");
        await Scenario.RegisteredBy(node, id, "KG", _clock.GetCurrentInstant());
        await node.BranchIn(branch, "UnderRecognition", TestTimeouts.Delivery);
    }

    [Fact]
    public async Task A_late_duplicate_is_ignored()
    {
        await using var node = new NodeFactory(_data.Path, _clock);
        var id = await Scenario.ApprovedAsync(node);
        var branch = DeterministicGuid.Branch(id, "KG");
        await Scenario.RegisteredBy(node, id, "KG", _clock.GetCurrentInstant());
        await node.BranchIn(branch, "Acknowledged");
        await Scenario.AcceptedBy(node, id, "KG", _clock.GetCurrentInstant());

        await Scenario.RegisteredBy(node, id, "KG", _clock.GetCurrentInstant());
        await node.Bus.Publish(new SubmitRequest(id, Domain.Requests.RequestKind.ClassicMla, Domain.Requests.LegalBasis.Minsk1993, false, ["KG"], "kz.prosecutor", _clock.GetCurrentInstant()));
        await node.Bus.Publish(new RequestNoteAdded(id, Guid.NewGuid(), _clock.GetCurrentInstant()));
        await Eventually.Until(async () => (await node.Request(id))!.NoteCount, n => n == 1, TestTimeouts.Workflow, "a later note");
        (await node.Branch(branch))!.CurrentState.Should().Be("InExecution");
        (await node.Request(id))!.CurrentState.Should().Be("Approved");
    }

    [Fact]
    public async Task An_assignment_that_arrives_after_the_refusal_is_on_the_timeline_and_changes_nothing()
    {
        await using var node = new NodeFactory(_data.Path, _clock);
        var id = await Scenario.ApprovedAsync(node);
        var branch = DeterministicGuid.Branch(id, "KG");
        var registeredAt = _clock.GetCurrentInstant();
        await Scenario.RegisteredBy(node, id, "KG", registeredAt);
        await node.BranchIn(branch, "Acknowledged");

        // KG assigned, then refused; the refusal crossed the border first.
        var assigned = new IncomingRequestAssigned(branch, "KG", "kg.liaison", registeredAt + Duration.FromMinutes(5));
        await node.Bus.Publish(new IncomingRequestRefused(branch, "KG", ["Art. 2(a)"], "Political offence", "kg.liaison", registeredAt + Duration.FromMinutes(9)));
        await node.BranchIn(branch, "Refused");
        await node.Bus.Publish(assigned);
        await node.Bus.Publish(assigned, c => c.MessageId = NewId.NextGuid());

        var timeline = await Eventually.Until(() => node.Query(db => db.Timeline.Where(t => t.BranchId == branch).OrderBy(t => t.At).ThenBy(t => t.Id).ToListAsync()),
            entries => entries.Any(e => e.Action == TimelineTexts.AssignedForRecognition.Format()), TestTimeouts.Workflow, "the late assignment on the timeline");
        await Consistently.For(TestTimeouts.Quiet, async () =>
            (await node.Query(db => db.Timeline.CountAsync(t => t.BranchId == branch && t.Action == TimelineTexts.AssignedForRecognition.Format()))) == 1,
            "the second copy of the late assignment not to be recorded again");
        timeline.Select(e => e.Action).Should().ContainInOrder(TimelineTexts.Acknowledged.Format(), TimelineTexts.AssignedForRecognition.Format(),
            TimelineTexts.Refused.Format());
        var late = timeline.Single(e => e.Action == TimelineTexts.AssignedForRecognition.Format());
        late.Status.Should().Be("Refused", "the late step does not move the branch back");
        late.Actor.Should().Be("kg.liaison (KG)");
        (await node.Branch(branch))!.CurrentState.Should().Be("Refused");
    }

    public void Dispose() => _data.Dispose();
}
