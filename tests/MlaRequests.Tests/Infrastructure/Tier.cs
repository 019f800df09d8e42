namespace MlaRequests.Tests.Infrastructure;

/// <summary>
/// The cost tier of a test in this project, as an xunit trait: <c>[Trait(Tier.Name, Tier.Integration)]</c>. Each test
/// carries exactly one (on its class, or on the test itself when a class mixes tiers); <c>When_the_tests_are_sorted_into_tiers</c>
/// checks it. The fast tier is its own project, tests/MlaRequests.FastTests. Commands: docs/testing.md.
/// </summary>
public static class Tier
{
    /// <summary>The trait's name.</summary>
    public const string Name = "Tier";

    /// <summary>One node in-process (WebApplicationFactory, SQLite, in-memory bus): <c>--filter Tier=Integration</c>.</summary>
    public const string Integration = "Integration";

    /// <summary>Node processes, RabbitMQ, a browser: <c>--filter Tier=System</c>.</summary>
    public const string System = "System";
}
