using MlaRequests.Node.Features.Consultations;

namespace MlaRequests.Node.Pages;

/// <summary>What the consultations partial draws: the conditions of an acceptance under conditions, and each consultation with its answer.</summary>
/// <param name="Items">The consultations, oldest first.</param>
/// <param name="Conditions">The conditions under which the request was accepted (empty when none).</param>
public sealed record ConsultationListView(IReadOnlyList<ConsultationEndpoints.View> Items, IReadOnlyList<ConsultationEndpoints.ConditionView> Conditions);
