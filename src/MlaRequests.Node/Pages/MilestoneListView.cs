using MlaRequests.Node.Features.Milestones;

namespace MlaRequests.Node.Pages;

/// <summary>What the milestones partial draws: each milestone with its participants and confirmations, and the forms of the steps the user may take.</summary>
/// <param name="Items">The milestones, soonest first (each with its own <c>allowedSteps</c>).</param>
/// <param name="Scope">Request (the requesting side's shared milestones) or Incoming (a participating country's case).</param>
/// <param name="Id">The request or incoming case.</param>
/// <param name="ScheduleCountries">On the requesting side, the requested countries a new shared milestone may name; empty when the user may not schedule.</param>
/// <param name="ReturnUrl">The page to come back to.</param>
public sealed record MilestoneListView(IReadOnlyList<MilestoneEndpoints.View> Items, MilestoneScope Scope, Guid Id, IReadOnlyList<string> ScheduleCountries,
    string ReturnUrl);
