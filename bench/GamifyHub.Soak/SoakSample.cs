using System.Globalization;

namespace GamifyHub.Soak;

/// <summary>One interval of the soak: memory at its end, throughput and latencies within it.</summary>
public sealed record SoakSample(TimeSpan At, double ResidentMb, double EventsPerSecond, double WriteP50, double WriteP95,
    double WriteP99, double ReadP95, double PushesPerSecond)
{
    public string ToConsole() => string.Create(CultureInfo.InvariantCulture,
        $"{At:mm\\:ss}  RSS {ResidentMb,7:F1} MiB  {EventsPerSecond,6:F0} ev/s  write p50/p95/p99 {WriteP50,6:F1}/{WriteP95,6:F1}/{WriteP99,6:F1} ms  read p95 {ReadP95,6:F1} ms  pushes {PushesPerSecond,4:F1}/s");
}
