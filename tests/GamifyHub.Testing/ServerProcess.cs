using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace GamifyHub.Testing;

/// <summary>
/// The real server as its own OS process on a SQLite file, for tests that kill it (SIGKILL), stop it
/// (SIGTERM) and start it again on the same data. Each start takes fresh loopback ports.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly string[] _extraArgs;
    private readonly StringBuilder _output = new();
    private Process? _process;

    private ServerProcess(string databasePath, string[] extraArgs)
    {
        DatabasePath = databasePath;
        _extraArgs = extraArgs;
    }

    public string DatabasePath { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public int Starts { get; private set; }

    /// <summary>The running server's process id (e.g. to sample its memory from /proc).</summary>
    public int ProcessId => _process?.Id ?? 0;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<ServerProcess> StartAsync(string databasePath, params string[] extraArgs)
    {
        var server = new ServerProcess(databasePath, extraArgs);
        await server.StartAsync();
        return server;
    }

    public static string ServerDll
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GamifyHub.sln")))
            {
                directory = directory.Parent;
            }

#if DEBUG
            const string configuration = "Debug";
#else
            const string configuration = "Release";
#endif
            var dll = Path.Combine(directory?.FullName ?? throw new InvalidOperationException("GamifyHub.sln not found above the tests."),
                "src", "GamifyHub.Server", "bin", configuration, "net10.0", "GamifyHub.Server.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the server first.", dll);
        }
    }

    /// <summary>Starts on free ports. A port found free can be taken by another process before the server binds it (test
    /// runs start servers side by side), so a start that fails for that reason is tried again on other ports.</summary>
    public async Task StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartAsync(FreePorts.Next());
                return;
            }
            catch (InvalidOperationException e) when (attempt < 3 && e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
            }
        }
    }

    private async Task StartAsync(int port)
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(ServerDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])
        [
            ServerDll, "--urls", BaseAddress.ToString().TrimEnd('/'), $"--Database:Path={DatabasePath}", "--Simulator:Enabled=false",
            // Production, so demo mode is switched on explicitly (later arguments may switch it off).
            "--Demo:Enabled=true",
            $"--Orleans:SiloPort={FreePorts.Next()}",
            "--Logging:LogLevel:Default=Warning",
            // Load and crash tests send far more requests per caller than a person would.
            "--RateLimits:SignIn:PermitLimit=1000000", "--RateLimits:Intake:PermitLimit=1000000", "--RateLimits:Actions:PermitLimit=1000000", "--RateLimits:Boards:PermitLimit=1000000",
            .. _extraArgs,
        ])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Starts++;
        await WaitUntilReady();
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash or the OOM killer.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>SIGTERM: the host shuts down gracefully. Answers the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan? timeout = null)
    {
        if (_process is not { HasExited: false } process)
        {
            return _process?.ExitCode ?? 0;
        }

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(cts.Token);
        return process.ExitCode;
    }

    public async Task RestartAfterKillAsync()
    {
        await KillAsync();
        await StartAsync();
    }

    /// <summary>Kills the server and starts it again on the same HTTP port, so clients reconnect to the address they know.</summary>
    public async Task RestartAfterKillOnSamePortAsync()
    {
        await KillAsync();
        await StartAsync(BaseAddress.Port);
    }

    /// <summary>The repository's root (where GamifyHub.sln is), e.g. to serve the built web client from web/dist.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GamifyHub.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("GamifyHub.sln not found above the tests.");
        }
    }

    private async Task WaitUntilReady()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {_process.ExitCode} while starting:\n{Output}");
            }

            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The server was not ready within 180 s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }
}
