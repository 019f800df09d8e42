using System.Diagnostics;

namespace MlaRequests.Tests.Infrastructure;

/// <summary>
/// The release in the field before this one, built from its own commit, so a test can run a real node of it beside a node
/// of this code: a country upgrades on its own day, and until then its node must keep talking to the upgraded ones. Built
/// once per machine (the output is kept under the temporary folder, keyed by the commit), from <c>git archive</c> of this
/// clone: the repository is not touched.
/// </summary>
public static class PreviousRelease
{
    /// <summary>Release 3 (issue 14's JIT extension, issue 15's first part), the commit that landed on 7 December 2026; its databases are <see cref="Upgrade.UpgradeFixture.Current"/>.</summary>
    public const string Commit = "21180c6be1f3c33a98595c8fbae0554d5195f9fe";

    /// <summary>The contract version release 3 speaks.</summary>
    public const int Version = 3;

    static readonly SemaphoreSlim Once = new(1, 1);
    static string? _assembly;

    /// <summary>The previous release's node assembly, built first if this machine has not built it yet.</summary>
    public static async Task<string> NodeAssemblyAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_assembly is not null)
                return _assembly;
            var root = Path.Combine(Path.GetTempPath(), "mla-previous-release", Commit[..12]);
            var assembly = Path.Combine(root, "src", "MlaRequests.Node", "bin", "Release", "net10.0", "MlaRequests.Node.dll");
            var built = Path.Combine(root, ".built");
            if (!File.Exists(built))
            {
                var (found, _) = await ChildProcess.RunAsync("git", TestTimeouts.Tool, "-C", Repository.Root, "cat-file", "-e", Commit + "^{commit}");
                if (found != 0)
                {
                    throw new InvalidOperationException($"The previous release's commit {Commit} is not in this clone (a shallow clone?); "
                        + "clone with its history, or run `git fetch --unshallow`.");
                }
                if (Directory.Exists(root))
                    Directory.Delete(root, recursive: true);
                Directory.CreateDirectory(root);
                await Must(new ProcessStartInfo("sh", ["-c", $"git -C '{Repository.Root}' archive {Commit} | tar -x -C '{root}'"]), "unpack");
                await Must(new ProcessStartInfo("dotnet", ["build", Path.Combine("src", "MlaRequests.Node", "MlaRequests.Node.csproj"), "-c", "Release", "-nologo", "-v", "quiet"])
                {
                    WorkingDirectory = root,
                }, "build");
                await File.WriteAllTextAsync(built, Commit);
            }
            return _assembly = assembly;
        }
        finally
        {
            Once.Release();
        }
    }

    static async Task Must(ProcessStartInfo start, string what)
    {
        var (exit, output) = await ChildProcess.RunAsync(start, TimeSpan.FromMinutes(10));
        if (exit != 0)
            throw new InvalidOperationException($"Could not {what} the previous release ({Commit}), exit {exit}:\n{output}");
    }
}
