using System.Security.Claims;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Branches;
using MlaRequests.Workflows.IncomingCases;
using MlaRequests.Workflows.Requests;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.Node.Features.Commands;

/// <summary>What every step endpoint needs, bound in one parameter.</summary>
public sealed class StepServices(
    IHttpContextAccessor http, NodeDbContext db, CommandContext commands, IClock clock,
    OutgoingRequestStateMachine requestMachine, BranchStateMachine branchMachine, IncomingCaseStateMachine incomingMachine, WorkflowNode node,
    InputLimits limits)
{
    /// <summary>The caller.</summary>
    public ClaimsPrincipal User => http.HttpContext?.User ?? throw new InvalidOperationException("No HTTP request.");

    /// <summary>The node's database.</summary>
    public NodeDbContext Db => db;

    /// <summary>The command's transaction.</summary>
    public CommandContext Commands => commands;

    /// <summary>Now, from the node's clock.</summary>
    public Instant Now { get; } = clock.GetCurrentInstant();

    /// <summary>This node's code.</summary>
    public string NodeCode => node.Code;

    /// <summary>How large input may be.</summary>
    public InputLimits Limits => limits;

    /// <summary>The outgoing-request workflow.</summary>
    public OutgoingRequestStateMachine RequestMachine => requestMachine;

    /// <summary>The branch workflow.</summary>
    public BranchStateMachine BranchMachine => branchMachine;

    /// <summary>The incoming-case workflow.</summary>
    public IncomingCaseStateMachine IncomingMachine => incomingMachine;
}
