using MassTransit;
using MlaRequests.Domain.Requests;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Node.Persistence;
using NodaTime;

namespace MlaRequests.Node.Features.Requests;

/// <summary>
/// One row of a step table of the requesting side (<see cref="RequestSteps.OnRequest"/>, <see cref="RequestSteps.OnBranch"/>):
/// the route, who may take it, its body, the event of <typeparamref name="TMachine"/> it raises (the states it is
/// allowed from are read from the state machine through that event), what it checks and the message it commits.
/// </summary>
/// <typeparam name="TMachine">The workflow the step belongs to.</typeparam>
public sealed class RequestStep<TMachine>
{
    /// <summary>Builds a row; <see cref="RequestSteps"/> holds the tables.</summary>
    internal RequestStep(string route, Func<TMachine, Event> @event, string role, bool ownOffice, Type? body, StepFormLayout form, string summary,
        string description, Func<RequestStepContext, Dictionary<string, string[]>> validate, Func<RequestStepContext, object> message,
        Func<NodeDbContext, RequestStepContext, Task>? alsoWrite = null)
    {
        Route = route;
        Event = @event;
        Role = role;
        OwnOffice = ownOffice;
        Body = body;
        Form = form;
        Summary = summary;
        Description = description;
        Validate = validate;
        Message = message;
        AlsoWrite = alsoWrite;
    }

    /// <summary>The step's name and the last segment of its URL.</summary>
    public string Route { get; }

    /// <summary>The workflow event it raises; the step is allowed in exactly the states that handle it.</summary>
    public Func<TMachine, Event> Event { get; }

    /// <summary>Who may take it.</summary>
    public string Role { get; }

    /// <summary>True when only the request's own office may take it.</summary>
    public bool OwnOffice { get; }

    /// <summary>True when liaison officers (of any office: they are the central authority) may take it too, besides <see cref="Role"/>.</summary>
    public bool AlsoLiaisonOfficers { get; init; }

    /// <summary>The JSON body it takes, or null when it takes none.</summary>
    public Type? Body { get; }

    /// <summary>Its form in the web UI.</summary>
    public StepFormLayout Form { get; }

    /// <summary>One line for the API document.</summary>
    public string Summary { get; }

    /// <summary>What the step means, for the API document.</summary>
    public string Description { get; }

    /// <summary>Its input problems, keyed by field (empty: none).</summary>
    public Func<RequestStepContext, Dictionary<string, string[]>> Validate { get; }

    /// <summary>The message for the workflow.</summary>
    public Func<RequestStepContext, object> Message { get; }

    /// <summary>What the step writes besides the workflow, in the command's transaction.</summary>
    public Func<NodeDbContext, RequestStepContext, Task>? AlsoWrite { get; }

    /// <summary>
    /// What the step reads before its checks (the JIT agreement in force for an amendment), once and asynchronously, into the context the
    /// checks and the message are given; null when it reads nothing.
    /// </summary>
    public Func<RequestStepContext, Task<RequestStepContext>>? Prepare { get; init; }

    /// <summary>What the step goes through with but returns as warnings beside its result (submit), or null.</summary>
    public Func<RequestStepContext, IReadOnlyList<Domain.Requests.Validation.ContentWarning>>? Warnings { get; init; }

    /// <summary>Maps the step's POST (with its body, if any) under a group.</summary>
    internal Func<RouteGroupBuilder, RequestStep<TMachine>, RouteHandlerBuilder> Mapper { get; init; } = (_, _) => throw new InvalidOperationException("Not mapped.");

    /// <summary>The name of the event (and so the message) the step raises, which also names its API operation.</summary>
    public string EventName(TMachine machine) => Event(machine).Name;
}

/// <summary>What a step of the requesting side works with.</summary>
/// <param name="Id">The request.</param>
/// <param name="BranchId">The branch (for a branch step; the request otherwise).</param>
/// <param name="Request">The request as stored before the step.</param>
/// <param name="Text">The step's one text field (comments, reasons, reason, answer), if it has one.</param>
/// <param name="Actor">Who takes the step.</param>
/// <param name="At">When.</param>
/// <param name="Services">The command's services.</param>
/// <param name="Cancellation">The request's cancellation.</param>
public sealed record RequestStepContext(Guid Id, Guid BranchId, MlaRequest Request, string? Text, string Actor, Instant At, StepServices Services,
    CancellationToken Cancellation)
{
    /// <summary>The step's one date field (propose-jit-extension: the new end date), if it has one.</summary>
    public LocalDate? Date { get; init; }

    /// <summary>The step's agreement (propose-jit-amendment: the amended JIT agreement), if it has one.</summary>
    public Domain.Requests.JitProposal? Jit { get; init; }

    /// <summary>The JIT agreement's versions with this country, read by <see cref="RequestStep{TMachine}.Prepare"/> for the amendment steps.</summary>
    public JitAgreementHistory? JitHistory { get; init; }

    /// <summary>The end date in force with this country (an extension's), read with <see cref="JitHistory"/>.</summary>
    public LocalDate? JitEndsOn { get; init; }
}
