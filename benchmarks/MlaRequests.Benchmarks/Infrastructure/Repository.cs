namespace MlaRequests.Benchmarks.Infrastructure;

/// <summary>Paths inside the repository.</summary>
static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The node's Release build (scripts/bench.sh builds it).</summary>
    public static string NodeAssembly { get; } = Path.Combine(Root, "src", "MlaRequests.Node", "bin", "Release", "net10.0", "MlaRequests.Node.dll");

    static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MlaRequests.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException("MlaRequests.sln not found above the benchmark assembly.");
    }
}
