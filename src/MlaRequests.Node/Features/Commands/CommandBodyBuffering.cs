namespace MlaRequests.Node.Features.Commands;

/// <summary>Lets a command's body be read twice: by model binding, then for the idempotency hash.</summary>
public static class CommandBodyBuffering
{
    /// <summary>Buffers the body of every POST and PUT.</summary>
    public static IApplicationBuilder UseCommandBodyBuffering(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPut(context.Request.Method))
                context.Request.EnableBuffering();
            return next(context);
        });
}
