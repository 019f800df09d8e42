using Microsoft.EntityFrameworkCore;
using MlaRequests.Contracts;
using MlaRequests.Domain;
using MlaRequests.Domain.Cases;
using MlaRequests.FastTests.Infrastructure;
using MlaRequests.Workflows.Branches;
using MlaRequests.Workflows.IncomingCases;
using NodaTime;

namespace MlaRequests.FastTests.Workflows;

/// <summary>
/// A status enquiry on the requesting side's branch: kept, sent to the requested country and on the timeline; the same enquiry id
/// is never sent twice (what keeps an automatic enquiry to one per clock); the answer is kept and shown, after the branch finished too.
/// </summary>
public sealed class When_a_status_enquiry_is_sent_from_a_branch(WorkflowHarness<BranchStateMachine, BranchState> harness)
    : IClassFixture<WorkflowHarness<BranchStateMachine, BranchState>>
{
    static readonly BranchSpec Spec = new();

    [Fact]
    public async Task It_is_kept_sent_to_the_requested_country_and_recorded_and_the_status_stays()
    {
        var id = await SeedAsync("UnderRecognition");
        var enquiryId = Guid.NewGuid();

        var delivery = await harness.DeliverAsync(new SendStatusEnquiry(id, enquiryId, "Our trial opens on 1 June; has the witness been heard?", false, Step.Actor, Step.At));

        delivery.Fault.Should().BeNull();
        delivery.Sent.OfType<StatusEnquirySent>().Should().ContainSingle().Which.Should()
            .Be(new StatusEnquirySent(id, "KZ", enquiryId, "Our trial opens on 1 June; has the witness been heard?", false, Step.Actor, Step.At));
        (await harness.LoadAsync(id))!.CurrentState.Should().Be("UnderRecognition");
        (await EnquiryAsync(enquiryId))!.Should().Match<StatusEnquiry>(e => e.BranchId == id && !e.IsAnswered && !e.Automatic);
        (await harness.TimelineAsync(id)).Should().ContainSingle(t => t.Action == "Status enquiry sent" && t.Country == "KG"
            && t.Details == "Our trial opens on 1 June; has the witness been heard?");
    }

    [Fact]
    public async Task The_same_enquiry_again_sends_and_records_nothing()
    {
        var id = await SeedAsync("InExecution");
        var enquiryId = DeterministicGuid.Create("status-enquiry", Guid.NewGuid());
        var enquiry = new SendStatusEnquiry(id, enquiryId, "The execution clock has passed.", true, "system", Step.At);
        await harness.DeliverAsync(enquiry);

        var again = await harness.DeliverAsync(enquiry with { At = Step.At + Duration.FromHours(1) });

        again.Fault.Should().BeNull();
        again.Sent.Should().BeEmpty("an enquiry id is asked once");
        (await harness.TimelineAsync(id)).Count(t => t.Action == "Status enquiry sent automatically (a clock escalated)").Should().Be(1);
    }

    [Fact]
    public async Task An_enquiry_after_the_branch_finished_is_ignored()
    {
        var id = await SeedAsync("Refused");

        var delivery = await harness.DeliverAsync(new SendStatusEnquiry(id, Guid.NewGuid(), "Any news?", true, "system", Step.At));

        delivery.Fault.Should().BeNull("an automatic enquiry that raced the final report is late, not early");
        delivery.Sent.Should().BeEmpty();
        (await harness.TimelineAsync(id)).Should().BeEmpty();
    }

    [Fact]
    public async Task The_answer_is_kept_once_and_shown_also_after_the_branch_finished()
    {
        var id = await SeedAsync("Completed");
        var open = Step.Enquiry(id);

        await harness.DeliverAsync(new StatusEnquiryAnswered(id, "KG", open.Id, "The witness was heard on 20 April.", "kg.liaison", Step.At));
        await harness.DeliverAsync(new StatusEnquiryAnswered(id, "KG", open.Id, "A second answer.", "kg.liaison", Step.At + Duration.FromHours(1)));

        var stored = (await EnquiryAsync(open.Id))!;
        stored.Answer.Should().Be("The witness was heard on 20 April.", "an enquiry is answered once");
        stored.AnsweredBy.Should().Be("kg.liaison (KG)");
        (await harness.LoadAsync(id))!.CurrentState.Should().Be("Completed");
        (await harness.TimelineAsync(id)).Where(t => t.Action == "Status enquiry answered").Select(t => t.Actor).Should().AllBe("kg.liaison (KG)");
    }

    async Task<Guid> SeedAsync(string state)
    {
        var id = Guid.NewGuid();
        await harness.SeedAsync([.. Spec.Related(id)]);
        await harness.SeedAsync(Spec.Instance(id, state));
        return id;
    }

    Task<StatusEnquiry?> EnquiryAsync(Guid id) => harness.QueryAsync(db => db.StatusEnquiries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id));
}

/// <summary>A status enquiry on the requested side's case: kept as a task, answered once, the answer sent back.</summary>
public sealed class When_a_status_enquiry_reaches_an_incoming_case(WorkflowHarness<IncomingCaseStateMachine, IncomingCaseState> harness)
    : IClassFixture<WorkflowHarness<IncomingCaseStateMachine, IncomingCaseState>>
{
    static readonly IncomingCaseSpec Spec = new();

    [Fact]
    public async Task It_is_kept_and_answered_once_and_the_answer_goes_back()
    {
        var id = Guid.NewGuid();
        await harness.SeedAsync(Spec.Instance(id, "Assigned"));
        var enquiryId = Guid.NewGuid();

        await harness.DeliverAsync(new StatusEnquirySent(id, "KG", enquiryId, "Has the witness been heard?", false, "kg.prosecutor", Step.At));
        var answered = await harness.DeliverAsync(new AnswerStatusEnquiry(id, enquiryId, "The hearing is set for 20 April.", "kz.liaison", Step.At + Duration.FromHours(2)));
        var again = await harness.DeliverAsync(new AnswerStatusEnquiry(id, enquiryId, "Another answer.", "kz.liaison", Step.At + Duration.FromHours(3)));

        answered.Sent.OfType<StatusEnquiryAnswered>().Should().ContainSingle().Which.Should()
            .Be(new StatusEnquiryAnswered(id, "KZ", enquiryId, "The hearing is set for 20 April.", "kz.liaison", Step.At + Duration.FromHours(2)));
        again.Sent.Should().BeEmpty("each enquiry is answered once");
        (await harness.LoadAsync(id))!.CurrentState.Should().Be("Assigned");
        (await harness.TimelineAsync(id)).Select(t => t.Action).Should().Equal("Status enquiry received", "Status enquiry answered");
        (await harness.TimelineAsync(id))[0].Actor.Should().Be("kg.prosecutor (KG)");
    }

    [Fact]
    public async Task An_answer_to_another_case_s_enquiry_changes_nothing()
    {
        var id = Guid.NewGuid();
        var other = Guid.NewGuid();
        await harness.SeedAsync(Spec.Instance(id, "Assigned"), Spec.Instance(other, "Assigned"));
        await harness.SeedAsync(Step.Enquiry(other));

        var delivery = await harness.DeliverAsync(new AnswerStatusEnquiry(id, Step.Enquiry(other).Id, "Wrong case.", "kz.liaison", Step.At));

        delivery.Sent.Should().BeEmpty();
        (await harness.TimelineAsync(id)).Should().BeEmpty();
    }
}
