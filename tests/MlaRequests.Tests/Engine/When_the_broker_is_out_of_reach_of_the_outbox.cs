using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MlaRequests.Engine.Outbox;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;

namespace MlaRequests.Tests.Engine;

/// <summary>
/// A broker outage must not cost the outbox's rows their attempts: a row that had backed off to a retry minutes away
/// would otherwise reach its workflow minutes after the link is back (a draft written during an outage did, in CI).
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_the_broker_is_out_of_reach_of_the_outbox : IDisposable
{
    readonly TestDirectory _data = new();
    volatile bool _brokerAnswers = true;

    [Fact]
    public async Task Nothing_is_attempted_meanwhile_and_rows_waiting_for_a_retry_go_out_when_it_answers()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 7, 1, 8, 0));
        await using var node = new NodeFactory(_data.Path, clock, testServices: services =>
            services.PostConfigure<OutboxOptions>(o => o.TransportAvailable = () => _brokerAnswers));
        var prosecutor = await node.LoginAsync("kz.prosecutor");
        await node.RequestIn((await prosecutor.CreateAsync(TestContent.Complete())).Id, "Draft"); // the dispatcher runs

        _brokerAnswers = false;
        var drafted = await prosecutor.CreateAsync(TestContent.Complete());
        await Consistently.For(TestTimeouts.Quiet, async () => (await node.Outbox()).All(row => row.Attempts == 0),
            "no row to be attempted while the broker is out of reach");
        (await node.Request(drafted.Id)).Should().BeNull("the draft's workflow event waits in the outbox");

        // As a row left by an attempt that failed just before the outage was noticed: its next try is minutes away.
        await node.Query(db => db.Set<OutboxMessage>()
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Attempts, 6).SetProperty(x => x.NextAttemptAt, clock.GetCurrentInstant() + Duration.FromMinutes(5))));

        _brokerAnswers = true;
        await node.RequestIn(drafted.Id, "Draft", TimeSpan.FromSeconds(5));
        (await node.Outbox()).Should().BeEmpty("every waiting row went out once the broker answered");
    }

    public void Dispose() => _data.Dispose();
}
