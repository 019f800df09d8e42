using MlaRequests.Engine.Outbox;
using MlaRequests.Node.Messaging;

namespace MlaRequests.Node.Delivery;

/// <summary>Registration of cross-border delivery.</summary>
public static class DeliveryServiceExtensions
{
    /// <summary>Keys, signing, per-peer circuits, the capture of workflow sends, and the delivery service.</summary>
    public static IServiceCollection AddCrossBorderDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CrossBorderOptions>().Bind(configuration.GetSection("CrossBorder"))
            .Validate(o => o.MaxAttempts > 0 && o.ReceiptTimeout > TimeSpan.Zero && o.PollInterval > TimeSpan.Zero && o.SendTimeout > TimeSpan.Zero,
                "CrossBorder:MaxAttempts, ReceiptTimeout, PollInterval and SendTimeout must be positive")
            .ValidateOnStart();
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
}
