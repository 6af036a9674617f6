using FsCheck.Xunit;
using GamifyHub.Domain.Analytics;

namespace GamifyHub.Domain.Tests.Analytics;

public class DurationsTests
{
    [Fact]
    public void A_median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        var figures = Durations.OfSorted([1.0, 2.0], [3.0, 10.0]);

        Assert.Equal(2.5, figures.MedianMinutes);
        Assert.Equal(4, figures.Count);
    }

    [Fact]
    public void Two_empty_lists_have_no_figures() => Assert.Equal(DurationFigures.None, Durations.OfSorted([], []));

    /// <summary>Figures of two sorted lists taken together are those of the merged list, bit for bit, whatever their lengths,
    /// overlaps and repeated values.</summary>
    [Property(MaxTest = 500)]
    public bool Two_sorted_lists_have_the_figures_of_their_merge(int seed)
    {
        var random = new Random(seed);
        List<double> List() => [.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => (double)random.Next(0, 30)).Order()];
        var a = List();
        var b = List();
        var merged = a.Concat(b).Order().ToList();

        var together = Durations.OfSorted(a, b);
        var expected = Durations.OfSorted(merged);

        return together == expected
            && Enumerable.Range(0, 21).All(i => merged.Count == 0
                || Durations.Percentile(a, b, i / 20.0).Equals(Durations.Percentile(merged, i / 20.0)));
    }
}
