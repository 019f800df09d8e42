using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Engine.Outbox;
using MlaRequests.Node.Messaging;
using MlaRequests.Workflows.Shared;
using NodaTime;
using NodaTime.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace MlaRequests.Node.Delivery;

/// <summary>
/// Puts an envelope on a peer's inbound exchange in the border virtual host, in MassTransit's message format (what the
/// peer's bus reads, whatever its release), with the mandatory flag and a publisher confirm: a message the broker
/// cannot route or refuses is an error for the caller, whose outbox row then waits for a retry.
/// </summary>
/// <remarks>
/// Why not MassTransit's send: it declares the destination exchange before the first send, and declaring needs the
/// <em>configure</em> permission on it, which would let one country's account delete or redeclare another's inbound
/// exchange. A plain publish needs only <em>write</em>. One connection and channel, reopened after any failure.
/// </remarks>
public sealed class BorderPublisher(RabbitMqOptions rabbit, WorkflowNode node, IClock clock, ILogger<BorderPublisher> logger) : IBorderSender, IAsyncDisposable
{
    static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);
    static readonly string[] MessageTypes = [MessageUrn.ForTypeString<CrossBorderEnvelope>()];
    readonly SemaphoreSlim _opening = new(1, 1);
    IConnection? _connection;
    IChannel? _channel;

    /// <inheritdoc />
    public async Task SendAsync(CrossBorderEnvelope envelope, Guid transportId, Guid correlationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var channel = await ChannelAsync(cancellationToken);
        // The trace goes on in the peer's consume span: MassTransit reads its parent from this transport header.
        var headers = new Dictionary<string, object?>();
        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id: { } activity })
            headers[MassTransit.Logging.DiagnosticHeaders.ActivityId] = activity;
        var properties = new BasicProperties
        {
            ContentType = "application/vnd.masstransit+json", MessageId = transportId.ToString("D"), CorrelationId = correlationId.ToString("D"),
            DeliveryMode = DeliveryModes.Persistent, Headers = headers,
        };
        try
        {
            await channel.BasicPublishAsync(WorkflowNode.InboundQueueOf(envelope.To), string.Empty, mandatory: true, properties,
                Body(envelope, transportId, correlationId, clock.GetCurrentInstant()), cancellationToken);
        }
        catch (Exception exception) when (exception is AlreadyClosedException or OperationInterruptedException or IOException)
        {
            // A missing or forbidden exchange closes the channel; a dropped link the connection. Reopen on the next send.
            await DropAsync(channel);
            throw;
        }
    }

    /// <summary>The MassTransit JSON envelope around <paramref name="envelope"/> (the fields its deserializer reads).</summary>
    static byte[] Body(CrossBorderEnvelope envelope, Guid transportId, Guid correlationId, Instant sentTime)
    {
        var body = new JsonObject
        {
            ["messageId"] = transportId.ToString("D"),
            ["correlationId"] = correlationId.ToString("D"),
            ["messageType"] = new JsonArray([.. MessageTypes.Select(t => JsonValue.Create(t))]),
            ["message"] = JsonSerializer.SerializeToNode(envelope, MessageJson.Options),
            ["sentTime"] = InstantPattern.ExtendedIso.Format(sentTime),
            ["headers"] = new JsonObject(),
        };
        return JsonSerializer.SerializeToUtf8Bytes(body, MessageJson.Options);
    }

    async Task<IChannel> ChannelAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true } open)
            return open;
        await _opening.WaitAsync(cancellationToken);
        try
        {
            if (_channel is { IsOpen: true } opened)
                return opened;
            if (_connection is not { IsOpen: true })
            {
                if (_connection is not null)
                    _ = _connection.DisposeAsync().AsTask();
                var factory = BrokerConnections.Factory(rabbit, rabbit.BorderHost, $"{node.Code.ToLowerInvariant()}-border-sender");
                _connection = await factory.CreateConnectionAsync(cancellationToken).WaitAsync(ConnectTimeout, cancellationToken);
                logger.LogInformation("Border sender connected to virtual host {VirtualHost}", rabbit.BorderHost);
            }
            _channel = await _connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
                cancellationToken).WaitAsync(ConnectTimeout, cancellationToken);
            return _channel;
        }
        finally
        {
            _opening.Release();
        }
    }

    async Task DropAsync(IChannel channel)
    {
        await _opening.WaitAsync(CancellationToken.None);
        try
        {
            if (ReferenceEquals(_channel, channel))
                _channel = null;
        }
        finally
        {
            _opening.Release();
        }
        _ = channel.DisposeAsync().AsTask();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_channel is not null)
            await _channel.DisposeAsync();
        if (_connection is not null)
            await _connection.DisposeAsync();
        _opening.Dispose();
    }
}
