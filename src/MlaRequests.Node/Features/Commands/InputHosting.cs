using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Routing;
using MlaRequests.Domain.Requests.Validation;

namespace MlaRequests.Node.Features.Commands;

/// <summary>How the API meets malformed input: bounded by <see cref="InputLimits"/>, answered 400 naming the field in every environment.</summary>
public static class InputHosting
{
    /// <summary>Registers the limits, the bad-input answer, and strict JSON bodies.</summary>
    public static IServiceCollection AddNodeInput(this IServiceCollection services, InputLimits limits)
    {
        services.AddSingleton(limits);
        // Development defaults to throwing on a binding failure and Production to a bare 400; always throwing lets one
        // handler answer both alike, with the field named.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadInputHandler>();
        // A misspelt field is an error, not silently dropped data.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow);
        return services;
    }
}
