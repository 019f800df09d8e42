using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace MlaRequests.Node.Delivery;

/// <summary>
/// One Polly pipeline per remote node for the in-process send: a short retry with exponential
/// backoff and jitter, a per-attempt timeout, and a circuit breaker, so a node whose link is down
/// is left alone for a while instead of being hammered (its messages wait in the database).
/// </summary>
public sealed class LinkCircuits(IOptions<CrossBorderOptions> options)
{
    readonly Dictionary<string, (ResiliencePipeline Pipeline, CircuitBreakerStateProvider State)> _links = new(StringComparer.Ordinal);
    readonly Lock _lock = new();

    /// <summary>The pipeline for sends to <paramref name="node"/>.</summary>
    public ResiliencePipeline For(string node) => Get(node).Pipeline;

    /// <summary>Closed, Open, HalfOpen or Isolated.</summary>
    public string StateOf(string node) => Get(node).State.CircuitState.ToString();

    /// <summary>True while sends to <paramref name="node"/> flow normally (otherwise one probe at a time is sent).</summary>
    public bool IsClosed(string node) => Get(node).State.CircuitState is CircuitState.Closed;

    (ResiliencePipeline Pipeline, CircuitBreakerStateProvider State) Get(string node)
    {
        lock (_lock)
        {
            if (_links.TryGetValue(node, out var link))
                return link;
            var state = new CircuitBreakerStateProvider();
            var settings = options.Value;
            var pipeline = new ResiliencePipelineBuilder()
                .AddCircuitBreaker(new CircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.5,
                    MinimumThroughput = 4,
                    SamplingDuration = TimeSpan.FromSeconds(30),
                    BreakDuration = settings.BreakDuration,
                    StateProvider = state,
                })
                .AddRetry(new RetryStrategyOptions
                {
                    MaxRetryAttempts = 2,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(200),
                })
                .AddTimeout(new TimeoutStrategyOptions { Timeout = settings.SendTimeout })
                .Build();
            _links[node] = link = (pipeline, state);
            return link;
        }
    }
}
