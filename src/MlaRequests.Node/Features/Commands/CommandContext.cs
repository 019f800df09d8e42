using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MlaRequests.Engine.Outbox;
using MlaRequests.Node.Audit;
using MlaRequests.Node.Persistence;
using NodaTime;

namespace MlaRequests.Node.Features.Commands;

/// <summary>
/// Runs one API command: its changes, the workflow messages it publishes and its idempotency
/// record commit in one transaction (the engine's <see cref="DurableWriter"/>), with its row in
/// the hash-chained audit log.
/// </summary>
public sealed class CommandContext(DurableWriter writer, IClock clock, IOptions<JsonOptions> json, AuditLog audit, IHttpContextAccessor http)
{
    string? _action;

    string? _user;
    string? _key;
    string? _endpoint;
    string? _hash;

    internal void Begin(string user, string key, string endpoint, string hash) => (_user, _key, _endpoint, _hash) = (user, key, endpoint, hash);

    /// <summary>Names the command in the audit log when it is not an API call (a web page's form, e.g. <c>approve request</c>).</summary>
    public void Describe(string action) => _action = action;

    /// <summary>Publishes <paramref name="message"/> after commit.</summary>
    public void Publish<T>(T message)
        where T : class => writer.Publish(message);

    /// <summary>Commits <paramref name="work"/> with the response the caller will get (<paramref name="status"/>, <paramref name="body"/>, <paramref name="location"/>).</summary>
    public Task CommitAsync(Func<NodeDbContext, Task> work, int status, object? body, string? location, CancellationToken cancellationToken) =>
        CommitAsync(work, status, () => body, location, cancellationToken);

    /// <summary>As above, with a body known only once <paramref name="work"/> ran.</summary>
    public Task CommitAsync(Func<NodeDbContext, Task> work, int status, Func<object?> body, string? location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return writer.RunAsync(async db =>
        {
            var node = (NodeDbContext)db;
            // Under the write gate: a concurrent copy with the same key that committed first is seen here.
            if (_key is not null && await node.IdempotencyRecords.AnyAsync(x => x.UserName == _user && x.Key == _key, cancellationToken))
                throw new DuplicateCommandException();
            await work(node);
            await audit.AppendAsync(node, _action ?? _endpoint ?? RequestLine(), location, status.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
            if (_key is not null)
            {
                var response = body();
                node.IdempotencyRecords.Add(new IdempotencyRecord
                {
                    UserName = _user!,
                    Key = _key,
                    Endpoint = _endpoint!,
                    RequestHash = _hash!,
                    StatusCode = status,
                    ResponseBody = response is null ? null : JsonSerializer.Serialize(response, response.GetType(), json.Value.SerializerOptions),
                    Location = location,
                    CreatedAt = clock.GetCurrentInstant(),
                });
            }
            return true;
        }, cancellationToken);
    }

    string RequestLine() => http.HttpContext is { } context ? $"{context.Request.Method} {context.Request.Path}" : "command";
}
