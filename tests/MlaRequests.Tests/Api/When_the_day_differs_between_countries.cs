using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Contracts;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;

namespace MlaRequests.Tests.Api;

/// <summary>
/// The date a step is taken on is the date where the office sits, not in UTC: Kazakhstan is UTC+5 and Kyrgyzstan UTC+6,
/// so for some hours of every day the countries (and UTC) are on different dates. A reference is numbered in the office's
/// year, a birth date of today is not "in the future", and the border does not refuse what the sender's own date allowed.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_the_day_differs_between_countries : IAsyncLifetime
{
    /// <summary>00:30 on 1 January 2027 in Almaty, 01:30 in Bishkek; still 31 December in UTC.</summary>
    static readonly Instant NewYearInAlmaty = Instant.FromUtc(2026, 12, 31, 19, 30);

    /// <summary>23:30 on 31 December in Almaty, already 00:30 on 1 January 2027 in Bishkek.</summary>
    static readonly Instant NewYearInBishkekOnly = Instant.FromUtc(2026, 12, 31, 18, 30);

    readonly TestDirectory _data = new();
    readonly FakeClock _clock = new(NewYearInAlmaty);
    NodeFactory _kz = null!;

    public Task InitializeAsync()
    {
        _kz = new NodeFactory(_data.Path, _clock) { ChecksContract = true };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _kz.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task A_request_drafted_after_midnight_in_Almaty_is_numbered_in_the_new_year()
    {
        var prosecutor = await _kz.LoginAsync(RequestSetup.Prosecutor);

        var created = await prosecutor.CreateAsync(TestContent.Complete(LegalBasis.Chisinau2002, "KG"));

        created.Reference.Should().StartWith("KZ-2027-", "it is 1 January 2027 in Almaty although UTC is still on 31 December");
    }

    [Fact]
    public async Task A_child_born_today_in_Almaty_is_not_refused_as_born_in_the_future()
    {
        var prosecutor = await _kz.LoginAsync(RequestSetup.Prosecutor);
        var content = TestContent.Complete(LegalBasis.Chisinau2002, "KG");
        content.Persons[1].DateOfBirth = new LocalDate(2027, 1, 1);

        var created = await prosecutor.CreateAsync(content);

        var body = await prosecutor.GetAsync($"/api/requests/{created.Id}");
        body.GetProperty("content").GetProperty("persons")[1].GetProperty("dateOfBirth").GetString().Should().Be("2027-01-01");
    }

    [Fact]
    public async Task A_birth_date_after_today_in_Almaty_is_still_refused()
    {
        var prosecutor = await _kz.LoginAsync(RequestSetup.Prosecutor);
        var content = TestContent.Complete(LegalBasis.Chisinau2002, "KG");
        content.Persons[1].DateOfBirth = new LocalDate(2027, 1, 2);

        var response = await prosecutor.Client.PostAsJsonAsync("/api/requests", content, RequestContentJson.Options);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("persons[1].dateOfBirth");
    }

    [Fact]
    public async Task The_border_takes_a_date_that_is_today_in_the_sending_country()
    {
        _clock.Reset(NewYearInBishkekOnly);
        var born = Transmitted(new LocalDate(2027, 1, 1));
        var tooLate = Transmitted(new LocalDate(2027, 1, 2));

        await TestEnvelopes.DeliverAsync(_kz, TestEnvelopes.Signed("KG", "KZ", born, _clock.GetCurrentInstant()));
        await TestEnvelopes.DeliverAsync(_kz, TestEnvelopes.Signed("KG", "KZ", tooLate, _clock.GetCurrentInstant()));

        await _kz.IncomingIn(born.BranchId, "Received");
        var reference = await _kz.Query(db => db.IncomingCases.Where(c => c.Id == born.BranchId).Select(c => c.Reference).SingleAsync());
        reference.Should().StartWith("KZ-IN-2026-", "it is still 31 December in Almaty, where the case is registered");
        var reason = await Eventually.Until(
            () => _kz.Query(db => db.QuarantinedMessages.Where(q => q.ContractType == nameof(RequestTransmitted)).Select(q => q.Reason).SingleOrDefaultAsync()),
            r => r is not null, TestTimeouts.Workflow, "the request with a birth date after today in both countries to be quarantined");
        reason.Should().Contain("persons[1].dateOfBirth");
    }

    static RequestTransmitted Transmitted(LocalDate birth)
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002, "KZ");
        content.Persons[1].DateOfBirth = birth;
        return new RequestTransmitted(Guid.NewGuid(), Guid.NewGuid(), "KG-2027-000001", "KG", "KZ", nameof(RequestKind.ClassicMla),
            nameof(LegalBasis.Chisinau2002), false, false, RequestContentJson.Version, RequestContentJson.Serialize(content), "kg.liaison",
            NewYearInBishkekOnly);
    }
}
