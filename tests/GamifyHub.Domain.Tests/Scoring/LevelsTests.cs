using FsCheck.Xunit;
using GamifyHub.Domain.Scoring;

namespace GamifyHub.Domain.Tests.Scoring;

public class LevelsTests
{
    private static readonly LevelCurve Linear = new(LevelCurveKind.Linear, 100, 1m, null);
    private static readonly LevelCurve Exponential = new(LevelCurveKind.Exponential, 100, 1.5m, null);
    private static readonly LevelCurve Table = new(LevelCurveKind.Table, 0, 1m, [0, 100, 250, 500]);

    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(99, 1, 99)]
    [InlineData(100, 2, 0)]
    [InlineData(250, 3, 50)]
    [InlineData(-5, 1, 0)]
    public void LinearLevelsEachNeedTheBase(long xp, int level, long into)
    {
        Assert.Equal(new LevelInfo(level, into, 100), Levels.For(Linear, xp));
    }

    [Theory]
    [InlineData(0, 1, 0, 100)]
    [InlineData(100, 2, 0, 150)] // 100 × 1.5
    [InlineData(249, 2, 149, 150)]
    [InlineData(250, 3, 0, 225)] // 100 × 1.5²
    [InlineData(475, 4, 0, 338)] // 337.5 rounds up
    [InlineData(812, 4, 337, 338)]
    [InlineData(813, 5, 0, 506)] // 506.25
    public void ExponentialLevelsGrowByTheFactor(long xp, int level, long into, long span)
    {
        Assert.Equal(new LevelInfo(level, into, span), Levels.For(Exponential, xp));
    }

    [Fact]
    public void ExponentialSpansRoundHalfAwayFromZero()
    {
        var curve = new LevelCurve(LevelCurveKind.Exponential, 3, 1.5m, null);

        Assert.Equal(new LevelInfo(2, 0, 5), Levels.For(curve, 3)); // 4.5 → 5, not banker's 4
        Assert.Equal(new LevelInfo(3, 0, 7), Levels.For(curve, 8)); // 6.75 → 7
    }

    [Fact]
    public void ExponentialCurvesStopAtTheMaximumLevelOrWhenTheNextLevelIsOutOfReach()
    {
        var flat = Levels.For(new LevelCurve(LevelCurveKind.Exponential, 1, 1m, null), long.MaxValue / 2);
        var steep = Levels.For(new LevelCurve(LevelCurveKind.Exponential, 100, 10m, null), long.MaxValue);

        Assert.Equal(Levels.MaxLevel, flat.Level);
        Assert.Equal(17, steep.Level); // 100 × 10^16 ≥ 10^18 XP: out of reach
    }

    [Theory]
    [InlineData(0, 1, 0, 100)]
    [InlineData(100, 2, 0, 150)]
    [InlineData(499, 3, 249, 250)]
    [InlineData(500, 4, 0, 0)] // top of the table
    [InlineData(10_000, 4, 9_500, 0)]
    public void TableLevelsStartAtTheirThreshold(long xp, int level, long into, long span)
    {
        Assert.Equal(new LevelInfo(level, into, span), Levels.For(Table, xp));
    }

    [Fact]
    public void TheDefaultCurveIsExponentialFromLevelOne()
    {
        var curve = RuleSet.Default.LevelCurve;

        Assert.Equal(new LevelInfo(1, 0, 100), Levels.For(curve, 0));
        Assert.Equal(new LevelInfo(2, 0, 120), Levels.For(curve, 100));
        Assert.Equal(new LevelInfo(3, 0, 144), Levels.For(curve, 220));
    }

    [Fact]
    public void InvalidCurvesAreRefused()
    {
        Assert.Throws<ArgumentException>(() => Levels.For(Linear with { Base = 0 }, 10));
        Assert.Throws<ArgumentException>(() => Levels.For(Exponential with { Growth = 0.9m }, 10));
        Assert.Throws<ArgumentException>(() => Levels.For(Table with { Table = [10, 100] }, 10));
        Assert.Throws<ArgumentException>(() => Levels.For(Table with { Table = null }, 10));
    }

    [Property]
    public void MoreXpNeverMeansALowerLevelAndProgressStaysInsideTheLevel(uint a, uint b)
    {
        foreach (var curve in new[] { Linear, Exponential, Table, RuleSet.Default.LevelCurve })
        {
            var (low, high) = (Math.Min(a, b), Math.Max(a, b));
            var lower = Levels.For(curve, low);
            var higher = Levels.For(curve, high);

            Assert.True(lower.Level <= higher.Level);
            Assert.True(lower.XpIntoLevel >= 0);
            Assert.True(lower.XpForNextLevel == 0 || lower.XpIntoLevel < lower.XpForNextLevel);
        }
    }
}
