namespace MlaRequests.Node.Features.Letters;

/// <summary>A condition a requested country executes the request under, as the letter prints it.</summary>
/// <param name="Country">The requested country.</param>
/// <param name="Kind">One of <c>ConsultationCodes.ConditionKinds</c>.</param>
/// <param name="Text">Its wording.</param>
/// <param name="FromConsultation">True when it was proposed in a consultation (UNTOC Art. 18(26)) and accepted by this office; false for a condition of the acceptance.</param>
public sealed record LetterCondition(string Country, string Kind, string Text, bool FromConsultation);
