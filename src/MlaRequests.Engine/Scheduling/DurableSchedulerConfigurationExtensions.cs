using MassTransit;
using MassTransit.Configuration;

namespace MlaRequests.Engine.Scheduling;

/// <summary>Bus configuration for durable deadlines.</summary>
public static class DurableSchedulerConfigurationExtensions
{
    /// <summary>Makes <c>Schedule()</c>/<c>Unschedule()</c> write and delete outbox rows instead of relying on a broker plugin.</summary>
    public static void UseDurableMessageScheduler(this IBusFactoryConfigurator configurator)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        configurator.AddPrePipeSpecification(new FilterPipeSpecification<ConsumeContext>(new DurableMessageSchedulerFilter()));
    }
}
