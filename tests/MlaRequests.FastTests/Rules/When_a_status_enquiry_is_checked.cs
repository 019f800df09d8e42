using FluentAssertions;
using MlaRequests.Domain.Cases;
using MlaRequests.Domain.Requests.Validation;
using NodaTime;
using Xunit;

namespace MlaRequests.FastTests.Rules;

/// <summary>The rules of a status enquiry (UNTOC Art. 18(24)): reasoned when asked, answered once with an answer.</summary>
public sealed class When_a_status_enquiry_is_checked
{
    static readonly InputLimits Limits = new();

    static StatusEnquiry Open() => new()
    {
        Id = Guid.NewGuid(), BranchId = Guid.NewGuid(), Question = "Has the witness been heard?", AskedBy = "kz.prosecutor", AskedAt = Instant.FromUtc(2026, 5, 4, 6, 0),
    };

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void An_enquiry_without_a_question_is_refused_naming_question(string? question) =>
        StatusEnquiryRules.AskProblems(question, Limits).Should().ContainKey("question").WhoseValue.Should().Equal(ProblemTexts.Required.Format("question"));

    [Fact]
    public void A_reasoned_enquiry_passes_and_an_overlong_one_does_not()
    {
        StatusEnquiryRules.AskProblems("Our trial opens on 1 June; has the witness been heard?", Limits).Should().BeEmpty();
        StatusEnquiryRules.AskProblems(new string('x', Limits.TextLength + 1), Limits)["question"].Should().Equal(ProblemTexts.TooLong.Format(Limits.TextLength));
    }

    [Fact]
    public void An_open_enquiry_with_an_answer_may_be_answered()
    {
        var enquiry = Open();

        StatusEnquiryRules.AnswerProblems(enquiry.Id, enquiry, "The hearing is set for 20 April.", Limits).Should().BeEmpty();
    }

    [Fact]
    public void An_answered_enquiry_is_not_answered_again()
    {
        var enquiry = Open();
        enquiry.Answer = "Heard on 20 April.";
        enquiry.AnsweredAt = Instant.FromUtc(2026, 5, 5, 6, 0);

        StatusEnquiryRules.AnswerProblems(enquiry.Id, enquiry, "Again.", Limits)["enquiryId"].Should().Equal(ProblemTexts.EnquiryAnswered.Format());
    }

    [Fact]
    public void An_unknown_or_missing_enquiry_and_an_empty_answer_are_named()
    {
        var unknown = Guid.NewGuid();

        StatusEnquiryRules.AnswerProblems(unknown, null, "Heard.", Limits)["enquiryId"].Should().Equal(ProblemTexts.UnknownEnquiry.Format(unknown));
        StatusEnquiryRules.AnswerProblems(null, null, " ", Limits).Keys.Should().BeEquivalentTo("enquiryId", "answer");
    }
}
