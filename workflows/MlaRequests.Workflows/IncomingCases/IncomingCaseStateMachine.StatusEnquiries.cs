using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Domain.Cases;
using MlaRequests.Workflows.Shared;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>
/// Status enquiries (UNTOC Art. 18(24)) on the requested side: an enquiry from the requesting country is kept with the case,
/// whatever its status, and is a task of the liaison officers until one of them answers it, once; the answer goes back to the
/// requesting country. Neither changes the case's status; both are on the timeline.
/// </summary>
public sealed partial class IncomingCaseStateMachine
{
    void DuringStatusEnquiries(WorkflowNode node)
    {
        Event(() => StatusEnquirySent, e => e.FaultWhenMissing(m => m.Message.BranchId));
        Event(() => AnswerStatusEnquiry, e => e.FaultWhenMissing(m => m.Message.CaseId));

        DuringAny(
            When(StatusEnquirySent)
                .IfAsync(async c => await c.Db().Set<StatusEnquiry>().FindAsync([c.Message.EnquiryId], c.CancellationToken) is null, keep => keep
                    .Then(c => c.Db().Add(new StatusEnquiry
                    {
                        Id = c.Message.EnquiryId, BranchId = c.Saga.CorrelationId, Question = c.Message.Question, Automatic = c.Message.Automatic,
                        AskedBy = $"{c.Message.Actor} ({c.Message.Node})", AskedAt = c.Message.At,
                    }))
                    .Record(TimelineTexts.EnquiryReceived, c => $"{c.Message.Actor} ({c.Message.Node})", c => c.Message.At, c => c.Message.Question)),
            When(AnswerStatusEnquiry)
                .IfAsync(async c => await c.Db().Set<StatusEnquiry>().FindAsync([c.Message.EnquiryId], c.CancellationToken)
                    is { IsAnswered: false } enquiry && enquiry.BranchId == c.Saga.CorrelationId, answer => answer
                    .ThenAsync(async c =>
                    {
                        var enquiry = (await c.Db().Set<StatusEnquiry>().FindAsync([c.Message.EnquiryId], c.CancellationToken))!;
                        enquiry.Answer = c.Message.Answer;
                        enquiry.AnsweredBy = c.Message.Actor;
                        enquiry.AnsweredAt = c.Message.At;
                    })
                    .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode),
                        c => new StatusEnquiryAnswered(c.Saga.CorrelationId, node.Code, c.Message.EnquiryId, c.Message.Answer, c.Message.Actor, c.Message.At))
                    .Record(TimelineTexts.EnquiryAnswered, c => c.Message.Actor, c => c.Message.At, c => c.Message.Answer)));
    }

    /// <summary>The requesting country asked about the status and progress.</summary>
    public Event<StatusEnquirySent> StatusEnquirySent { get; private set; } = null!;

    /// <summary>A liaison officer answered a status enquiry.</summary>
    public Event<AnswerStatusEnquiry> AnswerStatusEnquiry { get; private set; } = null!;
}
