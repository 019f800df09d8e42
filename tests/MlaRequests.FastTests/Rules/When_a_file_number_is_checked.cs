using FluentAssertions;
using MlaRequests.Domain.Requests.Validation;
using Xunit;

namespace MlaRequests.FastTests.Rules;

/// <summary>The requested office's own file number given at registration, without a node.</summary>
public sealed class When_a_file_number_is_checked
{
    [Theory]
    [InlineData("2-1234/26")]
    [InlineData("МП-17/2026")]
    [InlineData("  KG-GP 0042  ")]
    public void A_one_line_number_is_taken(string number) => FileNumberRules.Problems(number).Should().BeEmpty();

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_missing_number_is_required_on_the_form(string? number) =>
        FileNumberRules.Problems(number).Should().ContainKey("fileNumber").WhoseValue.Should().Equal(ProblemTexts.Required.Format("fileNumber"));

    [Fact]
    public void A_number_longer_than_64_characters_is_refused() =>
        FileNumberRules.Problems(new string('7', 65)).Should().ContainKey("fileNumber").WhoseValue.Should().Equal(ProblemTexts.TooLong.Format(64));

    [Fact]
    public void Exactly_64_characters_are_taken() => FileNumberRules.Problems(new string('7', 64)).Should().BeEmpty();

    [Theory]
    [InlineData("2-1234\n26")]
    [InlineData("2-1234\t26")]
    public void A_control_character_is_refused(string number) =>
        FileNumberRules.Problems(number).Should().ContainKey("fileNumber").WhoseValue.Should().Equal(FileNumberTexts.OneLine.Format());

    [Fact]
    public void An_API_call_without_the_property_registers_without_a_number_as_release_3_did()
    {
        FileNumberRules.RegistrationProblems(null).Should().BeEmpty();
        FileNumberRules.Normalize(null).Should().BeNull();
    }

    [Fact]
    public void An_empty_number_from_the_form_is_still_refused_at_registration() =>
        FileNumberRules.RegistrationProblems(" ").Should().ContainKey("fileNumber");

    [Fact]
    public void The_number_is_kept_trimmed() => FileNumberRules.Normalize("  2-1234/26 ").Should().Be("2-1234/26");
}
