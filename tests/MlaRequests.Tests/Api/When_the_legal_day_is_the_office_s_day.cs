using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;

namespace MlaRequests.Tests.Api;

/// <summary>
/// The reference year is the year where the office sits: at 00:30 and 05:30 on 1 January 2027 in Bishkek (UTC+6) and at
/// 00:30 in Almaty (UTC+5) UTC is still on 31 December 2026, yet the request is numbered in 2027. At 05:30 in Almaty UTC has
/// caught up; the row keeps the pair complete.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_the_legal_day_is_the_office_s_day
{
    [Theory]
    [InlineData("KG", 2026, 12, 31, 18, 30)] // 00:30 in Bishkek
    [InlineData("KG", 2026, 12, 31, 23, 30)] // 05:30 in Bishkek
    [InlineData("KZ", 2026, 12, 31, 19, 30)] // 00:30 in Almaty
    [InlineData("KZ", 2027, 1, 1, 0, 30)] // 05:30 in Almaty
    public async Task A_request_drafted_early_on_New_Year_s_morning_is_numbered_in_the_new_year(string code, int year, int month, int day, int hour, int minute)
    {
        using var data = new TestDirectory();
        await using var node = new NodeFactory(data.Path, new FakeClock(Instant.FromUtc(year, month, day, hour, minute)), code: code);
        var prosecutor = await node.LoginAsync($"{code.ToLowerInvariant()}.prosecutor");

        var created = await prosecutor.CreateAsync(TestContent.Complete(LegalBasis.Chisinau2002, code == "KZ" ? "KG" : "KZ"));

        created.Reference.Should().StartWith($"{code}-2027-");
    }
}
