namespace MlaRequests.Node.Delivery;

/// <summary>
/// The <c>keygen</c> command. <c>keygen &lt;file&gt;</c> writes new private keys to a file with mode 0600 (the node's
/// <c>CrossBorder:KeyFile</c>); <c>keygen --rotate &lt;file&gt;</c> replaces the keys in it, keeping the old encryption key as
/// the previous one; plain <c>keygen</c> prints them as environment assignments (for an env file with mode 0600). Each prints
/// <c>PublicKey=sig:…;enc:…</c>, the identity the peers put in their trust lists. Private keys are never arguments.
/// </summary>
public static class KeyGen
{
    /// <summary>Runs the command with the arguments after <c>keygen</c>; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        switch (arguments)
        {
            case []:
                var (keys, publicKey) = NodeKeys.Generate();
                Console.WriteLine($"CrossBorder__SigningKey={keys.SigningKey}");
                Console.WriteLine($"CrossBorder__EncryptionKey={keys.EncryptionKey}");
                Console.WriteLine($"PublicKey={publicKey}");
                return 0;
            case ["--rotate", var file]:
                if (NodeKeyFile.Problem(file) is { } problem)
                {
                    Console.Error.WriteLine($"keygen --rotate: {problem}");
                    return 2;
                }
                var current = NodeKeyFile.Read(file);
                var rotated = NodeKeyFile.Generate() with { PreviousEncryptionKey = current.EncryptionKey };
                rotated.Write(file);
                Console.WriteLine($"PublicKey={NodeKeys.PublicKeyOf(rotated)}");
                return 0;
            case [var file] when !file.StartsWith('-'):
                if (File.Exists(file))
                {
                    Console.Error.WriteLine($"keygen: {file} exists; 'keygen --rotate {file}' replaces its keys");
                    return 2;
                }
                var generated = NodeKeys.Generate();
                generated.Keys.Write(file);
                Console.WriteLine($"PublicKey={generated.PublicKey}");
                return 0;
            default:
                Console.Error.WriteLine("usage: keygen [<key file> | --rotate <key file>]");
                return 2;
        }
    }
}
