using System.Text.Json;
using MlaRequests.Domain.Requests.Validation;

namespace MlaRequests.Workflows.Content;

/// <summary>The content rules kept as data under <c>Data/</c>: required fields per legal basis and kind, and refusal grounds.</summary>
public static class ContentData
{
    static readonly Lazy<RequiredContentRules> Required = new(() => RequiredContentRules.Parse(Read("required-content.json")));
    static readonly Lazy<InstrumentTable> InstrumentsTable = new(() => InstrumentTable.Parse(Read("legal-instruments.json")));
    static readonly Lazy<IReadOnlyList<RefusalGround>> Grounds = new(() => LoadGrounds("refusal-grounds.json"));
    static readonly Lazy<IReadOnlyList<RefusalGround>> Postponement = new(() => LoadGrounds("postponement-grounds.json"));

    /// <summary>Which fields a request needs before it leaves draft.</summary>
    public static RequiredContentRules RequiredContent => Required.Value;

    /// <summary>Which legal instruments apply between two states, with their parties and sources (issue 15).</summary>
    public static InstrumentTable Instruments => InstrumentsTable.Value;

    /// <summary>The coded refusal grounds.</summary>
    public static IReadOnlyList<RefusalGround> RefusalGrounds => Grounds.Value;

    /// <summary>The coded postponement grounds (UNTOC Art. 18(25)), in the same shape as the refusal grounds.</summary>
    public static IReadOnlyList<RefusalGround> PostponementGrounds => Postponement.Value;

    /// <summary>The text of an embedded data file.</summary>
    public static string Read(string name)
    {
        var assembly = typeof(ContentData).Assembly;
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith("." + name, StringComparison.Ordinal) || n == name)
            ?? throw new FileNotFoundException($"The workflow data file {name} is not embedded.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    static IReadOnlyList<RefusalGround> LoadGrounds(string file)
    {
        using var document = JsonDocument.Parse(Read(file));
        return document.RootElement.GetProperty("grounds").Deserialize<List<RefusalGround>>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}
