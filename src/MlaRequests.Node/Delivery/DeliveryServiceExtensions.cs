using Microsoft.Extensions.Configuration.CommandLine;
using MlaRequests.Engine.Outbox;
using MlaRequests.Node.Hosting;
using MlaRequests.Node.Messaging;

namespace MlaRequests.Node.Delivery;

/// <summary>Registration of cross-border delivery.</summary>
public static class DeliveryServiceExtensions
{
    /// <summary>Keys, signing, per-peer circuits, the capture of workflow sends, and the delivery service.</summary>
    public static IServiceCollection AddCrossBorderDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        RefusePrivateKeysOnTheCommandLine(configuration);
        services.AddOptions<CrossBorderOptions>().Bind(configuration.GetSection("CrossBorder"))
            .Validate(o => o.MaxAttempts > 0 && o.ReceiptTimeout > TimeSpan.Zero && o.PollInterval > TimeSpan.Zero && o.SendTimeout > TimeSpan.Zero,
                "CrossBorder:MaxAttempts, ReceiptTimeout, PollInterval and SendTimeout must be positive")
            .ValidateOnStart();
        services.AddQuarantine(configuration);
        services.AddSingleton<NodeKeys>();
        services.AddSingleton<EnvelopeSigner>();
        services.AddSingleton<LinkCircuits>();
        services.AddSingleton<DeliverySignal>();
        services.AddSingleton<IOutboxSendInterceptor, CrossBorderCapture>();
        services.AddSingleton<IBorderSender>(provider => provider.GetRequiredService<RabbitMqOptions>().IsConfigured
            ? ActivatorUtilities.CreateInstance<BorderPublisher>(provider)
            : ActivatorUtilities.CreateInstance<BusBorderSender>(provider));
        services.AddSingleton<CrossBorderDelivery>();
        services.AddHostedService(provider => provider.GetRequiredService<CrossBorderDelivery>());
        return services;
    }

    /// <summary>
    /// A private key given as an argument is readable by every user of the host (<c>ps</c>, <c>/proc/&lt;pid&gt;/cmdline</c>):
    /// the node does not start with one, and says where keys go instead.
    /// </summary>
    static void RefusePrivateKeysOnTheCommandLine(IConfiguration configuration)
    {
        if (configuration is not IConfigurationRoot root)
            return;
        string[] settings = ["CrossBorder:SigningKey", "CrossBorder:EncryptionKey", "CrossBorder:PreviousEncryptionKey"];
        var given = settings.Where(s => root.Providers.OfType<CommandLineConfigurationProvider>().Any(p => p.TryGet(s, out _))).ToList();
        if (given.Count > 0)
            throw new NodeConfigurationException($"{string.Join(", ", given)} given on the command line, where every user of the host can read it: "
                + "put the keys in CrossBorder:KeyFile (mode 0600) or the environment (CrossBorder__SigningKey, CrossBorder__EncryptionKey).");
    }
}
