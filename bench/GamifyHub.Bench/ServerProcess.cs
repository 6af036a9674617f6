using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GamifyHub.Bench;

/// <summary>The real GamifyHub server as a child process on loopback, with its own database file and ports.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 200;
    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private readonly StreamWriter _log;
    private bool _closed;

    private ServerProcess(Process process, Uri baseAddress, string databasePath, string logPath)
    {
        _process = process;
        BaseAddress = baseAddress;
        DatabasePath = databasePath;
        LogPath = logPath;
        _log = new StreamWriter(logPath) { AutoFlush = true };
    }

    public Uri BaseAddress { get; }

    public string DatabasePath { get; }

    public int ProcessId => _process.Id;

    /// <summary>Everything the server wrote to stdout and stderr.</summary>
    public string LogPath { get; }

    /// <summary>CPU time the server process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Lines the server logged at warning level or above ("warn:", "fail:", "crit:" with the console logger).</summary>
    public IReadOnlyList<string> Problems()
    {
        var lines = new List<string>();
        using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal) ||
                line.StartsWith("crit:", StringComparison.Ordinal))
            {
                // The console logger puts the message on the next line.
                lines.Add(line + " " + (reader.ReadLine()?.Trim() ?? ""));
            }
        }

        return lines;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the server wrote, for failure reports.</summary>
    public string RecentOutput()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output);
        }
    }

    /// <param name="extraArguments">More configuration switches, e.g. <c>--Analytics:Live=false</c>.</param>
    public static ServerProcess Start(string serverDll, string databasePath, string logPath, IReadOnlyList<string>? extraArguments = null)
    {
        var ports = FreePorts(3);
        var (httpPort, siloPort, gatewayPort) = (ports[0], ports[1], ports[2]);
        var baseAddress = new Uri($"http://127.0.0.1:{httpPort}");
        var info = new ProcessStartInfo("dotnet")
        {
            // The server reads appsettings.json from its content root, the current directory.
            WorkingDirectory = Path.GetDirectoryName(serverDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     serverDll,
                     "--urls", baseAddress.ToString().TrimEnd('/'),
                     $"--Database:Path={databasePath}",
                     "--Simulator:Enabled=false",
                     // Production, so the demo company (and its API key) is switched on explicitly.
                     "--Demo:Enabled=true",
                     $"--Orleans:SiloPort={siloPort}",
                     $"--Orleans:GatewayPort={gatewayPort}",
                     // The benchmark measures throughput, not the per-caller rate limits.
                     "--RateLimits:SignIn:PermitLimit=1000000",
                     "--RateLimits:Intake:PermitLimit=1000000",
                     "--RateLimits:Actions:PermitLimit=1000000",
                     "--RateLimits:Boards:PermitLimit=1000000",
                 })
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var arg in extraArguments ?? [])
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var server = new ServerProcess(process, baseAddress, databasePath, logPath);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        if (!process.Start())
        {
            throw new BenchFailure("Could not start the server process.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Polls GET /health/ready until it answers 200; fails if the server exits or takes too long.</summary>
    public async Task WaitUntilReadyAsync(HttpClient http, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        string last = "no answer yet";
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new BenchFailure($"The server exited with code {_process.ExitCode} before it was ready.{Environment.NewLine}{RecentOutput()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "/health/ready"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }

            await Task.Delay(250);
        }

        throw new BenchFailure($"The server was not ready after {timeout.TotalSeconds:0} s (last: {last}).{Environment.NewLine}{RecentOutput()}");
    }

    /// <summary>Ends the server process (and anything it started). Safe to call more than once.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        lock (_output)
        {
            _closed = true;
            _log.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_closed)
            {
                return;
            }

            _log.WriteLine(line);
            _output.Enqueue(line);
            while (_output.Count > KeptOutputLines)
            {
                _output.Dequeue();
            }
        }
    }

    /// <summary>Distinct free loopback ports: all listeners stay open until every port is chosen.</summary>
    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}

/// <summary>The benchmark could not produce valid figures; the message says why.</summary>
public sealed class BenchFailure(string message) : Exception(message);
