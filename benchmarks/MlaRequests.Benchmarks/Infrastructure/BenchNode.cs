using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace MlaRequests.Benchmarks.Infrastructure;

/// <summary>A node as its own process (Release build, production environment, warnings-only logging), as deployed.</summary>
sealed class BenchNode : IAsyncDisposable
{
    readonly List<string> _arguments;
    readonly Dictionary<string, string?> _environment;
    readonly string _log;
    Process? _process;

    public BenchNode(string code, string dataDirectory, IDictionary<string, string?> settings)
    {
        Code = code;
        DataDirectory = dataDirectory;
        Port = FreePort();
        Directory.CreateDirectory(dataDirectory);
        _log = Path.Combine(dataDirectory, $"node-{code}.log");
        _arguments =
        [
            Repository.NodeAssembly, "--urls", $"http://127.0.0.1:{Port}", $"--Node:Code={code}", $"--Node:DataDirectory={dataDirectory}",
            "--Demo:SeedAccounts=true", "--Logging:LogLevel:Default=Warning",
            .. settings.Concat(BenchKeys.SettingsFor(code, dataDirectory)).Where(s => !IsSecret(s.Key)).Select(s => $"--{s.Key}={s.Value}"),
        ];
        // Passwords through the environment, never the command line.
        _environment = settings.Where(s => IsSecret(s.Key)).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        BaseAddress = new Uri($"http://127.0.0.1:{Port}");
    }

    static bool IsSecret(string key) => key.EndsWith("Password", StringComparison.Ordinal);

    public string Code { get; }
    public string DataDirectory { get; }
    public int Port { get; }
    public Uri BaseAddress { get; }
    public string DatabasePath => Path.Combine(DataDirectory, $"node-{Code.ToLowerInvariant()}.db");
    public int? ProcessId => _process?.Id;

    /// <summary>Starts the process and waits until <c>/health/ready</c> answers 200 (database, bus connected, consume bindings declared, loops running).</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
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
        using var client = new HttpClient { BaseAddress = BaseAddress };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"Node {Code} exited with {_process.ExitCode}; see {_log}");
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            if (deadline.Elapsed > TimeSpan.FromSeconds(90))
                throw new TimeoutException($"Node {Code} did not report ready; see {_log}");
            await Task.Delay(50);
        }
    }

    /// <summary>SIGTERM, then waits for a clean shutdown (SIGKILL after 30 s).</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited)
            return;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Peak resident set size so far (VmHWM), in MB.</summary>
    public double PeakRssMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process!.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    /// <summary>A client signed in as demo account <paramref name="user"/> (bearer token); commands get a fresh Idempotency-Key.</summary>
    public async Task<HttpClient> SignInAsync(string user)
    {
        var client = new HttpClient(new IdempotencyKeys { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = BaseAddress };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = user, password = "Demo!2026" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client signed in to the web UI (Identity cookie) as <paramref name="user"/>.</summary>
    public async Task<HttpClient> SignInToUiAsync(string user)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
            { BaseAddress = BaseAddress };
        var page = await client.GetStringAsync("/Account/Login");
        var marker = "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"";
        var at = page.IndexOf(marker, StringComparison.Ordinal);
        var token = page[(at + marker.Length)..page.IndexOf('"', at + marker.Length)];
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user, ["Password"] = "Demo!2026", ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"UI sign-in as {user} failed: {(int)response.StatusCode}");
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    sealed class IdempotencyKeys : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if ((request.Method == HttpMethod.Post || request.Method == HttpMethod.Put) && !request.Headers.Contains("Idempotency-Key"))
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
