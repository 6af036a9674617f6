namespace GamifyHub.Bench;

/// <summary>One row of the result table.</summary>
/// <param name="LatencyOf">What one latency sample is: a request, a transaction or one event.</param>
/// <param name="Commits">Transactions the run committed, when known (average group size = events / commits).</param>
public sealed record ScenarioResult(
    string Name,
    long Events,
    TimeSpan Elapsed,
    Percentiles Latency,
    string LatencyOf,
    long? Commits = null,
    string? Note = null)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    public double? EventsPerCommit => Commits is > 0 ? (double)Events / Commits : null;
}

/// <summary>Latency percentiles in milliseconds (nearest rank).</summary>
public sealed record Percentiles(double P50, double P95, double P99, double Max, int Samples)
{
    public static Percentiles Of(IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            return new Percentiles(double.NaN, double.NaN, double.NaN, double.NaN, 0);
        }

        var sorted = milliseconds.Order().ToArray();
        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Percentiles(Rank(0.50), Rank(0.95), Rank(0.99), sorted[^1], sorted.Length);
    }
}
