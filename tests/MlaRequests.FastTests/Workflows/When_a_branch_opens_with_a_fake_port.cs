using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using MlaRequests.Engine.Outbox;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Branches;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.FastTests.Workflows;

/// <summary>
/// The branch workflow on MassTransit's in-memory test harness, without a node: what the transition needs from the
/// stored request comes through <see cref="IWorkflowReads"/>, here a fake.
/// </summary>
public sealed class When_a_branch_opens_with_a_fake_port
{
    sealed class FakeReads(RequestContent content) : IWorkflowReads
    {
        public List<Guid> Asked { get; } = [];

        public Task<RequestContent> RequestContentAsync(Guid requestId, CancellationToken cancellationToken)
        {
            Asked.Add(requestId);
            return Task.FromResult(content);
        }

        public Task<RequestContent?> IncomingContentAsync(Guid caseId, CancellationToken cancellationToken) =>
            Task.FromResult<RequestContent?>(null);

        public Task<bool> IsOnTimelineAsync(Guid subjectId, Guid? branchId, string action, Instant at, CancellationToken cancellationToken) =>
            Task.FromResult(false);
    }

    [Fact]
    public async Task The_request_s_kind_and_provisional_measures_come_from_the_port()
    {
        var reads = new FakeReads(new RequestContent
        {
            Kind = RequestKind.JointInvestigationTeam, Measures = [new MeasureRequested { Type = MeasureType.FreezeAssets }],
        });
        await using var provider = new ServiceCollection()
            .AddSingleton<IWorkflowReads>(reads)
            .AddSingleton(new WorkflowNode("KZ"))
            .AddDbContext<NodeDbContext>(o => o.UseSqlite("Data Source=:memory:"))
            .AddScoped<DbContext>(p => p.GetRequiredService<NodeDbContext>())
            .AddMassTransitTestHarness(x =>
            {
                x.AddSagaStateMachine<BranchStateMachine, BranchState>().InMemoryRepository();
                x.UsingInMemory((context, cfg) =>
                {
                    cfg.ConfigureJsonSerializerOptions(MessageJson.Configure);
                    cfg.ConfigureEndpoints(context);
                });
            })
            .BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var requestId = Guid.NewGuid();
        var branchId = Guid.NewGuid();
        var at = Instant.FromUtc(2026, 5, 4, 9, 30);

        await harness.Bus.Publish(new OpenBranch(branchId, requestId, "KZ-2026-1", "KZ", "KG", "KZ-GP", LegalBasis.Untoc, false, "kz.liaison", at));

        var branches = harness.GetSagaStateMachineHarness<BranchStateMachine, BranchState>();
        (await branches.Exists(branchId, m => m.Transmitted)).Should().NotBeNull("the branch opened");
        branches.Sagas.Contains(branchId).Kind.Should().Be(RequestKind.JointInvestigationTeam);
        (await harness.Published.Any<StartClock>(m => m.Context.Message.Kind == ClockKind.ProvisionalMeasures)).Should().BeTrue();
        reads.Asked.Should().Equal(requestId);
    }
}
