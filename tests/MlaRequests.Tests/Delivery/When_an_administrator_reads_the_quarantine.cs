using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MlaRequests.Contracts;
using MlaRequests.Domain.Requests;
using MlaRequests.Node.Delivery;
using MlaRequests.Tests.Api;
using MlaRequests.Tests.Infrastructure;
using NodaTime;

namespace MlaRequests.Tests.Delivery;

/// <summary>
/// The quarantine as an administrator reads it: paged with a total, bodies capped, no person's name or other personal
/// data of a refused request (an administrator sees child victims' data nowhere else either), an unreadable body only as
/// size, hash and first bytes; and entries past the retention period dropped and only counted.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_an_administrator_reads_the_quarantine(ApiNode api) : IClassFixture<ApiNode>
{
    [Fact]
    public async Task A_refused_request_shows_no_name_or_personal_data_of_the_persons_in_it()
    {
        var content = TestContent.Complete(LegalBasis.Untoc, "KZ");
        content.Persons.Add(new PersonConcerned
        {
            Role = PersonRole.Victim, Kind = PersonKind.Natural, Name = "Aigerim Suleimenova", DateOfBirth = new LocalDate(2015, 3, 8),
            PlaceOfBirth = "Shymkent", Residence = "Almaty, Abay street 12", Citizenship = "KZ",
        });
        content.Facts = "Aigerim Suleimenova was recruited in Shymkent.";
        var request = new RequestTransmitted(Guid.NewGuid(), Guid.NewGuid(), "KG-2026-000099", "KG", "UZ", "ClassicMla", "Untoc", true, false,
            RequestContentJson.Version, RequestContentJson.Serialize(content), "kg.liaison", api.Now);
        var envelope = TestEnvelopes.Signed("KG", "KZ", request, api.Now);
        await TestEnvelopes.DeliverAsync(api.Node, envelope);
        await Eventually.Until(() => api.Node.Query(db => db.QuarantinedMessages.AnyAsync(q => q.MessageId == envelope.MessageId)), q => q,
            TestTimeouts.Workflow, "the misaddressed request to be quarantined");

        var page = await (await api.As(RequestSetup.Admin)).GetAsync("/api/quarantine?pageSize=100");

        var body = page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("messageId").ValueKind == JsonValueKind.String && i.GetProperty("messageId").GetGuid() == envelope.MessageId)
            .GetProperty("body").GetString()!;
        body.Should().Contain("KG-2026-000099", "what the message was stays readable");
        foreach (var personal in new[] { "Aigerim", "Suleimenova", "Shymkent", "Abay street", "2015-03-08", "A. B.", "E. F.", "Taraz", "recruited" })
            body.Should().NotContain(personal);
        (await api.Node.Query(db => db.QuarantinedMessages.SingleAsync(q => q.MessageId == envelope.MessageId))).Body.Should()
            .Contain("Suleimenova", "the stored copy is whole (within the cap) for an investigation; only what is shown is redacted");
    }

    [Fact]
    public async Task An_unreadable_body_shows_only_its_size_hash_and_first_bytes()
    {
        var junk = new byte[] { 0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xFF }.Concat(Encoding.UTF8.GetBytes(" Aigerim Suleimenova 2015-03-08")).ToArray();
        var (stored, bytes, sha256) = QuarantinedBody.Keep(junk, 64 * 1024);
        var id = await Add(new QuarantinedMessage { ReceivedAt = api.Now, Reason = "unreadable", Body = stored, BodyBytes = bytes, BodySha256 = sha256 });

        var item = await Item(id);

        item.Should().Be($"unreadable: {junk.Length} bytes, sha256 {sha256}, first bytes {Convert.ToHexString(junk[..32])}");
    }

    [Fact]
    public async Task Pages_are_bounded_and_carry_the_total_and_bodies_are_capped()
    {
        for (var i = 0; i < 5; i++)
            await Add(new QuarantinedMessage { ReceivedAt = api.Now, Reason = "test page", Body = $"{{\"text\":\"{new string('x', 10_000)}\"}}" });
        var admin = await api.As(RequestSetup.Admin);
        var total = await api.Node.Query(db => db.QuarantinedMessages.CountAsync());

        var first = await admin.GetAsync("/api/quarantine?page=1&pageSize=2");
        var second = await admin.GetAsync("/api/quarantine?page=2&pageSize=2");
        var tooBig = await (await api.RawClient(RequestSetup.Admin)).GetAsync("/api/quarantine?pageSize=100000");
        var zero = await (await api.RawClient(RequestSetup.Admin)).GetAsync("/api/quarantine?page=0");

        first.GetProperty("total").GetInt32().Should().Be(total);
        first.GetProperty("items").GetArrayLength().Should().Be(2);
        second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).Should()
            .NotIntersectWith(first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        first.GetProperty("items")[0].GetProperty("body").GetString()!.Length.Should().BeLessThan(2100, "a body is shown up to the setting (2000)");
        tooBig.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await tooBig.Content.ReadAsStringAsync()).Should().Contain("pageSize");
        zero.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await zero.Content.ReadAsStringAsync()).Should().Contain("page");
        first.GetProperty("lastDay").GetInt32().Should().BeGreaterThanOrEqualTo(5, "the growth of the quarantine is shown");
    }

    [Fact]
    public async Task Entries_older_than_the_retention_period_are_dropped_and_counted_per_day_sender_and_reason()
    {
        var old = api.Now - Duration.FromDays(40);
        for (var i = 0; i < 3; i++)
            await Add(QuarantineMessageFrom("TJ", "retention test: forged", old));
        await Add(QuarantineMessageFrom("UZ", "retention test: forged", old));
        var recent = await Add(QuarantineMessageFrom("TJ", "retention test: forged", api.Now - Duration.FromDays(2)));

        var summarised = await api.Node.Services.GetRequiredService<QuarantineRetention>().SummariseAsync(CancellationToken.None);

        summarised.Should().BeGreaterThanOrEqualTo(4);
        var left = await api.Node.Query(db => db.QuarantinedMessages.Where(q => q.Reason == "retention test: forged").Select(q => q.Id).ToListAsync());
        left.Should().Equal(recent);
        var summaries = await api.Node.Query(db => db.Set<QuarantineSummary>().Where(s => s.Reason == "retention test: forged").ToListAsync());
        summaries.Select(s => (s.Day, s.FromNode, s.Count)).Should().BeEquivalentTo([(old.InUtc().Date, "TJ", 3), (old.InUtc().Date, "UZ", 1)]);
        (await (await api.As(RequestSetup.Admin)).GetAsync("/api/quarantine")).GetProperty("summarised").GetInt64().Should().BeGreaterThanOrEqualTo(4);
    }

    static QuarantinedMessage QuarantineMessageFrom(string from, string reason, Instant at) =>
        new() { ReceivedAt = at, Reason = reason, FromNode = from, Body = "{\"persons\":[{\"name\":\"Aigerim Suleimenova\"}]}" };

    async Task<long> Add(QuarantinedMessage message)
    {
        await using var scope = api.Node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MlaRequests.Node.Persistence.NodeDbContext>();
        db.QuarantinedMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    async Task<string> Item(long id)
    {
        var admin = await api.As(RequestSetup.Admin);
        for (var page = 1; ; page++)
        {
            var items = (await admin.GetAsync($"/api/quarantine?page={page}&pageSize=100")).GetProperty("items");
            if (items.GetArrayLength() == 0)
                throw new InvalidOperationException($"Quarantined message {id} is not listed.");
            foreach (var item in items.EnumerateArray().Where(i => i.GetProperty("id").GetInt64() == id))
                return item.GetProperty("body").GetString()!;
        }
    }
}
