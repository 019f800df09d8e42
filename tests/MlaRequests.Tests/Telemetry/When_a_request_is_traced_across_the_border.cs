using System.Diagnostics;
using MlaRequests.Domain;
using MlaRequests.Engine.Outbox;
using MlaRequests.Node.Delivery;
using MlaRequests.Node.Telemetry;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MlaRequests.Tests.Telemetry;

/// <summary>
/// Two in-process nodes on the test broker; every span and metric goes to OpenTelemetry's in-memory exporter.
/// A request Kazakhstan approves for Kyrgyzstan leaves one trace with spans from both nodes.
/// </summary>
[Trait("Category", "RabbitMq")]
[Trait(Tier.Name, Tier.System)]
public sealed class When_a_request_is_traced_across_the_border : IDisposable
{
    readonly TestDirectory _data = new();
    readonly List<Activity> _spans = [];
    readonly List<Metric> _metrics = [];

    [Fact]
    public async Task One_trace_runs_from_the_approval_in_Kazakhstan_to_the_receipt_in_Kyrgyzstan_without_personal_data()
    {
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(NodeTelemetry.Name, OutboxTracing.SourceName, "MassTransit").AddAspNetCoreInstrumentation().AddInMemoryExporter(_spans).Build();
        using var metering = Sdk.CreateMeterProviderBuilder().AddMeter(NodeTelemetry.Name).AddInMemoryExporter(_metrics).Build();
        var settings = RabbitBroker.Settings(await RabbitBroker.CreateVirtualHostAsync());
        await using var kz = new NodeFactory(Path.Combine(_data.Path, "kz"), SystemClock.Instance, settings, "KZ");
        await using var kg = new NodeFactory(Path.Combine(_data.Path, "kg"), SystemClock.Instance, settings, "KG");
        _ = kg.Services;

        var id = await Scenario.ApprovedAsync(kz);
        var branch = DeterministicGuid.Branch(id, "KG");
        await kg.IncomingIn(branch, "Received", TestTimeouts.Delivery);
        await Eventually.Until(() => kz.Query(db => Task.FromResult(db.CrossBorderMessages.Single(m => m.CorrelationId == branch).State)),
            state => state == "Delivered", TestTimeouts.Delivery, "the receipt from Kyrgyzstan");
        tracing.ForceFlush();

        List<Activity> spans;
        lock (_spans)
            spans = [.. _spans];
        var sent = spans.Where(s => s.OperationName == "send RequestTransmitted to KG").Should().ContainSingle().Subject;
        sent.GetTagItem("mla.node").Should().Be("KZ");
        var received = spans.Where(s => s.OperationName == "receive RequestTransmitted from KZ").Should().ContainSingle().Subject;
        received.GetTagItem("mla.node").Should().Be("KG");
        received.GetTagItem("mla.outcome").Should().Be("applied");
        received.TraceId.Should().Be(sent.TraceId, "MassTransit carries the trace context in the message headers across the border");
        sent.ParentSpanId.Should().NotBe(default(ActivitySpanId), "the send resumes the trace of the workflow step that queued the message");
        spans.Where(s => s.TraceId == sent.TraceId && s.Source.Name == "MassTransit").Should().NotBeEmpty();
        spans.Should().Contain(s => s.TraceId == sent.TraceId && s.ParentSpanId == default(ActivitySpanId) && s.DisplayName == "POST /api/requests/{id:guid}/approve",
            "the trace starts at the liaison officer's approval and continues through the outbox, the workflows and the border");

        var tagValues = spans.SelectMany(s => s.TagObjects).Select(t => t.Value?.ToString() ?? string.Empty).ToList();
        foreach (var person in TestContent.Complete().Persons.Select(p => p.Name!))
            tagValues.Should().NotContain(v => v.Contains(person, StringComparison.Ordinal), "names of suspects, victims and witnesses stay out of traces");

        lock (_metrics)
            _metrics.Clear();
        metering.ForceFlush();
        Sum("mla.crossborder.messages.sent", ("mla.node", "KZ"), ("mla.peer", "KG")).Should().BeGreaterThanOrEqualTo(1);
        Sum("mla.crossborder.messages.delivered", ("mla.node", "KZ"), ("mla.peer", "KG")).Should().Be(1);
        Sum("mla.crossborder.messages.received", ("mla.node", "KG"), ("mla.outcome", "applied")).Should().Be(1);
        Sum("mla.workflow.transitions", ("mla.node", "KZ"), ("mla.to", "Approved")).Should().Be(1);
        _metrics.Where(m => m.Name == NodeTelemetry.DeadlineClocks).Should().NotBeEmpty("the deadline gauges report due, overdue and escalated clocks");
    }

    [Fact]
    public async Task A_message_still_queued_when_its_node_restarted_is_sent_in_the_trace_it_was_queued_in()
    {
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(NodeTelemetry.Name).AddInMemoryExporter(_spans).Build();
        var settings = RabbitBroker.Settings(await RabbitBroker.CreateVirtualHostAsync());
        await using var kz = new NodeFactory(Path.Combine(_data.Path, "kz"), SystemClock.Instance, settings, "KZ");
        var queuedIn = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var branch = Guid.NewGuid();

        // A row as an earlier run of the node left it: queued in a trace no process remembers any more.
        await kz.Query(async db =>
        {
            var now = SystemClock.Instance.GetCurrentInstant();
            db.CrossBorderMessages.Add(new CrossBorderMessage
            {
                MessageId = Guid.NewGuid(), Kind = DeliveryStates.MessageKind, ToNode = "KG", ContractType = "MilestoneConfirmed", ContractVersion = 1,
                CorrelationId = branch, Payload = "{}", CreatedAt = now, State = DeliveryStates.Queued, NextAttemptAt = now,
                TraceParent = $"00-{queuedIn.TraceId}-{queuedIn.SpanId}-01",
            });
            return await db.SaveChangesAsync();
        });

        var sent = await Eventually.Until(() =>
            {
                tracing.ForceFlush();
                lock (_spans)
                    return Task.FromResult(_spans.FirstOrDefault(s => s.OperationName == "send MilestoneConfirmed to KG"));
            }, span => span is not null, TestTimeouts.Delivery, "the delivery's send span");
        sent!.TraceId.Should().Be(queuedIn.TraceId);
        sent.ParentSpanId.Should().Be(queuedIn.SpanId);
    }

    long Sum(string name, params (string Key, string Value)[] tags)
    {
        long total = 0;
        foreach (var metric in _metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var pointTags = new Dictionary<string, object?>();
                foreach (var tag in point.Tags)
                    pointTags[tag.Key] = tag.Value;
                if (tags.All(t => Equals(pointTags.GetValueOrDefault(t.Key), t.Value)))
                    total += metric.MetricType == MetricType.LongGauge ? point.GetGaugeLastValueLong() : point.GetSumLong();
            }
        }
        return total;
    }

    public void Dispose() => _data.Dispose();
}
