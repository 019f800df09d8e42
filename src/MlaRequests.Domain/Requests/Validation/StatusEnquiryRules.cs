using MlaRequests.Domain.Cases;

namespace MlaRequests.Domain.Requests.Validation;

/// <summary>
/// The rules of a status enquiry (UNTOC Art. 18(24): the requested state answers reasonable requests for information on the
/// status and progress): an enquiry is reasoned (its question is required), and each one is answered once, with an answer.
/// </summary>
public static class StatusEnquiryRules
{
    /// <summary>The problems with an enquiry's <paramref name="question"/>, keyed by field (empty when none).</summary>
    public static Dictionary<string, string[]> AskProblems(string? question, InputLimits limits) => StepInputRules.Required("question", question, limits);

    /// <summary>
    /// The problems with answering <paramref name="enquiry"/> (null: the case has no enquiry <paramref name="enquiryId"/>) with
    /// <paramref name="answer"/>, keyed by field (empty when none).
    /// </summary>
    public static Dictionary<string, string[]> AnswerProblems(Guid? enquiryId, StatusEnquiry? enquiry, string? answer, InputLimits limits)
    {
        var problems = StepInputRules.Required("answer", answer, limits);
        if (enquiryId is null)
            problems["enquiryId"] = [ProblemTexts.Required.Format("enquiryId")];
        else if (enquiry is null)
            problems["enquiryId"] = [ProblemTexts.UnknownEnquiry.Format(enquiryId.Value)];
        else if (enquiry.IsAnswered)
            problems["enquiryId"] = [ProblemTexts.EnquiryAnswered.Format()];
        return problems;
    }
}
