namespace MlaRequests.Node.Hosting;

/// <summary>
/// The node's files at rest are its own: the data directory and the key ring's directory are 0700, the database (with its
/// <c>-wal</c> and <c>-shm</c> files) and the key ring's files 0600. The process's umask would otherwise leave them
/// world-readable (0644) to every account on the host. The directories are made private before anything is written in
/// them, so a file is never reachable by another account, even while SQLite creates it 0644; <see cref="Prepare"/> runs
/// again once the database is migrated, and SQLite gives the <c>-wal</c> and <c>-shm</c> files it creates later the mode of
/// the database file. An existing directory from an older release is tightened at start. Nothing changes on Windows,
/// whose files inherit the directory's access list.
/// </summary>
public static class PrivateFiles
{
    /// <summary>Read and write for the owner only.</summary>
    public const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Read, write and list for the owner only.</summary>
    public const UnixFileMode Directory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates or tightens the node's directories, and tightens the files in them.</summary>
    public static void Prepare(NodeOptions node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (OperatingSystem.IsWindows())
            return;
        PrivateDirectory(Path.GetDirectoryName(node.DatabasePath)!);
        PrivateDirectory(node.DataProtectionKeysPath);
        foreach (var path in new[] { node.DatabasePath, node.DatabasePath + "-wal", node.DatabasePath + "-shm" })
            Tighten(path);
        foreach (var key in System.IO.Directory.EnumerateFiles(node.DataProtectionKeysPath))
            Tighten(key);
    }

    /// <summary>Makes <paramref name="path"/> 0600 when it exists.</summary>
    public static void Tighten(string path)
    {
        if (!OperatingSystem.IsWindows() && System.IO.File.Exists(path))
            System.IO.File.SetUnixFileMode(path, File);
    }

    static void PrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
            return;
        try
        {
            System.IO.Directory.CreateDirectory(path, Directory);
            System.IO.File.SetUnixFileMode(path, Directory);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new NodeConfigurationException($"The directory {path} must belong to the node's user, who makes it private (0700): {exception.Message}", exception);
        }
    }
}
