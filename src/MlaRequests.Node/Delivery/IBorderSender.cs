using MlaRequests.Contracts;

namespace MlaRequests.Node.Delivery;

/// <summary>Puts a signed envelope on its recipient's inbound exchange; throws when the broker does not take it.</summary>
public interface IBorderSender
{
    /// <summary>Sends <paramref name="envelope"/> as transport message <paramref name="transportId"/>.</summary>
    Task SendAsync(CrossBorderEnvelope envelope, Guid transportId, Guid correlationId, CancellationToken cancellationToken);
}
