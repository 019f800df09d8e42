using System.Security.Cryptography;
using System.Text.Json;

namespace MlaRequests.Node.Delivery;

/// <summary>
/// A node's private keys in a file (<c>CrossBorder:KeyFile</c>, or the one the node keeps in its data directory), JSON:
/// <c>{"signingKey": …, "encryptionKey": …, "previousEncryptionKey": …}</c>, each base64 PKCS#8 P-256. The file is written
/// with mode 0600 in a 0700 directory, never passes through a command line, and a node refuses a configured key file
/// that its group or others may read (as ssh does).
/// </summary>
/// <param name="SigningKey">The key this node signs with (ECDSA).</param>
/// <param name="EncryptionKey">The key peers seal for now (ECDH).</param>
/// <param name="PreviousEncryptionKey">The key peers sealed for before the last rotation, kept until nothing sealed for it is in flight.</param>
public sealed record NodeKeyFile(string? SigningKey, string? EncryptionKey, string? PreviousEncryptionKey)
{
    const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    const UnixFileMode OwnerOnlyDirectory = OwnerOnly | UnixFileMode.UserExecute;
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Fresh signing and encryption keys.</summary>
    public static NodeKeyFile Generate()
    {
        using var signing = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var encryption = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        return new NodeKeyFile(Convert.ToBase64String(signing.ExportPkcs8PrivateKey()), Convert.ToBase64String(encryption.ExportPkcs8PrivateKey()), null);
    }

    /// <summary>The keys in <paramref name="path"/>; an <see cref="InvalidDataException"/> when it does not read.</summary>
    public static NodeKeyFile Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<NodeKeyFile>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path} is empty");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path} is not a key file (JSON with signingKey and encryptionKey)", exception);
        }
    }

    /// <summary>Why <paramref name="path"/> may not be used as a key file (missing, or readable by others than its owner), or null.</summary>
    public static string? Problem(string path)
    {
        if (!File.Exists(path))
            return $"'{path}' does not exist";
        if (OperatingSystem.IsWindows())
            return null;
        var mode = File.GetUnixFileMode(path);
        return (mode & ~OwnerOnlyDirectory) == 0
            ? null
            : $"'{path}' may be read or changed by its group or others (mode {Octal(mode)}): 'chmod 600 {path}'";
    }

    /// <summary>Writes the keys to <paramref name="path"/> (replacing it) with mode 0600; a directory it creates gets 0700.</summary>
    public void Write(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        EnsurePrivateDirectory(directory);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = OwnerOnly;
        using (var stream = new FileStream(temporary, options))
            JsonSerializer.Serialize(stream, this, Json);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Creates <paramref name="directory"/> with mode 0700, or takes group and others' access away from it.</summary>
    public static void EnsurePrivateDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return;
        }
        if (!Directory.Exists(directory))
            Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        else if ((File.GetUnixFileMode(directory) & ~(OwnerOnlyDirectory)) != 0)
            File.SetUnixFileMode(directory, File.GetUnixFileMode(directory) & OwnerOnlyDirectory);
    }

    /// <summary>Makes an existing file readable by its owner only.</summary>
    public static void MakePrivate(string path)
    {
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, OwnerOnly);
    }

    static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');
}
