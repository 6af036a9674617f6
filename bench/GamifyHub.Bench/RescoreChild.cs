using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text.Json;

namespace GamifyHub.Bench;

/// <summary>
/// Runs <see cref="RescoreScenario"/> in a child process with the garbage collector the server runs with (server GC,
/// concurrent): rescoring runs inside the server, while this benchmark keeps the workstation GC so that its load
/// generator stays out of the server's way. Measured here on 1,000,000 events, the collector alone moved the apply by
/// about 3 s, so the scenario must not inherit the benchmark's.
/// </summary>
public static class RescoreChild
{
    public const string Argument = "--rescore-child";

    /// <summary>In the child: runs the scenario and leaves its outcome as JSON in <paramref name="resultFile"/>.</summary>
    public static async Task<int> RunAsync(string path, string count, string resultFile)
    {
        try
        {
            var outcome = await RescoreScenario.RunAsync(path, int.Parse(count, CultureInfo.InvariantCulture));
            await File.WriteAllTextAsync(resultFile, JsonSerializer.Serialize(outcome));
            return 0;
        }
        catch (BenchFailure ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    /// <summary>The scenario's outcome: in this process when it already has the server's collector, else in a child.</summary>
    public static async Task<RescoreScenario.Outcome> RunWithServerGcAsync(string path, int count)
    {
        if (GCSettings.IsServerGC)
        {
            return await RescoreScenario.RunAsync(path, count);
        }

        var resultFile = Path.Combine(Path.GetDirectoryName(path)!, "rescore-outcome.json");
        File.Delete(resultFile);
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(RescoreChild).Assembly.Location);
        }

        foreach (var argument in new[] { Argument, path, count.ToString(CultureInfo.InvariantCulture), resultFile })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_gcServer"] = "1";
        start.Environment["DOTNET_gcConcurrent"] = "1";
        using var child = Process.Start(start) ?? throw new BenchFailure($"Could not start {host} for the rescoring scenario.");
        await child.WaitForExitAsync();
        if (child.ExitCode != 0 || !File.Exists(resultFile))
        {
            throw new BenchFailure($"The rescoring scenario's process failed (exit code {child.ExitCode}); its output is above.");
        }

        var outcome = JsonSerializer.Deserialize<RescoreScenario.Outcome>(await File.ReadAllTextAsync(resultFile))
                      ?? throw new BenchFailure("The rescoring scenario's process left no outcome.");
        File.Delete(resultFile);
        if (!outcome.ServerGc)
        {
            throw new BenchFailure("The rescoring scenario's process did not run with the server GC.");
        }

        return outcome;
    }
}
