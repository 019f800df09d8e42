using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Domain.Cases;
using MlaRequests.Workflows.Shared;

namespace MlaRequests.Workflows.Branches;

/// <summary>
/// Status enquiries (UNTOC Art. 18(24)) on the requesting side: while the branch is open, this node asks the requested
/// country about the status and progress (a person's reasoned enquiry or reminder, or one the node sends itself when a
/// foreign clock escalates and the office turned that on); the answer comes back whenever it is given, also after the branch
/// finished. Neither changes the branch's status; both are on the timeline. An enquiry id already asked is not asked again.
/// </summary>
public sealed partial class BranchStateMachine
{
    void DuringStatusEnquiries(WorkflowNode node)
    {
        Event(() => SendStatusEnquiry, e => e.FaultWhenMissing(m => m.Message.BranchId));
        Event(() => StatusEnquiryAnswered, e => e.FaultWhenMissing(m => m.Message.BranchId));

        During([Transmitted, Acknowledged, UnderRecognition, AdditionalInformationRequested, Postponed, InExecution, PartiallyExecuted, Executed,
            EvidenceTransferred, ExecutionPostponed],
            When(SendStatusEnquiry)
                .IfAsync(async c => await c.Db().Set<StatusEnquiry>().FindAsync([c.Message.EnquiryId], c.CancellationToken) is null, ask => ask
                    .Then(c => c.Db().Add(new StatusEnquiry
                    {
                        Id = c.Message.EnquiryId, BranchId = c.Saga.CorrelationId, Question = c.Message.Question, Automatic = c.Message.Automatic,
                        AskedBy = c.Message.Actor, AskedAt = c.Message.At,
                    }))
                    .Send(c => WorkflowNode.InboundAddressOf(c.Saga.TargetNode),
                        c => new StatusEnquirySent(c.Saga.CorrelationId, node.Code, c.Message.EnquiryId, c.Message.Question, c.Message.Automatic,
                            c.Message.Actor, c.Message.At))
                    .Record(c => (c.Message.Automatic ? TimelineTexts.EnquirySentAutomatically : TimelineTexts.EnquirySent).Format(),
                        c => c.Message.Actor, c => c.Message.At, c => c.Message.Question)));

        DuringAny(
            When(StatusEnquiryAnswered)
                .ThenAsync(async c =>
                {
                    // An answer to an enquiry this node does not hold (its own row is written with the enquiry) is still shown.
                    if (await c.Db().Set<StatusEnquiry>().FindAsync([c.Message.EnquiryId], c.CancellationToken) is { IsAnswered: false } enquiry)
                    {
                        enquiry.Answer = c.Message.Answer;
                        enquiry.AnsweredBy = Remote(c.Message.Node, c.Message.Actor);
                        enquiry.AnsweredAt = c.Message.At;
                    }
                })
                .Record(TimelineTexts.EnquiryAnswered, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At, c => c.Message.Answer));

        // An enquiry reaching a branch that has finished in the meantime (an automatic one racing the final report) is late.
        _order.Event(SendStatusEnquiry, Transmitted);
    }

    /// <summary>This node asks the requested country about the status and progress.</summary>
    public Event<SendStatusEnquiry> SendStatusEnquiry { get; private set; } = null!;

    /// <summary>The requested country answered a status enquiry.</summary>
    public Event<StatusEnquiryAnswered> StatusEnquiryAnswered { get; private set; } = null!;
}
