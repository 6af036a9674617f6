using System.Globalization;
using System.Runtime.InteropServices;

namespace GamifyHub.Bench;

public static class RepoRoot
{
    /// <summary>The directory holding GamifyHub.sln, searched upwards from the current directory and from this program.</summary>
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "GamifyHub.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new BenchFailure("Could not find the repository root (the directory with GamifyHub.sln).");
    }
}

/// <summary>What the figures were measured on.</summary>
/// <param name="LoadBefore">The 1/5/15-minute load averages when the run started: other work on the machine skews every row.</param>
/// <param name="LoadAfter">The same when the run ended.</param>
public sealed record Machine(int Cores, string Cpu, string Memory, string Os, string Runtime, string Disk, string LoadBefore, string LoadAfter)
{
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public static Machine Describe(string workDir, string loadBefore) => new(
        Environment.ProcessorCount,
        ProcFirst("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        MemTotal(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        FileSystemOf(workDir),
        loadBefore,
        LoadAverage());

    private static string? ProcFirst(string file, string key)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line?[(line.IndexOf(':') + 1)..].Trim();
    }

    private static string MemTotal()
    {
        var text = ProcFirst("/proc/meminfo", "MemTotal");
        if (text is null || !long.TryParse(text.Split(' ')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb))
        {
            return "unknown";
        }

        return $"{kb / 1024.0 / 1024.0:0.0} GiB";
    }

    /// <summary>The file system the SQLite files live on: fsync cost, and so every figure here, depends on it.</summary>
    private static string FileSystemOf(string path)
    {
        if (!File.Exists("/proc/mounts"))
        {
            return "unknown";
        }

        var full = Path.GetFullPath(path);
        var best = File.ReadLines("/proc/mounts")
            .Select(l => l.Split(' '))
            .Where(f => f.Length > 2 && (full == f[1] || full.StartsWith(f[1].TrimEnd('/') + "/", StringComparison.Ordinal)))
            .MaxBy(f => f[1].Length);
        return best is null ? "unknown" : $"{best[2]} ({best[0]} on {best[1]})";
    }
}
