using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MlaRequests.Contracts;
using MlaRequests.Engine.Outbox;
using MlaRequests.Node.Persistence;
using NodaTime;

namespace MlaRequests.Node.Delivery;

/// <summary>
/// Keeps an envelope the border refused: once per MessageId and reason (a peer resending the same refused message does not
/// fill the table), capped, with its size and hash, logged once per interval per sender and reason.
/// </summary>
public sealed class Quarantine(IOptions<QuarantineOptions> options, LogThrottle throttle, ILogger<Quarantine> logger)
{
    /// <summary>Adds <paramref name="envelope"/> to the quarantine in the caller's unit of work, unless the same refusal is there already.</summary>
    public async Task KeepAsync(NodeDbContext db, CrossBorderEnvelope envelope, string reason, Instant now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(reason);
        reason = reason.Length > 1000 ? reason[..1000] : reason;
        if (throttle.ShouldLog($"{envelope.From}: {reason}", out var suppressed))
            logger.LogWarning("Quarantined {MessageId} from {From}: {Reason} ({Suppressed} more like it not logged)", envelope.MessageId, envelope.From, reason, suppressed);
        if (await db.QuarantinedMessages.AnyAsync(q => q.MessageId == envelope.MessageId && q.Reason == reason, ct))
            return;
        var (body, bytes, sha256) = QuarantinedBody.Keep(JsonSerializer.Serialize(envelope, MessageJson.Options), options.Value.StoredBodyLimit);
        db.QuarantinedMessages.Add(new QuarantinedMessage
        {
            ReceivedAt = now, Reason = reason, FromNode = Capped(envelope.From), ToNode = Capped(envelope.To), MessageId = envelope.MessageId,
            ContractType = Capped(envelope.ContractType), Body = body, BodyBytes = bytes, BodySha256 = sha256,
        });
    }

    static string? Capped(string? value) => value is { Length: > 100 } ? value[..100] : value;
}

/// <summary>Registration of the quarantine.</summary>
public static class QuarantineServiceExtensions
{
    /// <summary>Options, the log throttle, the quarantine and its retention service.</summary>
    public static IServiceCollection AddQuarantine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<QuarantineOptions>().Bind(configuration.GetSection("Quarantine")).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LogThrottle>();
        services.AddSingleton<Quarantine>();
        services.AddSingleton<QuarantineRetention>();
        services.AddHostedService(provider => provider.GetRequiredService<QuarantineRetention>());
        return services;
    }
}
