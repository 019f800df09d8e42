using System.Diagnostics;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;

namespace MlaRequests.Tests.Api;

/// <summary>
/// The node's OpenAPI document is a contract clients are generated from, so a standard linter checks it: Redocly's
/// recommended rules (with the choices in the repository's <c>redocly.yaml</c>), pinned, run through <c>npx</c>.
/// <c>scripts/test.sh</c> installs Node.js where it is missing.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_the_OpenAPI_document_is_linted : IDisposable
{
    /// <summary>The pinned linter; 1.x still runs on the Node.js 18 that Debian's own package brings.</summary>
    public const string Linter = "@redocly/cli@1.34.5";

    readonly TestDirectory _data = new();

    [Fact]
    public async Task Redocly_s_recommended_rules_find_no_error()
    {
        string document;
        await using (var node = new NodeFactory(Path.Combine(_data.Path, "node"), new FakeClock(Instant.FromUtc(2026, 5, 4, 9, 30))))
            document = await node.CreateClient().GetStringAsync("/openapi/v1.json");
        var file = Path.Combine(_data.Path, "openapi.json");
        await File.WriteAllTextAsync(file, document);

        var start = new ProcessStartInfo("npx") { WorkingDirectory = Repository.Root };
        foreach (var argument in new[] { "--yes", Linter, "lint", "--config", Path.Combine(Repository.Root, "redocly.yaml"), "--format", "codeframe", file })
            start.ArgumentList.Add(argument);
        start.Environment["NO_COLOR"] = "1";
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        (int ExitCode, string Output) lint;
        try
        {
            lint = await ChildProcess.RunAsync(start, TestTimeouts.Tool);
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            throw new InvalidOperationException("npx (Node.js) is not installed: scripts/test.sh installs it.", missing);
        }

        lint.ExitCode.Should().Be(0, $"{Linter} lint reports no error in the node's OpenAPI document:\n{lint.Output}");
    }

    public void Dispose() => _data.Dispose();
}
