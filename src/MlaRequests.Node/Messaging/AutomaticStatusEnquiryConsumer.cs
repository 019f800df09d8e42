using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MlaRequests.Domain;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Branches;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.Shared;

namespace MlaRequests.Node.Messaging;

/// <summary>
/// Sends a status enquiry by itself when a clock the requested country must meet escalates on a branch of an office that turned
/// this on (<see cref="StatusEnquiryOptions"/>). The enquiry's id follows from the clock's, so a redelivered or repeated escalation
/// of the same clock asks nothing new (the branch keeps each enquiry id once): one enquiry per clock, never a storm.
/// </summary>
public sealed class AutomaticStatusEnquiryConsumer(NodeDbContext db, IOptions<StatusEnquiryOptions> options, WorkflowNode node) : IConsumer<DeadlineEscalated>
{
    /// <inheritdoc />
    public async Task Consume(ConsumeContext<DeadlineEscalated> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var escalated = context.Message;
        var offices = options.Value.AutomaticForOffices;
        if (offices.Count == 0 || escalated.ActingCountry == node.Code)
            return;
        var branchId = await db.Clocks.AsNoTracking().Where(c => c.CorrelationId == escalated.ClockId).Select(c => c.BranchId)
            .SingleOrDefaultAsync(context.CancellationToken);
        var branch = branchId is null ? null
            : await db.BranchWorkflows.AsNoTracking().SingleOrDefaultAsync(b => b.CorrelationId == branchId, context.CancellationToken);
        if (branch is null || branch.TargetNode != escalated.ActingCountry || !offices.Contains(branch.OfficeCode, StringComparer.Ordinal))
            return;
        var question = TimelineTexts.AutomaticEnquiryQuestion.Format(escalated.Kind, escalated.ActingCountry, escalated.DueAt);
        await context.Publish(new SendStatusEnquiry(branch.CorrelationId, DeterministicGuid.Create("status-enquiry", escalated.ClockId), question, true,
            "system", escalated.EscalatedAt));
    }
}
