using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace MlaRequests.Tests.Infrastructure;

/// <summary>A node running as its own operating-system process, which a test can kill with SIGKILL.</summary>
public sealed class NodeProcess : IAsyncDisposable
{
    readonly string[] _arguments;
    readonly Dictionary<string, string?> _environment;
    readonly string _log;
    Process? _process;

    readonly string? _workingDirectory;

    // A node process of code, started in workingDirectory (the test's own unless given), running this code's node or the
    // given assembly (another release's).
    public NodeProcess(string code, string dataDirectory, IDictionary<string, string?> settings, string? workingDirectory = null, string? assembly = null)
    {
        _workingDirectory = workingDirectory;
        Port = FreePort();
        Directory.CreateDirectory(dataDirectory);
        _log = Path.Combine(dataDirectory, $"node-{code}.log");
        _arguments =
        [
            assembly ?? Repository.NodeAssembly, "--urls", $"http://127.0.0.1:{Port}", $"--Node:Code={code}", $"--Node:DataDirectory={dataDirectory}",
            .. TestKeys.SettingsFor(code, dataDirectory).Concat(settings).Where(s => !IsSecret(s.Key)).Select(s => $"--{s.Key}={s.Value}"),
        ];
        // Passwords go through the environment, as a deployment gives them: never on the command line, where ps shows them.
        _environment = settings.Where(s => IsSecret(s.Key)).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}") };
    }

    public int Port { get; }

    public HttpClient Client { get; }

    public string Log => File.Exists(_log) ? File.ReadAllText(_log) : string.Empty;

    /// <summary>Starts the process and waits until <paramref name="probe"/> answers 200 (readiness unless a test asks for less).</summary>
    public async Task StartAsync(string probe = "/health/ready")
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (_workingDirectory is not null)
            start.WorkingDirectory = _workingDirectory;
        foreach (var argument in _arguments)
            start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in _environment)
            start.Environment[name] = value;
        _process = Process.Start(start)!;
        var log = new StreamWriter(_log, append: true) { AutoFlush = true };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Eventually.Until(async () =>
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The node exited with {_process.ExitCode}:\n{Log}");
            try
            {
                return (await Client.GetAsync(probe)).StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, ok => ok, TestTimeouts.Start, "the node process to report healthy");
    }

    /// <summary>kill -9: no shutdown hooks, no flush, the way a power cut or the OOM killer ends a process.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited)
            return;
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        Client.Dispose();
    }

    /// <summary>Signs the process's client in as a demo account, and adds an Idempotency-Key to each command.</summary>
    public async Task LoginAsync(string user)
    {
        var response = await Client.PostAsJsonAsync("/api/auth/login", new { userName = user, password = "Demo!2026" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString();
        Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Client.DefaultRequestHeaders.Remove("Idempotency-Key");
        Client.DefaultRequestHeaders.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
    }

    /// <summary>A separate client signed in as <paramref name="user"/>, giving each command a fresh Idempotency-Key.</summary>
    public async Task<NodeApi> ApiAsync(string user)
    {
        var client = new HttpClient(new NodeFactory.IdempotencyKeys { InnerHandler = new HttpClientHandler() }) { BaseAddress = Client.BaseAddress };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = user, password = "Demo!2026" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return new NodeApi(client);
    }

    static bool IsSecret(string key) => key.EndsWith("Password", StringComparison.Ordinal);

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
