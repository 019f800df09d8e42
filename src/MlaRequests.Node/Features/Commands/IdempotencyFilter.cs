using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Persistence;

namespace MlaRequests.Node.Features.Commands;

/// <summary>
/// Every command carries an <c>Idempotency-Key</c> header. A key seen before with the same command
/// replays the stored response without executing anything; the same key with a different command
/// is refused. The record is written in the command's own transaction (<see cref="CommandContext"/>),
/// so a retry after a lost response can never execute a command twice.
/// </summary>
public sealed class IdempotencyFilter : IEndpointFilter
{
    /// <summary>The header name.</summary>
    public const string Header = "Idempotency-Key";

    /// <summary>
    /// Whether a call needs the key: every signed-in POST and PUT is a command, and each group that maps commands adds this
    /// filter; signing in is anonymous and takes none. The OpenAPI document lists the header by this rule, and the
    /// malformed-call tests send each such command without it.
    /// </summary>
    public static bool Guards(string httpMethod, bool signedIn) => signedIn && (HttpMethods.IsPost(httpMethod) || HttpMethods.IsPut(httpMethod));

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (string.IsNullOrWhiteSpace(key) || key.Length > 100)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [Header] = ["Every command needs an Idempotency-Key header (at most 100 characters)."] });

        // The body was buffered before binding (UseCommandBodyBuffering), so it can be read again here.
        http.Request.Body.Position = 0;
        var hash = Convert.ToHexString(await SHA256.HashDataAsync(http.Request.Body, http.RequestAborted));
        http.Request.Body.Position = 0;
        var endpoint = $"{http.Request.Method} {http.Request.Path}";
        var user = http.User.UserName();

        var db = http.RequestServices.GetRequiredService<NodeDbContext>();
        if (await ReplayAsync(db, http, user, key, endpoint, hash) is { } replay)
            return replay;

        http.RequestServices.GetRequiredService<CommandContext>().Begin(user, key, endpoint, hash);
        try
        {
            return await next(context);
        }
        catch (DuplicateCommandException)
        {
            // A concurrent copy with the same key committed first: answer as it was answered.
            return await ReplayAsync(db, http, user, key, endpoint, hash)
                ?? throw new InvalidOperationException($"Idempotency record {key} vanished.");
        }
    }

    static async Task<IResult?> ReplayAsync(NodeDbContext db, HttpContext http, string user, string key, string endpoint, string hash)
    {
        var seen = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(x => x.UserName == user && x.Key == key, http.RequestAborted);
        if (seen is null)
            return null;
        if (seen.Endpoint != endpoint || seen.RequestHash != hash)
            return TypedResults.Problem($"The Idempotency-Key '{key}' was already used for a different command.", statusCode: StatusCodes.Status422UnprocessableEntity);
        if (seen.Location is not null)
            http.Response.Headers.Location = seen.Location;
        return TypedResults.Content(seen.ResponseBody ?? string.Empty, "application/json", statusCode: seen.StatusCode);
    }
}
