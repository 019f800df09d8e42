using FluentAssertions;
using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.FastTests.Infrastructure;
using MlaRequests.Workflows.IncomingCases;
using MlaRequests.Workflows.Shared;
using Xunit;

namespace MlaRequests.FastTests.Workflows;

/// <summary>A proposed refusal on the receiving node: nothing leaves until a second person signs it off.</summary>
public sealed class When_a_refusal_waits_for_sign_off(WorkflowHarness<IncomingCaseStateMachine, IncomingCaseState> harness)
    : IClassFixture<WorkflowHarness<IncomingCaseStateMachine, IncomingCaseState>>
{
    static readonly IncomingCaseSpec Spec = new();

    [Fact]
    public async Task A_proposal_sends_nothing_to_the_requesting_country_and_keeps_the_clocks()
    {
        var id = await SeedAsync("AwaitingInformation");

        var delivery = await harness.DeliverAsync(new ProposeRefusal(id, ["DUAL_CRIMINALITY"], "Not an offence here", "liaison.proposer", Step.At));

        delivery.Fault.Should().BeNull();
        delivery.Sent.Should().BeEmpty("a refusal leaves the node only when it is signed off");
        delivery.Published.Should().BeEmpty("the decision is not taken yet, so no clock stops");
        var state = (await harness.LoadAsync(id))!;
        state.CurrentState.Should().Be("RefusalProposed");
        state.RefusalProposedBy.Should().Be("liaison.proposer");
        state.RefusalProposedFrom.Should().Be("AwaitingInformation");
        (await harness.TimelineAsync(id)).Should().ContainSingle(t => t.Action == TimelineTexts.RefusalProposed.Format() && t.Actor == "liaison.proposer");
    }

    [Fact]
    public async Task The_proposer_s_own_sign_off_is_dropped_unapplied()
    {
        var id = await SeedAsync("RefusalProposed");

        var delivery = await harness.DeliverAsync(new SignOffRefusal(id, ["DUAL_CRIMINALITY"], "Reasons", IncomingCaseSpec.Proposer, Step.At));

        delivery.Sent.Should().BeEmpty("the workflow does not take a sign-off by the proposer");
        delivery.Published.Should().BeEmpty();
        (await harness.TimelineAsync(id)).Should().BeEmpty();
        (await harness.LoadAsync(id))!.CurrentState.Should().Be("RefusalProposed");
    }

    [Fact]
    public async Task A_sign_off_by_another_person_sends_the_refusal_with_its_grounds_and_cancels_the_clocks()
    {
        var id = await SeedAsync("RefusalProposed");

        var delivery = await harness.DeliverAsync(new SignOffRefusal(id, ["DUAL_CRIMINALITY"], "Not an offence here", "supervisor", Step.At));

        delivery.Fault.Should().BeNull();
        delivery.Sent.OfType<IncomingRequestRefused>().Should().ContainSingle()
            .Which.Should().Match<IncomingRequestRefused>(r => r.Grounds.SequenceEqual(new[] { "DUAL_CRIMINALITY" }) && r.Reasons == "Not an offence here" && r.Actor == "supervisor");
        delivery.Published.OfType<MlaRequests.Workflows.Deadlines.CancelClock>().Should().HaveCount(4);
        var refused = (await harness.TimelineAsync(id)).Should().ContainSingle(t => t.Action == TimelineTexts.Refused.Format()).Which;
        refused.Details.Should().StartWith($"Signed off; proposed by {IncomingCaseSpec.Proposer}.");
    }

    [Fact]
    public async Task An_answer_that_arrives_while_it_waits_sends_a_returned_proposal_back_to_recognition()
    {
        var id = await SeedAsync("RefusalProposed", s => s.RefusalProposedFrom = "AwaitingInformation");
        await harness.DeliverAsync(new AdditionalInformationProvided(id, "KG", "These accounts", "kg.prosecutor", Step.At));

        var delivery = await harness.DeliverAsync(new ReturnRefusal(id, "Read the answer first", "supervisor", Step.At));

        delivery.Fault.Should().BeNull();
        (await harness.LoadAsync(id))!.CurrentState.Should().Be("Assigned");
    }

    [Theory]
    [InlineData("Assigned")]
    [InlineData("AwaitingInformation")]
    [InlineData("Postponed")]
    public async Task A_refusal_sent_back_returns_the_case_to_the_status_it_was_proposed_from(string from)
    {
        var id = await SeedAsync(from);
        (await harness.DeliverAsync(new ProposeRefusal(id, ["DUAL_CRIMINALITY"], "Reasons", "liaison.proposer", Step.At))).Fault.Should().BeNull();

        var delivery = await harness.DeliverAsync(new ReturnRefusal(id, "Not yet", "supervisor", Step.At));

        delivery.Fault.Should().BeNull();
        delivery.Sent.Should().BeEmpty();
        (await harness.LoadAsync(id))!.CurrentState.Should().Be(from);
    }

    async Task<Guid> SeedAsync(string state, Action<IncomingCaseState>? given = null)
    {
        var id = NewId.NextGuid();
        var instance = Spec.Instance(id, state);
        given?.Invoke(instance);
        await harness.SeedAsync(instance);
        return id;
    }
}
