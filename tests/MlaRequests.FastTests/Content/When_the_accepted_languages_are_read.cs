using MlaRequests.Domain;
using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Tests.Infrastructure;
using MlaRequests.Workflows.Content;

namespace MlaRequests.FastTests.Content;

/// <summary>The languages each requested state accepts (<c>Data/accepted-languages.json</c>) and the submit check built on them.</summary>
public sealed class When_the_accepted_languages_are_read
{
    static readonly AcceptedLanguages Data = LanguageData.Accepted;

    [Theory]
    [InlineData("KZ", "kk")]
    [InlineData("KG", "ky")]
    [InlineData("TJ", "tg")]
    [InlineData("TM", "tk")]
    [InlineData("UZ", "uz")]
    public void Each_state_accepts_its_state_language_and_Russian_each_with_a_source(string country, string stateLanguage)
    {
        Data.For(country).Should().Equal(stateLanguage, "ru");
        Data.States[country].Languages.Should().OnlyContain(l => !string.IsNullOrWhiteSpace(l.Source));
    }

    [Fact]
    public void Every_node_of_the_region_has_an_entry() =>
        Data.States.Keys.Should().BeEquivalentTo(NodeCode.Countries.Keys);

    [Fact]
    public void Entries_that_were_not_read_against_an_official_text_are_marked_unverified() =>
        Data.States.Values.SelectMany(s => s.Languages).Should().OnlyContain(l => !l.Verified,
            "no UNTOC Art. 18(14) notification or constitution was read in this review; verify before marking");

    [Theory]
    [InlineData("""{ "states": { "XX": { "name": "X", "languages": [ { "code": "ru", "source": "s" } ] } } }""", "unknown country 'XX'")]
    [InlineData("""{ "states": { "KZ": { "name": "K", "languages": [] } } }""", "KZ accepts no language")]
    [InlineData("""{ "states": { "KZ": { "name": "K", "languages": [ { "code": "RUS", "source": "s" } ] } } }""", "'RUS'")]
    [InlineData("""{ "states": { "KZ": { "name": "K", "languages": [ { "code": "ru", "source": " " } ] } } }""", "has no source")]
    [InlineData("""{ "states": { "KZ": { "name": "K", "languages": [ { "code": "ru", "source": "a" }, { "code": "ru", "source": "b" } ] } } }""", "twice")]
    public void Bad_data_fails_loading_with_a_message_naming_it(string json, string message) =>
        FluentActions.Invoking(() => AcceptedLanguages.Parse(json)).Should().Throw<InvalidDataException>().WithMessage($"*{message}*");

    static RequestContent Request(string? original, params string[] targets)
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002, targets);
        content.OriginalLanguage = original;
        return content;
    }

    static Translation Into(string language, string? country = null) =>
        new() { Language = language, Translator = "Q. R.", CertifiedOn = new NodaTime.LocalDate(2026, 12, 1), Country = country };

    [Theory]
    [InlineData("ru", "KG")]
    [InlineData("RU", "TM")]
    [InlineData("ky", "KG")]
    [InlineData("uz", "UZ")]
    public void A_request_in_an_accepted_language_passes(string language, string target) =>
        Data.Problems(Request(language, target)).Should().BeEmpty();

    [Fact]
    public void A_request_in_English_to_Kyrgyzstan_is_refused_naming_the_original_language_and_what_Kyrgyzstan_accepts()
    {
        var problems = Data.Problems(Request("en", "KG"));

        problems.Keys.Should().Equal("originalLanguage");
        problems["originalLanguage"].Should().Equal("KG accepts requests in ky, ru; the request offers it en. Add a translation into one of the accepted languages.");
    }

    [Fact]
    public void A_translation_for_every_country_or_for_that_country_makes_it_acceptable()
    {
        var forAll = Request("en", "KG", "UZ");
        forAll.Translations = [Into("ru")];
        var forEach = Request("en", "KG", "UZ");
        forEach.Translations = [Into("ky", "KG"), Into("uz", "UZ")];

        Data.Problems(forAll).Should().BeEmpty();
        Data.Problems(forEach).Should().BeEmpty();
    }

    [Fact]
    public void A_translation_meant_for_one_country_does_not_serve_another_and_the_translation_is_named()
    {
        var content = Request("en", "KG", "TJ");
        content.Translations = [Into("ky", "KG"), Into("ky", "TJ")];

        var problems = Data.Problems(content);

        problems.Keys.Should().Equal("translations[1].language");
        problems["translations[1].language"].Single().Should().StartWith("TJ accepts requests in tg, ru; the request offers it en, ky.");
    }

    [Fact]
    public void Two_countries_refusing_the_original_are_both_listed_on_it()
    {
        var problems = Data.Problems(Request("en", "KG", "UZ"));

        problems["originalLanguage"].Should().HaveCount(2).And.Contain(p => p.StartsWith("UZ accepts requests in uz, ru"));
    }

    [Fact]
    public void A_translation_for_a_country_the_request_does_not_go_to_is_named()
    {
        var content = Request("ru", "KG");
        content.Translations = [Into("tg", "TJ")];

        Data.Problems(content).Keys.Should().Equal("translations[0].country");
    }

    [Fact]
    public void A_request_that_names_no_language_is_left_to_the_required_content_rules() =>
        Data.Problems(Request(null, "KG")).Should().BeEmpty();
}
