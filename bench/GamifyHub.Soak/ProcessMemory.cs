using System.Globalization;

namespace GamifyHub.Soak;

public static class ProcessMemory
{
    /// <summary>Resident set size of a process in MiB, from /proc (Linux).</summary>
    public static double ResidentMegabytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kb = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                return kb / 1024.0;
            }
        }

        return double.NaN;
    }
}
