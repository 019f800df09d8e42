using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Engine;
using MlaRequests.Engine.Outbox;
using MlaRequests.Engine.Persistence;
using MlaRequests.Node.Features.Requests;
using MlaRequests.Node.Health;
using MlaRequests.Node.Messaging;
using MlaRequests.Node.Persistence;
using NodaTime;

namespace MlaRequests.Node.Hosting;

/// <summary>Composition of a national node.</summary>
public static class NodeHostExtensions
{
    /// <summary>Registers everything a node runs: options, database, engine, bus, health, API.</summary>
    public static WebApplicationBuilder AddNode(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var node = Bind<NodeOptions>(configuration, "Node");
        var rabbit = Bind<RabbitMqOptions>(configuration, "RabbitMq");
        var deadlines = configuration.GetSection("Deadlines").Get<DeadlinePolicy>() ?? new DeadlinePolicy();

        var services = builder.Services;
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(node));
        services.AddSingleton(rabbit);
        services.AddSingleton(deadlines);
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.AddDbContext<NodeDbContext>(o => o.UseDurableSqlite(node.DatabasePath));
        services.AddDurableEngine<NodeDbContext>(node.DatabasePath, o => configuration.GetSection("Outbox").Bind(o));
        services.AddNodeMessaging(node, rabbit);
        services.AddNodeHealthChecks();
        services.AddProblemDetails();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(o => MessageJson.Configure(o.SerializerOptions));
        return builder;
    }

    /// <summary>Maps the node's endpoints.</summary>
    public static WebApplication MapNode(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapNodeHealth();
        app.MapRequests();
        return app;
    }

    static T Bind<T>(IConfiguration configuration, string section)
        where T : class, new()
    {
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            throw new InvalidOperationException($"Invalid configuration: {string.Join(" ", results.Select(r => r.ErrorMessage))}");
        return options;
    }
}
