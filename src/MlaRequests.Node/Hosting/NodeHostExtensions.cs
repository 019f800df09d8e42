using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Engine;
using MlaRequests.Engine.Persistence;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Audit;
using MlaRequests.Node.Delivery;
using MlaRequests.Node.Features.Audit;
using MlaRequests.Node.Features.Letters;
using MlaRequests.Node.Pages;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Node.Features.Deadlines;
using MlaRequests.Node.Features.Consultations;
using MlaRequests.Node.Features.Enquiries;
using MlaRequests.Node.Features.Inbox;
using MlaRequests.Node.Features.Incoming;
using MlaRequests.Node.Features.Links;
using MlaRequests.Node.Features.Milestones;
using MlaRequests.Node.Features.Requests;
using MlaRequests.Node.Health;
using MlaRequests.Node.Messaging;
using MlaRequests.Node.OpenApi;
using MlaRequests.Node.Persistence;
using MlaRequests.Node.Telemetry;
using MlaRequests.Engine.Outbox;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.Shared;
using MlaRequests.Node.Features.Calendars;
using NodaTime;

namespace MlaRequests.Node.Hosting;

/// <summary>Composition of a national node.</summary>
public static class NodeHostExtensions
{
    /// <summary>Registers everything a node runs: options, database, accounts, engine, bus, health, API.</summary>
    public static WebApplicationBuilder AddNode(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var node = Bind<NodeOptions>(configuration, "Node");
        var rabbit = Bind<RabbitMqOptions>(configuration, "RabbitMq");
        Bind<CrossBorderOptions>(configuration, "CrossBorder");
        Bind<OutboxOptions>(configuration, "Outbox");
        var telemetry = Bind<TelemetryOptions>(configuration, "Telemetry");
        var demo = Bind<DemoOptions>(configuration, "Demo");
        var signIn = Bind<SignInLimits>(configuration, "SignIn");
        var limits = Bind<InputLimits>(configuration, "Limits");

        PrivateFiles.Prepare(node);

        var services = builder.Services;
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(node));
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(Bind<StatusEnquiryOptions>(configuration, "StatusEnquiries")));
        services.AddSingleton(rabbit);
        var speed = demo.ClockSpeed;
        services.TryAddSingleton<IClock>(speed == 1.0 ? SystemClock.Instance : new AcceleratedClock(SystemClock.Instance, speed));
        services.AddSingleton<MlaRequests.Workflows.Calendars.CalendarSource>();
        services.AddSingleton<IClockPlanner>(provider => new PolicyClockPlanner(provider.GetRequiredService<MlaRequests.Workflows.Calendars.CalendarSource>()));
        // Pooled contexts: every consumed message opens a scope, and building a context there (its options, EF looking its
        // internal services up by them, its own service scope) was a tenth of the node's CPU per transition.
        services.AddDbContextPool<NodeDbContext>(o => o.UseDurableSqlite(node.DatabasePath), poolSize: 256);
        services.AddScoped<IWorkflowReads, NodeWorkflowReads>();
        services.AddDurableEngine<NodeDbContext>(node.DatabasePath, o =>
        {
            configuration.GetSection("Outbox").Bind(o);
            o.ConfigureSend = MessagingExtensions.MakeUnroutableSendsFail;
        });
        services.AddNodeMessaging(node, rabbit);
        services.AddCrossBorderDelivery(configuration);
        services.AddNodeAccounts(node);
        services.AddSignInLimits(signIn);
        services.AddNodeHealthChecks();
        services.AddProblemDetails();
        services.AddNodeInput(limits);
        services.AddNodeOpenApi();
        services.AddHttpContextAccessor();
        services.AddScoped<CommandContext>();
        services.AddScoped<StepServices>();
        services.AddNodeAudit();
        builder.AddNodeUi();
        builder.AddNodeTelemetry(node.Code, telemetry);
        services.ConfigureHttpJsonOptions(o => RequestContentJson.Configure(o.SerializerOptions));
        return builder;
    }

    /// <summary>Maps the node's endpoints.</summary>
    public static WebApplication MapNode(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSecurityHeaders(app.Configuration["Authentication:Oidc:Authority"]);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCommandBodyBuffering();
        app.UseNodeUi();
        app.UseNoStore();
        app.UseAuthentication();
        app.UseNodeIdentity();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapOpenApi();
        app.MapNodeHealth();
        app.MapLogin();
        app.MapRequests();
        app.MapIncoming();
        app.MapMilestones();
        app.MapEnquiries();
        app.MapConsultations();
        app.MapLinks();
        app.MapGet("/api/inbox", GetInbox.Handle).WithTags("Tasks").RequireAuthorization()
            .WithName("GetInbox").WithSummary("List the tasks waiting for the caller's role");
        app.MapGet("/api/deadlines", ListDeadlines.Handle).WithTags("Deadlines").RequireAuthorization()
            .WithName("ListDeadlines").WithSummary("List clocks that are due, overdue or escalated, soonest first")
            .DocumentsRequiredQuery("state", "due", "overdue", "escalated");
        app.MapAudit();
        app.MapLetters();
        app.MapCalendars();
        app.MapNodeUi();
        return app;
    }

    /// <summary>Local accounts on the node's database with bearer tokens (ASP.NET Core Identity).</summary>
    static IServiceCollection AddNodeAccounts(this IServiceCollection services, NodeOptions node)
    {
        services.AddAuthorization();
        services.AddNodeIdentity(node);
        services.AddIdentityApiEndpoints<NodeUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<NodeDbContext>()
            .AddClaimsPrincipalFactory<NodeClaimsFactory>();
        return services;
    }

    /// <summary>Binds and validates one section; a value that does not convert or validate stops start-up naming the setting.</summary>
    static T Bind<T>(IConfiguration configuration, string section)
        where T : class, new()
    {
        T options;
        try
        {
            options = configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException exception)
        {
            throw new NodeConfigurationException(exception.Message, exception);
        }
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            throw new NodeConfigurationException(string.Join(" ", results.Select(r => r.ErrorMessage)));
        return options;
    }
}
