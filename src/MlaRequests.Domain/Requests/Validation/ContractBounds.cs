using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace MlaRequests.Domain.Requests.Validation;

/// <summary>
/// The bounds every cross-border contract keeps, whatever its type: each text within the limits, each
/// non-nullable value present, each list bounded and without null entries, each enum a defined value.
/// Read from the contract's own properties, so a contract added later is bounded without a new rule.
/// </summary>
public static class ContractBounds
{
    static readonly ConcurrentDictionary<Type, (PropertyInfo Property, bool Nullable)[]> Shapes = new();

    /// <summary>The first bound <paramref name="contract"/> breaks, as "field: problem", or null.</summary>
    /// <param name="contract">A deserialized contract.</param>
    /// <param name="limits">The node's input limits.</param>
    /// <param name="largeText">The one property allowed up to <see cref="InputLimits.BodyBytes"/> characters (a transmitted request's content).</param>
    public static string? Problem(object contract, InputLimits limits, string? largeText = null)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(limits);
        foreach (var (property, nullable) in Shapes.GetOrAdd(contract.GetType(), Shape))
        {
            var name = property.Name;
            switch (property.GetValue(contract))
            {
                case null when !nullable:
                    return $"{name}: {ProblemTexts.Required.Format(name)}";
                case string text when text.Length > (name == largeText ? limits.BodyBytes : limits.TextLength):
                    return $"{name}: {ProblemTexts.TooLong.Format(name == largeText ? limits.BodyBytes : limits.TextLength)}";
                case Enum value when !Enum.IsDefined(value.GetType(), value):
                    return $"{name}: {ProblemTexts.Undefined.Format(value, string.Join(", ", Enum.GetNames(value.GetType())))}";
                case IEnumerable items and not string when ItemsProblem(items.Cast<object?>().ToList(), limits) is { } problem:
                    return $"{name}: {problem}";
            }
        }
        return null;
    }

    static string? ItemsProblem(List<object?> items, InputLimits limits) =>
        items.Count > limits.ListItems ? ProblemTexts.TooMany.Format(limits.ListItems)
        : items.Any(x => x is null) ? ProblemTexts.NullEntry.Format()
        : items.OfType<string>().Any(x => x.Length > limits.NameLength) ? ProblemTexts.TooLong.Format(limits.NameLength)
        : null;

    static (PropertyInfo, bool)[] Shape(Type type)
    {
        // A context per shape: NullabilityInfoContext is not thread-safe, and shapes are built once per type.
        var nullability = new NullabilityInfoContext();
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => (p, p.PropertyType.IsValueType || nullability.Create(p).ReadState != NullabilityState.NotNull))
            .ToArray();
    }
}
