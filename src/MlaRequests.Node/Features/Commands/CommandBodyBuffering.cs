using Microsoft.AspNetCore.Http.Features;
using MlaRequests.Domain.Requests.Validation;

namespace MlaRequests.Node.Features.Commands;

/// <summary>
/// Lets a command's body be read twice: by model binding, then for the idempotency hash. A body over
/// <see cref="InputLimits.BodyBytes"/> is refused with 413 before anything reads it.
/// </summary>
public static class CommandBodyBuffering
{
    /// <summary>Bounds and buffers the body of every POST and PUT.</summary>
    public static IApplicationBuilder UseCommandBodyBuffering(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var limits = app.ApplicationServices.GetRequiredService<InputLimits>();
        return app.Use(async (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPut(context.Request.Method))
            {
                if (context.Request.ContentLength > limits.BodyBytes)
                {
                    await TypedResults.Problem(ProblemTexts.BodyTooLarge.Format(limits.BodyBytes), statusCode: StatusCodes.Status413PayloadTooLarge)
                        .ExecuteAsync(context);
                    return;
                }
                // A body without a length (chunked) is stopped by the server once it passes the limit.
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                    size.MaxRequestBodySize = limits.BodyBytes;
                context.Request.EnableBuffering();
            }
            await next(context);
        });
    }
}
