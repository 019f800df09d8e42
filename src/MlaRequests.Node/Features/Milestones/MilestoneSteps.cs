using System.Security.Claims;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Node.Features.Requests;

namespace MlaRequests.Node.Features.Milestones;

/// <summary>Where a milestone step is taken.</summary>
public enum MilestoneScope
{
    /// <summary>One requested country's branch of an outgoing request: <c>/api/requests/{id}/targets/{country}/milestones</c>.</summary>
    Branch,

    /// <summary>A case received from another country: <c>/api/incoming/{id}/milestones</c>.</summary>
    Incoming,

    /// <summary>The outgoing request as a whole, for milestones shared by several branches: <c>/api/requests/{id}/milestones</c>.</summary>
    Request,
}

/// <summary>
/// One milestone step: its route under its scope, who may take it, its body and form, its answer (201 for a new milestone, 202
/// for a step on one) and its handler. The routes, the web UI's forms, the <c>allowedSteps</c> of each milestone and the API
/// document are read from <see cref="MilestoneSteps.All"/>.
/// </summary>
/// <param name="Route">The last path segment (for a step on one milestone, after <c>{milestoneId}</c>); null for the create route itself.</param>
/// <param name="Scope">Where it is taken.</param>
/// <param name="MayAct">Who may take it, given the request's office (null on an incoming case).</param>
/// <param name="Who">Who may take it, in words, for the API document.</param>
/// <param name="Body">The JSON body's type, or null.</param>
/// <param name="Form">How its form looks in the web UI.</param>
/// <param name="Summary">The API document's summary.</param>
/// <param name="Description">The API document's description.</param>
/// <param name="Handler">Takes the step once the caller may see the request or case and act on it.</param>
public sealed record MilestoneStep(string? Route, MilestoneScope Scope, Func<ClaimsPrincipal, string?, bool> MayAct, string Who, Type? Body,
    StepFormLayout Form, string Summary, string Description, Func<MilestoneStepContext, Task<IResult>> Handler)
{
    /// <summary>True for a step on an existing milestone (its path has <c>{milestoneId}</c>); false for creating one.</summary>
    public bool OnMilestone => Route is not null;

    /// <summary>The step's name in <c>allowedSteps</c> and the web UI.</summary>
    public string Name => Route ?? (Scope == MilestoneScope.Request ? "schedule" : "propose");

    /// <summary>The route template under <c>/api</c>.</summary>
    public string Pattern => (Scope switch
    {
        MilestoneScope.Branch => "/requests/{id:guid}/targets/{country}/milestones",
        MilestoneScope.Incoming => "/incoming/{id:guid}/milestones",
        _ => "/requests/{id:guid}/milestones",
    }) + (OnMilestone ? $"/{{milestoneId:guid}}/{Route}" : string.Empty);

    /// <summary>Its status on success.</summary>
    public int Answer => OnMilestone ? StatusCodes.Status202Accepted : StatusCodes.Status201Created;
}

/// <summary>What a milestone step's handler gets.</summary>
/// <param name="Side">This node's side of the case.</param>
/// <param name="MilestoneId">The milestone, for a step on one.</param>
/// <param name="Body">The bound body, or null.</param>
/// <param name="Services">The node's services for the call.</param>
/// <param name="Cancellation">The call's cancellation.</param>
public sealed record MilestoneStepContext(MilestoneSide Side, Guid? MilestoneId, object? Body, StepServices Services, CancellationToken Cancellation);

/// <summary>
/// The milestone steps, one entry each. Milestones of one branch (proposed by either side, confirmed by each) are the routes of the
/// previous release, unchanged; milestones shared by several branches are scheduled, rescheduled, cancelled and marked done by the
/// requesting side on the request, and confirmed by each participating country on its incoming case (the same confirm route).
/// </summary>
public static class MilestoneSteps
{
    static readonly Func<ClaimsPrincipal, string?, bool> RequestingOffice = ChildProtection.Handles;
    static readonly Func<ClaimsPrincipal, string?, bool> LiaisonOfficer = (user, _) => user.IsInRole(Roles.LiaisonOfficer);
    const string RequestingWho = "Prosecutors of the request's office and liaison officers";
    const string LiaisonWho = "Liaison officers";

    /// <summary>Every milestone step.</summary>
    public static IReadOnlyList<MilestoneStep> All { get; } =
    [
        new(null, MilestoneScope.Branch, RequestingOffice, RequestingWho, typeof(MilestoneEndpoints.ProposeBody), new("Step.Title", StepFields.Until),
            "Propose a milestone to this requested country", "Proposes a milestone of this branch only (e.g. a common action day of a parallel investigation); "
            + "the requested country is told and confirms it.", MilestoneEndpoints.ProposeAsync),
        new(null, MilestoneScope.Incoming, LiaisonOfficer, LiaisonWho, typeof(MilestoneEndpoints.ProposeBody), new("Step.Title", StepFields.Until),
            "Propose a milestone to the requesting country", "Proposes a milestone of this linked case; the requesting country is told and confirms it.",
            MilestoneEndpoints.ProposeAsync),
        new("confirm", MilestoneScope.Branch, RequestingOffice, RequestingWho, null, new(),
            "Confirm the requested country's milestone", "Confirms a milestone of this branch that the requested country proposed; it is told.",
            MilestoneEndpoints.ConfirmAsync),
        new("confirm", MilestoneScope.Incoming, LiaisonOfficer, LiaisonWho, null, new(),
            "Confirm a milestone, or this country's readiness for a shared one",
            "Confirms a milestone the requesting country proposed for this case, or this country's readiness for a milestone the requesting country "
            + "shares with several countries; the requesting country is told, once.", MilestoneEndpoints.ConfirmAsync),
        new(null, MilestoneScope.Request, RequestingOffice, RequestingWho, typeof(SharedMilestoneEndpoints.ScheduleBody),
            new("Step.Title", StepFields.Until | StepFields.Countries), "Schedule a milestone shared by several requested countries",
            "Schedules one milestone (a common action day, a coordinated arrest, simultaneous searches) for two or more requested countries of a mirror, "
            + "parallel or joint investigation; each of them receives it with the same id, title, date and participants and confirms its readiness.",
            SharedMilestoneEndpoints.ScheduleAsync),
        new("reschedule", MilestoneScope.Request, RequestingOffice, RequestingWho, typeof(SharedMilestoneEndpoints.RescheduleBody),
            new("Step.Reason", StepFields.Until), "Reschedule a shared milestone",
            "Moves a shared milestone to a new date, with a reason, once for every participating country.", SharedMilestoneEndpoints.RescheduleAsync),
        new("cancel", MilestoneScope.Request, RequestingOffice, RequestingWho, typeof(SharedMilestoneEndpoints.CancelBody), new("Step.Reason", Danger: true),
            "Cancel a shared milestone", "Cancels a shared milestone, with a reason, for every participating country; no reminders follow.",
            SharedMilestoneEndpoints.CancelAsync),
        new("complete", MilestoneScope.Request, RequestingOffice, RequestingWho, null, new(), "Mark a shared milestone done",
            "Records that the shared milestone took place; every participating country is told.", SharedMilestoneEndpoints.CompleteAsync),
    ];

    /// <summary>The steps of <paramref name="scope"/> on an existing milestone that <paramref name="user"/> may take, before the milestone's own rules.</summary>
    public static IEnumerable<MilestoneStep> OnMilestoneIn(MilestoneScope scope, ClaimsPrincipal user, string? office) =>
        All.Where(s => s.Scope == scope && s.OnMilestone && s.MayAct(user, office));

    /// <summary>The web UI form of step <paramref name="name"/> in <paramref name="scope"/>, or null when there is no such step.</summary>
    public static StepFormLayout? Form(MilestoneScope scope, string name) => All.SingleOrDefault(s => s.Scope == scope && s.Name == name)?.Form;
}
