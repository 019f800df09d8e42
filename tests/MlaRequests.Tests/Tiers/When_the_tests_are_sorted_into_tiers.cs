using System.Reflection;
using MlaRequests.Tests.Infrastructure;

namespace MlaRequests.Tests.Tiers;

/// <summary>Each test runs in exactly one tier, so the tier commands together run every test once (docs/testing.md).</summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_the_tests_are_sorted_into_tiers
{
    static readonly IReadOnlyList<MethodInfo> Tests = [.. typeof(When_the_tests_are_sorted_into_tiers).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false })
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance))
        .Where(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any())];

    [Fact]
    public void Every_test_names_exactly_one_tier_of_this_project()
    {
        Tests.Should().NotBeEmpty();
        Tests.Where(m => TraitValues(m, Tier.Name).Count != 1).Select(Name)
            .Should().BeEmpty("each test carries one [Trait(Tier.Name, ...)] on its class or on itself");
        Tests.Where(m => TraitValues(m, Tier.Name) is [var tier] && tier is not (Tier.Integration or Tier.System)).Select(Name)
            .Should().BeEmpty("this project holds the integration and system tiers; the fast tier is tests/MlaRequests.FastTests");
    }

    [Fact]
    public void Every_test_that_needs_a_broker_or_a_browser_is_a_system_test()
    {
        Tests.Where(m => TraitValues(m, "Category").Any(c => c is "RabbitMq" or "Browser") && !TraitValues(m, Tier.Name).Contains(Tier.System))
            .Select(Name).Should().BeEmpty("a test that needs RabbitMQ or Chromium must not run in the integration tier");
    }

    /// <summary>The values of trait <paramref name="name"/> on the test and on its class (and the classes it derives from).</summary>
    static List<string> TraitValues(MethodInfo test, string name)
    {
        var owners = new List<MemberInfo> { test };
        for (var type = test.ReflectedType; type is not null; type = type.BaseType)
            owners.Add(type);
        return [.. owners.SelectMany(o => o.GetCustomAttributesData())
            .Where(a => a.AttributeType == typeof(TraitAttribute) && (string?)a.ConstructorArguments[0].Value == name)
            .Select(a => (string)a.ConstructorArguments[1].Value!)];
    }

    static string Name(MethodInfo test) => $"{test.ReflectedType!.Name}.{test.Name}";
}
