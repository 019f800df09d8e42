using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using MlaRequests.Tests.Infrastructure;

namespace MlaRequests.Tests.Processes;

/// <summary>
/// The README's run command, <c>scripts/region.sh</c>, on its own broker port, node ports and data directory:
/// five nodes become ready, the seeded requests are where the seeding put them, the README's walk-through sends a
/// request from Kazakhstan to Kyrgyzstan, Ctrl-C stops everything it started, and a second run over the same data
/// comes up again without duplicating the demo requests.
/// </summary>
[Trait("Category", "RabbitMq")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Trait(Tier.Name, Tier.System)]
public sealed class When_the_region_command_runs : IDisposable
{
    const ushort BrokerPort = 5696;
    static readonly string[] Codes = ["KZ", "KG", "TJ", "TM", "UZ"];
    readonly TestDirectory _data = new();
    readonly int _firstPort = FreePorts(Codes.Length);
    Region? _region;

    [Fact]
    public async Task Five_nodes_become_ready_exchange_a_request_and_stop_on_Ctrl_C_and_a_second_run_works()
    {
        _region = await Region.StartAsync(_data.Path, _firstPort, BrokerPort);
        for (var i = 0; i < Codes.Length; i++)
            (await Get(i, "/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK, $"{Codes[i]} answers /health/ready");
        NoPrivateKeyIsOnACommandLineAndTheKeyFilesAreTheOwnersAlone();

        var kz = await Api("KZ", "kz.liaison");
        (await kz.GetAsync("/api/incoming")).GetProperty("items").EnumerateArray()
            .Should().Contain(c => c.GetProperty("requestingNode").GetString() == "UZ" && c.GetProperty("status").GetString() == "Executed");
        var uz = await Api("UZ", "uz.liaison");
        (await uz.GetAsync("/api/incoming")).GetProperty("items").EnumerateArray()
            .Should().Contain(c => c.GetProperty("requestingNode").GetString() == "KG" && c.GetProperty("status").GetString() == "Registered");
        var kzRequests = (await kz.GetAsync("/api/requests")).GetProperty("total").GetInt32();
        kzRequests.Should().Be(2, "the seeding opened a draft and a request awaiting approval in Kazakhstan");

        var walkthrough = await Run(Path.Combine(Repository.Root, "scripts", "walkthrough.sh"), TestTimeouts.Tool, Url(0), Url(1));
        walkthrough.ExitCode.Should().Be(0, walkthrough.Output);
        walkthrough.Output.Should().Contain("\"status\":\"InExecution\"", "the request sent from Kazakhstan arrived in Kyrgyzstan and was accepted there");

        var exitCode = await _region.StopAsync();
        exitCode.Should().Be(130, _region.Output);
        _region.Output.Should().Contain("stopped.");
        for (var i = 0; i < Codes.Length; i++)
            IsListening(_firstPort + i).Should().BeFalse($"{Codes[i]}'s node was stopped");
        (await Run(Path.Combine(Repository.Root, "scripts", "broker.sh"), TestTimeouts.Start, "ctl", BrokerPort.ToString(), "status"))
            .ExitCode.Should().NotBe(0, "the broker the command started was stopped");

        _region = await Region.StartAsync(_data.Path, _firstPort, BrokerPort);
        kz = await Api("KZ", "kz.liaison");
        (await kz.GetAsync("/api/requests")).GetProperty("total").GetInt32()
            .Should().Be(kzRequests + 1, "the second run's seeding replays its commands (the walk-through added one request)");
        (await _region.StopAsync()).Should().Be(130, _region.Output);
    }

    /// <summary>Any user of the host reads a process's arguments (<c>ps</c>, <c>/proc/&lt;pid&gt;/cmdline</c>): the nodes get key files, 0600 in a 0700 directory.</summary>
    void NoPrivateKeyIsOnACommandLineAndTheKeyFilesAreTheOwnersAlone()
    {
        var keyDirectory = Path.Combine(_data.Path, "keys");
        File.GetUnixFileMode(keyDirectory).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var keyFiles = Directory.GetFiles(keyDirectory, "*.keys");
        keyFiles.Should().HaveCount(Codes.Length);
        var secrets = new List<string>();
        foreach (var file in keyFiles)
        {
            File.GetUnixFileMode(file).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite, $"{file} holds a private key");
            using var keys = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
            secrets.AddRange(keys.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == System.Text.Json.JsonValueKind.String).Select(p => p.Value.GetString()!));
        }
        var commandLines = File.ReadAllLines(Path.Combine(_data.Path, "nodes.pids"))
            .Select(pid => Path.Combine("/proc", pid.Trim(), "cmdline")).Where(File.Exists)
            .Select(path => File.ReadAllText(path).Replace('\0', ' ')).Where(c => c.Contains("MlaRequests.Node.dll", StringComparison.Ordinal)).ToList();
        commandLines.Should().HaveCount(Codes.Length, "every node's command line was read");
        foreach (var commandLine in commandLines)
        {
            commandLine.Should().NotContain("SigningKey").And.NotContain("EncryptionKey");
            foreach (var secret in secrets)
                commandLine.Should().NotContain(secret);
        }
    }

    string Url(int index) => $"http://127.0.0.1:{_firstPort + index}";

    async Task<HttpResponseMessage> Get(int index, string path)
    {
        using var client = new HttpClient { BaseAddress = new Uri(Url(index)) };
        return await client.GetAsync(path);
    }

    async Task<NodeApi> Api(string code, string user)
    {
        var client = new HttpClient(new NodeFactory.IdempotencyKeys { InnerHandler = new HttpClientHandler() }) { BaseAddress = new Uri(Url(Array.IndexOf(Codes, code))) };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = user, password = "Demo!2026" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return new NodeApi(client);
    }

    static Task<(int ExitCode, string Output)> Run(string file, TimeSpan timeout, params string[] arguments) =>
        ChildProcess.RunAsync(file, timeout, arguments);

    static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A base port with <paramref name="count"/> free ports after it.</summary>
    static int FreePorts(int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var first = Random.Shared.Next(30_000, 40_000);
            if (Enumerable.Range(first, count).All(p => !IsListening(p)))
                return first;
        }
        throw new InvalidOperationException("No run of free ports found.");
    }

    public void Dispose()
    {
        _region?.Dispose();
        _data.Dispose();
    }

    /// <summary>One run of <c>scripts/region.sh</c> in its own session (process group), so everything it started can be found.</summary>
    sealed class Region : IDisposable
    {
        readonly Process _process;
        readonly StringBuilder _output = new();
        readonly ushort _brokerPort;
        bool _stopped;

        readonly string _data;

        Region(Process process, ushort brokerPort, string data)
        {
            _process = process;
            _brokerPort = brokerPort;
            _data = data;
        }

        /// <summary>The last lines of each node's log, for a failure message.</summary>
        string NodeLogTails() =>
            string.Join('\n', Codes.Select(code => Path.Combine(_data, $"{code}.log")).Where(File.Exists)
                .Select(log => $"--- {Path.GetFileName(log)}\n{string.Join('\n', File.ReadLines(log).TakeLast(15))}"));

        public string Output
        {
            get
            {
                lock (_output)
                    return _output.ToString();
            }
        }

        public static async Task<Region> StartAsync(string data, int firstPort, ushort brokerPort)
        {
            var start = new ProcessStartInfo("setsid") { RedirectStandardOutput = true, RedirectStandardError = true };
            // SIGINT as a terminal leaves it: a test run started in the background (`scripts/test.sh &`) inherits SIGINT
            // ignored, and a shell cannot trap a signal ignored on entry, so Ctrl-C would never reach region.sh's trap.
            start.ArgumentList.Add("env");
            start.ArgumentList.Add("--default-signal=INT");
            start.ArgumentList.Add(Path.Combine(Repository.Root, "scripts", "region.sh"));
            start.Environment["MLA_BROKER_PORT"] = brokerPort.ToString();
            start.Environment["MLA_FIRST_PORT"] = firstPort.ToString();
            start.Environment["MLA_REGION_DATA"] = data;
            start.Environment["MLA_CONFIGURATION"] = new DirectoryInfo(Path.GetDirectoryName(Repository.NodeAssembly)!).Parent!.Name;
            start.Environment["MLA_BUILD"] = "0";
            var region = new Region(Process.Start(start)!, brokerPort, data);
            region._process.OutputDataReceived += (_, e) => region.Append(e.Data);
            region._process.ErrorDataReceived += (_, e) => region.Append(e.Data);
            region._process.BeginOutputReadLine();
            region._process.BeginErrorReadLine();
            await Eventually.Until(() =>
            {
                if (region._process.HasExited)
                    throw new InvalidOperationException($"region.sh exited with {region._process.ExitCode}:\n{region.Output}");
                return Task.FromResult(region.Output.Contains("region ready", StringComparison.Ordinal));
            }, ready => ready, TimeSpan.FromMinutes(8), "the region to be ready");
            return region;
        }

        /// <summary>Ctrl-C: SIGINT to the script, as a terminal sends it; returns its exit code.</summary>
        public async Task<int> StopAsync()
        {
            using (var kill = Process.Start("kill", ["-INT", _process.Id.ToString()]))
                await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"region.sh did not stop within 90 s of Ctrl-C:\n{Output}\n{NodeLogTails()}");
            }
            _stopped = true;
            return _process.ExitCode;
        }

        void Append(string? line)
        {
            if (line is null)
                return;
            lock (_output)
                _output.AppendLine(line);
        }

        /// <summary>
        /// Whatever is left of this run's process group (nothing, when Ctrl-C worked) is killed, then its broker is stopped:
        /// a test that failed half-way leaves nothing running.
        /// </summary>
        public void Dispose()
        {
            if (_stopped)
            {
                _process.Dispose();
                return;
            }
            var session = _process.Id;
            using (var kill = Process.Start(new ProcessStartInfo("kill", ["-KILL", "--", $"-{session}"]) { RedirectStandardError = true })!)
                kill.WaitForExit();
            using (var broker = Process.Start(new ProcessStartInfo(Path.Combine(Repository.Root, "scripts", "broker.sh"), ["stop", _brokerPort.ToString()])
                   { RedirectStandardOutput = true, RedirectStandardError = true })!)
                broker.WaitForExit();
            _process.Dispose();
        }
    }
}
