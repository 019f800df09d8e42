using System.Net;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using static MlaRequests.Tests.Api.RequestSetup;

namespace MlaRequests.Tests.Api;

/// <summary>
/// An older release stored what the bounds now refuse (a null list entry, a birth date at the end of
/// the calendar); reading such a request or case must still work, never answer 500.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_stored_content_is_out_of_bounds(ApiNode api) : IClassFixture<ApiNode>
{
    static RequestContent Broken(string target)
    {
        var content = TestContent.Complete(LegalBasis.Untoc, target);
        content.Persons[0].DateOfBirth = new LocalDate(9999, 12, 31);
        content.Persons.Add(null!);
        content.Measures.Add(null!);
        content.Translations.Add(null!);
        return content;
    }

    [Fact]
    public async Task The_request_its_list_and_its_letter_are_still_read()
    {
        var id = await api.RequestIn("Draft");
        await api.Node.Query(db => db.Requests.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Content, Broken("KG"))));

        foreach (var user in new[] { Prosecutor, Supervisor })
        {
            var client = (await api.As(user)).Client;
            foreach (var path in new[] { $"/api/requests/{id}", $"/api/requests/{id}/letter", "/api/requests", $"/api/requests/{id}/diagram" })
                await (await client.GetAsync(path)).ShouldBeAsync(HttpStatusCode.OK);
        }
        var view = await (await api.As(Prosecutor)).GetAsync($"/api/requests/{id}");
        view.GetProperty("content").GetProperty("persons").GetArrayLength().Should().Be(2, "the null entry is skipped");
    }

    [Fact]
    public async Task The_incoming_case_and_its_list_are_still_read()
    {
        var id = await api.ReceiveFromKg();
        await api.Node.Query(db => db.IncomingCases.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Content, Broken("KZ"))));

        foreach (var user in new[] { Liaison, Supervisor })
        {
            var client = (await api.As(user)).Client;
            foreach (var path in new[] { $"/api/incoming/{id}", "/api/incoming", "/api/inbox" })
                await (await client.GetAsync(path)).ShouldBeAsync(HttpStatusCode.OK);
        }
    }
}
