namespace MlaRequests.Tests.Infrastructure;

/// <summary>Paths inside the repository the tests run from.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The node's built assembly, same configuration as the tests.</summary>
    public static string NodeAssembly { get; } = Path.Combine(Root, "src", "MlaRequests.Node", "bin",
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "MlaRequests.Node.dll");

    static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MlaRequests.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException("MlaRequests.sln not found above the test assembly.");
    }
}
