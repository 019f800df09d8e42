namespace MlaRequests.Contracts.Parts;

/// <summary>
/// One condition of a request's execution (UNTOC Art. 18(26)): a coded kind with its wording. Kept in a namespace of its own
/// so that it is never taken for a message.
/// </summary>
/// <param name="Kind">UseLimitedToProceedings, Confidentiality, CostsBorneByRequestingParty or Other.</param>
/// <param name="Text">The condition as worded by the requested authority.</param>
public sealed record AgreedCondition(string Kind, string Text);
