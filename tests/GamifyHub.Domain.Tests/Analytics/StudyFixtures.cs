using GamifyHub.Domain.Analytics;

namespace GamifyHub.Domain.Tests.Analytics;

/// <summary>Department metrics built for the study tests: only what a test sets differs from "nothing measured".</summary>
internal static class StudyFixtures
{
    public static readonly DateTimeOffset From = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static DepartmentMetrics Metrics(double? readRate, int routed = 100, double? sharedBothActed = null,
        IReadOnlyList<ChannelCoverage>? channels = null, ActionCounts? actions = null, bool withheld = false,
        double? firstResponseMedian = null, double? insightRate = null) => new(
        Guid.Parse("00000000-0000-0000-0000-0000000000d1"), From, From.AddDays(30), routed, readRate,
        new DurationFigures(firstResponseMedian, firstResponseMedian, firstResponseMedian is null ? 0 : 1), DurationFigures.None,
        null, insightRate, null, sharedBothActed, null, null, channels ?? [], actions ?? ActionCounts.None, withheld);
}
