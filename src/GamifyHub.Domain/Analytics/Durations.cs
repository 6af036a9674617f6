namespace GamifyHub.Domain.Analytics;

/// <summary>Median and 90th percentile of durations, by linear interpolation between the closest ranks (as spreadsheets'
/// PERCENTILE.INC does), so a median of an even count is the mean of the middle two.</summary>
public static class Durations
{
    public static DurationFigures Of(List<double> minutes)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        if (minutes.Count == 0)
        {
            return DurationFigures.None;
        }

        minutes.Sort();
        return OfSorted(minutes);
    }

    /// <summary>The figures of durations already in ascending order.</summary>
    public static DurationFigures OfSorted(IReadOnlyList<double> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return sorted.Count == 0 ? DurationFigures.None : new DurationFigures(Percentile(sorted, 0.5), Percentile(sorted, 0.9), sorted.Count);
    }

    /// <summary>The <paramref name="p"/> quantile of sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var position = (sorted.Count - 1) * p;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
    }
}
