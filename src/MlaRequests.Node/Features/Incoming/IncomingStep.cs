using MassTransit;
using Microsoft.Extensions.Options;
using MlaRequests.Domain.Cases;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Node.Hosting;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.IncomingCases;
using NodaTime;

namespace MlaRequests.Node.Features.Incoming;

/// <summary>
/// One row of the incoming-case workflow's step table (<see cref="IncomingSteps.Table"/>): the
/// route, who may take it, its body, the workflow event it raises (the states it is allowed from are
/// read from the state machine through that event), what it checks, and the message it commits.
/// </summary>
public sealed class IncomingStep
{
    readonly Func<RouteGroupBuilder, IncomingStep, RouteHandlerBuilder> _map;

    IncomingStep(string route, Type? body, Func<IncomingCaseStateMachine, Event> @event, string summary, string description, StepFormLayout form,
        Func<IncomingStepContext, Task<Dictionary<string, string[]>>> validate, Func<IncomingStepContext, NodeDbContext, Task<object>> message,
        Func<RouteGroupBuilder, IncomingStep, RouteHandlerBuilder> map)
    {
        Route = route;
        Body = body;
        Event = @event;
        Summary = summary;
        Description = description;
        Form = form;
        Validate = validate;
        Message = message;
        _map = map;
    }

    /// <summary>The step's name and the last segment of its URL, <c>/api/incoming/{id}/{route}</c>.</summary>
    public string Route { get; }

    /// <summary>Who may take it (liaison officers unless <see cref="By"/> says otherwise).</summary>
    public string Role { get; private set; } = Roles.LiaisonOfficer;

    /// <summary>
    /// Why the caller (by user name), although in <see cref="Role"/>, may not take the step on this case's workflow instance (null before
    /// it started): a 403, and the step is not among the caller's allowed steps. Null when they may.
    /// </summary>
    public Func<string, IncomingCaseState?, string?> Forbidden { get; private set; } = (_, _) => null;

    /// <summary>The step is taken by <paramref name="role"/>, and not by anyone <paramref name="forbidden"/> names a reason against.</summary>
    public IncomingStep By(string role, Func<string, IncomingCaseState?, string?>? forbidden = null)
    {
        Role = role;
        Forbidden = forbidden ?? ((_, _) => null);
        return this;
    }

    /// <summary>The JSON body it takes, or null when it takes none.</summary>
    public Type? Body { get; }

    /// <summary>The workflow event it raises; the step is allowed in exactly the states that handle it.</summary>
    public Func<IncomingCaseStateMachine, Event> Event { get; }

    /// <summary>One line for the API document.</summary>
    public string Summary { get; }

    /// <summary>What the step means, for the API document.</summary>
    public string Description { get; }

    /// <summary>Its form in the web UI.</summary>
    public StepFormLayout Form { get; }

    /// <summary>Its input problems, keyed by field (empty: none).</summary>
    public Func<IncomingStepContext, Task<Dictionary<string, string[]>>> Validate { get; }

    /// <summary>Writes what the step changes besides the workflow and returns the message for the workflow, in the command's transaction.</summary>
    public Func<IncomingStepContext, NodeDbContext, Task<object>> Message { get; }

    /// <summary>The name of the event (and so the message) the step raises, which also names its API operation.</summary>
    public string EventName(IncomingCaseStateMachine machine) => Event(machine).Name;

    /// <summary>The states the step is allowed from, as the state machine declares them.</summary>
    public IReadOnlyList<string> AllowedFrom(IncomingCaseStateMachine machine) => WorkflowSteps.AllowedFrom(machine, Event(machine));

    /// <summary>Maps the step's POST under <paramref name="incoming"/>.</summary>
    public RouteHandlerBuilder Map(RouteGroupBuilder incoming) => _map(incoming, this);

    /// <summary>A step that takes no body.</summary>
    public static IncomingStep Without(string route, Func<IncomingCaseStateMachine, Event> @event, string summary, string description, StepFormLayout form,
        Func<IncomingStepContext, NodeDbContext, Task<object>> message) =>
        new(route, null, @event, summary, description, form, _ => Task.FromResult(new Dictionary<string, string[]>()), message,
            (group, step) => group.MapPost($"/{{id:guid}}/{route}", (Guid id, StepServices s, IOptions<NodeOptions> node, CancellationToken ct) =>
                IncomingSteps.TakeAsync(step, id, new IncomingSteps.StepInput(), s, node, ct)));

    /// <summary>
    /// A step that takes a <typeparamref name="TBody"/> body, read into the steps' common input by <paramref name="input"/>. The body is
    /// required (a reference type, not nullable): a missing or <c>null</c> body is a 400, as for any command.
    /// </summary>
    public static IncomingStep With<TBody>(string route, Func<IncomingCaseStateMachine, Event> @event, string summary, string description, StepFormLayout form,
        Func<TBody, IncomingSteps.StepInput> input, Func<IncomingStepContext, Task<Dictionary<string, string[]>>> validate,
        Func<IncomingStepContext, NodeDbContext, Task<object>> message)
        where TBody : class =>
        new(route, typeof(TBody), @event, summary, description, form, validate, message,
            (group, step) => group.MapPost($"/{{id:guid}}/{route}", (Guid id, TBody body, StepServices s, IOptions<NodeOptions> node, CancellationToken ct) =>
                IncomingSteps.TakeAsync(step, id, input(body), s, node, ct)));
}

/// <summary>What an incoming step works with.</summary>
/// <param name="Id">The case.</param>
/// <param name="Case">The case as stored before the step.</param>
/// <param name="Input">The fields the caller sent.</param>
/// <param name="Services">The command's services.</param>
/// <param name="NodeCode">This node's code.</param>
/// <param name="Cancellation">The request's cancellation.</param>
public sealed record IncomingStepContext(Guid Id, IncomingCase Case, IncomingSteps.StepInput Input, StepServices Services, string NodeCode,
    CancellationToken Cancellation)
{
    /// <summary>Who takes the step.</summary>
    public string Actor => Services.User.UserName();

    /// <summary>When.</summary>
    public Instant At => Services.Now;
}
