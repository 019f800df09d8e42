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
        Func<RouteGroupBuilder, IncomingStep, RouteHandlerBuilder> map, IReadOnlyList<string>? takers)
    {
        Takers = takers ?? [Roles.LiaisonOfficer];
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

    /// <summary>The roles that may take it (liaison officers unless the step names others).</summary>
    public IReadOnlyList<string> Takers { get; private set; }

    /// <summary>True when <paramref name="user"/> has one of the roles that take the step.</summary>
    public bool MayTake(System.Security.Claims.ClaimsPrincipal user) => Takers.Any(user.IsInRole);

    /// <summary>Who may take it, for the API document (e.g. <c>Liaison officers only</c>).</summary>
    public string TakersText => Takers.Count == 1
        ? $"{Plural(Takers[0])} only"
        : $"Only {string.Join(" or ", Takers.Select(Plural))} (an executor only on the cases assigned to them)";

    static string Plural(string role) => role switch
    {
        Roles.LiaisonOfficer => "Liaison officers",
        Roles.Supervisor => "Supervisors",
        Roles.Executor => "executors",
        _ => role,
    };

    /// <summary>
    /// Why the caller (by user name), although one of <see cref="Takers"/>, may not take the step on this case's workflow instance
    /// (null before it started): a 403, and the step is not among the caller's allowed steps. Null when they may.
    /// </summary>
    public Func<string, IncomingCaseState?, string?> Forbidden { get; private set; } = (_, _) => null;

    /// <summary>
    /// Why the policies cannot grant the step on this case's workflow instance (null before it started), whoever asks: a 409, and the step is not
    /// among anyone's allowed steps. Null when they can.
    /// </summary>
    public Func<IncomingCaseState?, string?> Unavailable { get; private set; } = _ => null;

    /// <summary>The step is not offered, and answered 409, where <paramref name="unavailable"/> names a reason.</summary>
    public IncomingStep Unless(Func<IncomingCaseState?, string?> unavailable)
    {
        ArgumentNullException.ThrowIfNull(unavailable);
        Unavailable = unavailable;
        return this;
    }

    /// <summary>The step is taken by <paramref name="role"/>, and not by anyone <paramref name="forbidden"/> names a reason against.</summary>
    public IncomingStep By(string role, Func<string, IncomingCaseState?, string?>? forbidden = null)
    {
        Takers = [role];
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
                IncomingSteps.TakeAsync(step, id, new IncomingSteps.StepInput(), s, node, ct)), null);

    /// <summary>
    /// A step that takes a <typeparamref name="TBody"/> body, read into the steps' common input by <paramref name="input"/>. The body is
    /// required (a reference type, not nullable): a missing or <c>null</c> body is a 400, as for any command. <paramref name="takers"/>
    /// are the roles that take it (liaison officers when null).
    /// </summary>
    public static IncomingStep With<TBody>(string route, Func<IncomingCaseStateMachine, Event> @event, string summary, string description, StepFormLayout form,
        Func<TBody, IncomingSteps.StepInput> input, Func<IncomingStepContext, Task<Dictionary<string, string[]>>> validate,
        Func<IncomingStepContext, NodeDbContext, Task<object>> message, IReadOnlyList<string>? takers = null)
        where TBody : class =>
        new(route, typeof(TBody), @event, summary, description, form, validate, message,
            (group, step) => group.MapPost($"/{{id:guid}}/{route}", (Guid id, TBody body, StepServices s, IOptions<NodeOptions> node, CancellationToken ct) =>
                IncomingSteps.TakeAsync(step, id, input(body), s, node, ct)), takers);
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
