using MassTransit;
using MassTransit.Context;
using MassTransit.Scheduling;

namespace MlaRequests.Engine.Scheduling;

/// <summary>Installs the <see cref="DurableScheduleMessageProvider"/> as the scheduler of every consume context (a bus pre-pipe filter).</summary>
public sealed class DurableMessageSchedulerFilter : IFilter<ConsumeContext>
{
    /// <inheritdoc />
    public Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        context.GetOrAddPayload<MessageSchedulerContext>(() => new ConsumeMessageSchedulerContext(context, CreateScheduler));
        return next.Send(context);
    }

    /// <inheritdoc />
    public void Probe(ProbeContext context) => context.CreateFilterScope("durableMessageScheduler");

    static IMessageScheduler CreateScheduler(ConsumeContext context) =>
        new MessageScheduler(new DurableScheduleMessageProvider(context), context.GetPayload<IBusTopology>());
}
