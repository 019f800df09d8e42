using System.Reflection;

namespace MlaRequests.FastTests;

/// <summary>This project is the fast tier: no test here needs a broker, a browser or a tier of its own (docs/testing.md).</summary>
public sealed class When_the_tests_are_sorted_into_tiers
{
    [Fact]
    public void No_fast_test_is_marked_for_another_tier_a_broker_or_a_browser()
    {
        var tests = typeof(When_the_tests_are_sorted_into_tiers).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Where(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any())
            .ToList();

        tests.Should().NotBeEmpty();
        tests.Where(m => Traits(m).Any(t => t is ("Tier", _) or ("Category", "RabbitMq" or "Browser")))
            .Select(m => $"{m.ReflectedType!.Name}.{m.Name}")
            .Should().BeEmpty("a test that needs more than the process it runs in belongs in tests/MlaRequests.Tests");
    }

    static IEnumerable<(string Name, string Value)> Traits(MethodInfo test)
    {
        var owners = new List<MemberInfo> { test };
        for (var type = test.ReflectedType; type is not null; type = type.BaseType)
            owners.Add(type);
        return owners.SelectMany(o => o.GetCustomAttributesData())
            .Where(a => a.AttributeType == typeof(TraitAttribute))
            .Select(a => ((string)a.ConstructorArguments[0].Value!, (string)a.ConstructorArguments[1].Value!));
    }
}
