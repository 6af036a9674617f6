using GamifyHub.Domain.Scoring;
using static GamifyHub.Domain.Tests.Fixtures;

namespace GamifyHub.Domain.Tests.Scoring;

public class EmployeeStatsTests
{
    private static EmployeeStats Stats(Dictionary<ActionType, int>? counts = null, TimeSpan[]? delays = null) =>
        new(Ravi, 42, new Dictionary<PointCategory, long> { [PointCategory.Listening] = 42 }, counts ?? [], [], new HashSet<Guid>(),
            delays ?? []);

    [Fact]
    public void MissingCountsAndCategoriesReadAsZero()
    {
        var stats = Stats();

        Assert.Equal(0, stats.CountOf(ActionType.Reply));
        Assert.Equal(0, stats.PointsIn(PointCategory.Insight));
        Assert.Equal(42, stats.PointsIn(PointCategory.Listening));
        Assert.False(stats.HasEverDone(ActionType.Reply));
    }

    [Fact]
    public void InsightsCreatedAreTheRewardedInsightActions()
    {
        var stats = Stats(new() { [ActionType.Insight] = 3 });

        Assert.Equal(3, stats.InsightsCreated);
        Assert.True(stats.HasEverDone(ActionType.Insight));
    }

    [Fact]
    public void FastFirstRepliesCountDelaysUpToTheLimitInclusive()
    {
        var stats = Stats(delays: [TimeSpan.Zero, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5).Add(TimeSpan.FromSeconds(1)), TimeSpan.FromHours(3)]);

        Assert.Equal(2, stats.FastFirstReplies(5));
        Assert.Equal(3, stats.FastFirstReplies(60));
        Assert.Equal(4, stats.FastFirstReplies(180));
    }
}
