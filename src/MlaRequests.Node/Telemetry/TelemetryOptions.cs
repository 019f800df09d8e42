using System.ComponentModel.DataAnnotations;

namespace MlaRequests.Node.Telemetry;

/// <summary>OpenTelemetry export settings (section <c>Telemetry</c>).</summary>
public sealed class TelemetryOptions : IValidatableObject
{
    /// <summary>Where to send traces, metrics and logs over OTLP (e.g. <c>http://collector:4317</c>); empty: no OTLP export.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> (port 4317) or <c>http/protobuf</c> (port 4318).</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>Also write spans and metrics to the console (default: on in Development).</summary>
    public bool? Console { get; set; }

    /// <summary>The <c>service.name</c> of every span and metric; the node code is <c>service.instance.id</c>.</summary>
    public string ServiceName { get; set; } = "mlarequests-node";

    /// <summary>The OTLP endpoint as a URI, when one is configured.</summary>
    public Uri? OtlpUri => string.IsNullOrWhiteSpace(OtlpEndpoint) ? null : new Uri(OtlpEndpoint);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(OtlpEndpoint)
            && (!Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            yield return new ValidationResult($"Telemetry:OtlpEndpoint must be an http(s) URL such as http://collector:4317 (was '{OtlpEndpoint}').", [nameof(OtlpEndpoint)]);
        if (OtlpProtocol is not ("grpc" or "http/protobuf"))
            yield return new ValidationResult($"Telemetry:OtlpProtocol must be grpc or http/protobuf (was '{OtlpProtocol}').", [nameof(OtlpProtocol)]);
        if (string.IsNullOrWhiteSpace(ServiceName))
            yield return new ValidationResult("Telemetry:ServiceName must not be empty.", [nameof(ServiceName)]);
    }
}
