using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MlaRequests.Node.Delivery;
using MlaRequests.Node.Hosting;
using MlaRequests.Tests.Infrastructure;

namespace MlaRequests.Tests.Hosting;

/// <summary>
/// A node's private keys live in files only its owner reads (0600 in a 0700 directory) or in the environment, never on a
/// command line where every user of the host reads them (<c>ps</c>); a key file others may read is refused, as ssh does.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Trait(Tier.Name, Tier.System)]
public sealed class When_node_keys_are_kept_in_files : IDisposable
{
    const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    const UnixFileMode OwnerOnlyDirectory = OwnerReadWrite | UnixFileMode.UserExecute;
    readonly TestDirectory _data = new();

    [Fact]
    public void The_keys_a_node_makes_in_its_data_directory_are_0600_in_a_0700_directory()
    {
        var directory = Path.Combine(_data.Path, "kz");
        using var keys = new NodeKeys(Options.Create(new CrossBorderOptions()), Options.Create(new NodeOptions { Code = "KZ", DataDirectory = directory }),
            NullLogger<NodeKeys>.Instance);

        var files = Directory.GetFiles(directory).Where(f => !f.EndsWith(".db", StringComparison.Ordinal)).ToList();
        files.Should().ContainSingle().Which.Should().EndWith("node-kz.keys");
        File.GetUnixFileMode(files[0]).Should().Be(OwnerReadWrite);
        File.GetUnixFileMode(directory).Should().Be(OwnerOnlyDirectory);
    }

    [Fact]
    public void A_signing_key_an_earlier_release_kept_world_readable_stays_the_node_s_identity_and_is_made_private()
    {
        var directory = Path.Combine(_data.Path, "kz");
        Directory.CreateDirectory(directory);
        File.SetUnixFileMode(directory, OwnerOnlyDirectory | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var earlier = Path.Combine(directory, "node-kz.signing-key");
        File.WriteAllText(earlier, TestKeys.PrivateKeyOf("KZ"));
        File.SetUnixFileMode(earlier, OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        using var keys = new NodeKeys(Options.Create(new CrossBorderOptions()), Options.Create(new NodeOptions { Code = "KZ", DataDirectory = directory }),
            NullLogger<NodeKeys>.Instance);

        keys.PublicKey.Should().StartWith($"sig:{TestKeys.SigningPublicKeyOf("KZ")};enc:", "the peers' trust lists keep verifying the node");
        File.GetUnixFileMode(earlier).Should().Be(OwnerReadWrite);
        File.GetUnixFileMode(directory).Should().Be(OwnerOnlyDirectory);
    }

    [Fact]
    public async Task Keygen_writes_the_private_keys_to_a_0600_file_and_prints_only_the_public_identity()
    {
        var file = Path.Combine(_data.Path, "keys", "kz.keys");

        var (exitCode, output) = await Node(TestTimeouts.Start, "keygen", file);

        exitCode.Should().Be(0, output);
        File.GetUnixFileMode(file).Should().Be(OwnerReadWrite);
        File.GetUnixFileMode(Path.GetDirectoryName(file)!).Should().Be(OwnerOnlyDirectory);
        var keys = NodeKeyFile.Read(file);
        output.Should().Contain($"PublicKey={NodeKeys.PublicKeyOf(keys)}").And.NotContain(keys.SigningKey!).And.NotContain(keys.EncryptionKey!);

        (await Node(TestTimeouts.Start, "keygen", "--rotate", file)).ExitCode.Should().Be(0);
        var rotated = NodeKeyFile.Read(file);
        rotated.PreviousEncryptionKey.Should().Be(keys.EncryptionKey, "envelopes sealed for the old key keep opening until it is removed");
        rotated.SigningKey.Should().NotBe(keys.SigningKey);
        File.GetUnixFileMode(file).Should().Be(OwnerReadWrite);
    }

    [Fact]
    public async Task A_key_file_others_may_read_is_refused_at_start_naming_the_setting()
    {
        var file = Path.Combine(_data.Path, "kz.keys");
        TestKeys.Of("KZ").Write(file);
        File.SetUnixFileMode(file, OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var (exitCode, output) = await Node(TestTimeouts.Start, "--Node:Code=KZ", $"--Node:DataDirectory={_data.Path}", $"--CrossBorder:KeyFile={file}");

        exitCode.Should().Be(2, output);
        output.Should().Contain("CrossBorder:KeyFile").And.Contain("chmod 600");
    }

    [Fact]
    public async Task A_private_key_on_the_command_line_is_refused_at_start()
    {
        var (exitCode, output) = await Node(TestTimeouts.Start, "--Node:Code=KZ", $"--Node:DataDirectory={_data.Path}",
            $"--CrossBorder:SigningKey={TestKeys.PrivateKeyOf("KZ")}");

        exitCode.Should().Be(2, output);
        output.Should().Contain("CrossBorder:SigningKey given on the command line").And.Contain("CrossBorder:KeyFile");
    }

    static Task<(int ExitCode, string Output)> Node(TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add(Repository.NodeAssembly);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return ChildProcess.RunAsync(start, timeout);
    }

    public void Dispose() => _data.Dispose();
}
