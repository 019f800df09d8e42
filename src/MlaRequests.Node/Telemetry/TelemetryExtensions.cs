using MassTransit;
using MassTransit.Logging;
using MassTransit.Monitoring;
using MlaRequests.Engine.Outbox;
using MlaRequests.Workflows.Branches;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.IncomingCases;
using MlaRequests.Workflows.Requests;
using MlaRequests.Workflows.Shared;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MlaRequests.Node.Telemetry;

/// <summary>
/// OpenTelemetry for a node: traces (ASP.NET Core, HttpClient, MassTransit's own spans, whose context
/// travels in the message headers, and the node's cross-border spans), metrics (the node's counters and
/// gauges, MassTransit's, runtime) and logs; OTLP export when <c>Telemetry:OtlpEndpoint</c> is set,
/// console export when <c>Telemetry:Console</c> is on (default in Development).
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>Registers tracing, metrics and log export for the node <paramref name="code"/>.</summary>
    public static WebApplicationBuilder AddNodeTelemetry(this WebApplicationBuilder builder, string code, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var console = options.Console ?? builder.Environment.IsDevelopment();
        var otlp = options.OtlpUri;

        builder.Services.AddSingleton<DeadlineGauges>();
        builder.Services.AddHostedService<TransitionObservers>();
        if (otlp is null && !console)
            return builder; // nothing exports: no spans or measurements are recorded (a test may still listen in-process)

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName, serviceInstanceId: code).AddAttributes([new("mla.node", code)]))
            .WithTracing(tracing =>
            {
                tracing.AddSource(NodeTelemetry.Name, OutboxTracing.SourceName, DiagnosticHeaders.DefaultListenerName)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation();
                if (otlp is not null)
                    tracing.AddOtlpExporter(o => Configure(o, otlp, options.OtlpProtocol, "traces"));
                if (console)
                    tracing.AddConsoleExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(NodeTelemetry.Name, InstrumentationOptions.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation();
                if (otlp is not null)
                    metrics.AddOtlpExporter(o => Configure(o, otlp, options.OtlpProtocol, "metrics"));
                if (console)
                    metrics.AddConsoleExporter();
            });
        if (otlp is not null)
        {
            builder.Logging.AddOpenTelemetry(logging =>
            {
                logging.SetResourceBuilder(ResourceBuilder.CreateDefault().AddService(options.ServiceName, serviceInstanceId: code)
                    .AddAttributes([new("mla.node", code)]));
                logging.IncludeFormattedMessage = true;
                logging.AddOtlpExporter(o => Configure(o, otlp, options.OtlpProtocol, "logs"));
            });
        }
        return builder;
    }

    static void Configure(OtlpExporterOptions exporter, Uri endpoint, string protocol, string signal)
    {
        exporter.Protocol = protocol == "grpc" ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
        // Over HTTP each signal has its own path under the collector's base address.
        exporter.Endpoint = exporter.Protocol == OtlpExportProtocol.Grpc ? endpoint : new Uri(endpoint, $"v1/{signal}");
    }

    /// <summary>Counts each workflow's state changes (connected to the state machines at start).</summary>
    sealed class TransitionObservers(IServiceProvider services, WorkflowNode node) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            Count(services.GetRequiredService<OutgoingRequestStateMachine>(), node);
            Count(services.GetRequiredService<BranchStateMachine>(), node);
            Count(services.GetRequiredService<IncomingCaseStateMachine>(), node);
            Count(services.GetRequiredService<DeadlineClockStateMachine>(), node);
            _ = services.GetRequiredService<DeadlineGauges>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        static void Count<TState>(MassTransitStateMachine<TState> machine, WorkflowNode node)
            where TState : class, SagaStateMachineInstance =>
            machine.ConnectStateObserver(new TransitionCounter<TState>(node, machine));
    }
}
