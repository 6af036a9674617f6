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

    /// <summary>
    /// The figures of the durations of two ascending lists taken together, without merging them: each rank is found by a binary
    /// search over how many of it come from each list, so a year's durations plus today's cost a few comparisons, not a copy.
    /// Equal, bit for bit, to <see cref="OfSorted"/> of the merged list.
    /// </summary>
    public static DurationFigures OfSorted(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var count = a.Count + b.Count;
        return count == 0 ? DurationFigures.None : new DurationFigures(Percentile(a, b, 0.5), Percentile(a, b, 0.9), count);
    }

    /// <summary>The <paramref name="p"/> quantile of two ascending lists taken together.</summary>
    public static double Percentile(IReadOnlyList<double> a, IReadOnlyList<double> b, double p)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var count = a.Count + b.Count;
        var position = (count - 1) * p;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, count - 1);
        var low = Ranked(a, b, lower);
        return low + ((Ranked(a, b, upper) - low) * (position - lower));
    }

    /// <summary>The value at zero-based <paramref name="rank"/> of two ascending lists taken together.</summary>
    private static double Ranked(IReadOnlyList<double> a, IReadOnlyList<double> b, int rank)
    {
        // The smallest number i of a's values among the rank + 1 smallest such that a[i] is not below b's last one taken.
        int lo = Math.Max(0, rank + 1 - b.Count), hi = Math.Min(rank + 1, a.Count);
        while (lo < hi)
        {
            var i = (lo + hi) >>> 1;
            if (a[i] < b[rank - i])
            {
                lo = i + 1;
            }
            else
            {
                hi = i;
            }
        }

        var fromB = rank + 1 - lo;
        return lo == 0 ? b[fromB - 1] : fromB == 0 ? a[lo - 1] : Math.Max(a[lo - 1], b[fromB - 1]);
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
