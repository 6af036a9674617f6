using GamifyHub.Domain.Badges;
using GamifyHub.Domain.Scoring;
using static GamifyHub.Domain.Tests.Fixtures;

namespace GamifyHub.Domain.Tests.Scoring;

public class RuleSetTests
{
    private static readonly RuleSet Default = RuleSet.Default;

    [Fact]
    public void TheDefaultIsVersionOneAndValid()
    {
        Assert.Equal(1, Default.Version);
        Assert.Empty(RuleSetValidator.Validate(Default));
    }

    [Theory]
    [InlineData(ActionType.Read, false, 1)]
    [InlineData(ActionType.Reply, false, 5)]
    [InlineData(ActionType.Reply, true, 10)] // 5 + the old first-reply bonus of 5
    [InlineData(ActionType.Tag, false, 1)]
    [InlineData(ActionType.Forward, false, 3)]
    [InlineData(ActionType.Insight, false, 10)]
    [InlineData(ActionType.Resolve, false, 8, true)] // closed the loop: someone replied before
    [InlineData(ActionType.Resolve, false, 3)] // resolved without a reply: the smaller award
    [InlineData(ActionType.Reopen, false, 0)]
    public void TheDefaultReproducesTodaysPointsForThePlainCases(ActionType action, bool firstReply, int points, bool answered = false)
    {
        var result = new EmployeeLedger(Ravi).Score(Default, Fact(Ravi, action, Monday9, Item(firstReply: firstReply, answered: answered)), Berlin);

        Assert.Equal(points, result.Total);
    }

    [Fact]
    public void TheDefaultLimitsAreTheDocumentedOnes()
    {
        Assert.Equal(new Multipliers(2.0m, 1.5m), Default.Multipliers);
        Assert.Equal(
            [(PointCategory.Listening, 30), (PointCategory.Responding, 150), (PointCategory.Insight, 100), (PointCategory.Collaboration, 60)],
            Default.Limits.DailyCap.OrderBy(c => c.Key).Select(c => (c.Key, c.Value)));
        Assert.Equal((20, 0.5m, 2), (Default.Limits.DiminishAfter, Default.Limits.DiminishFactor, Default.Limits.CooldownMinutes));
        Assert.Equal(new SharedCredit(0.25m), Default.SharedCredit);
        Assert.Equal(new AntiGaming(3, 6, 60), Default.AntiGaming);
        Assert.Equal(LevelCurveKind.Exponential, Default.LevelCurve.Kind);
    }

    [Fact]
    public void TheDefaultBadgesCoverEveryTierAndCriterionWithSomeSecrets()
    {
        var badges = Default.Badges;

        Assert.True(badges.Count >= 12);
        Assert.Equal(badges.Count, badges.Select(b => b.Id).Distinct().Count());
        Assert.True(badges.Count(b => b.Secret) >= 2);
        Assert.Equal(Enum.GetValues<BadgeTier>(), badges.Select(b => b.Tier).Distinct().Order());
        Assert.Equal(
            typeof(BadgeCriterion).GetNestedTypes().Where(t => t.IsSubclassOf(typeof(BadgeCriterion))).Select(t => t.Name).Order(),
            badges.Select(b => b.Criterion.GetType().Name).Distinct().Order());
        foreach (var name in new[] { "First Listener", "Voice of the Customer", "Loop Closer", "Bridge Builder", "Speedy Responder", "Insight Hunter", "Streak Keeper" })
        {
            Assert.Contains(badges, b => b.Name == name);
        }
    }

    [Fact]
    public void BridgeBuilderIsTheCrossDepartmentBadge()
    {
        var bridge = Default.Badges.Single(b => b.Name == "Bridge Builder");

        Assert.IsType<BadgeCriterion.CrossDepartment>(bridge.Criterion);
    }

    [Fact]
    public void ANewVersionIsTheOldDataWithChanges()
    {
        var next = Default with { Version = 2, SharedCredit = new(0.5m) };

        Assert.Equal(2, next.Version);
        Assert.Same(Default.Rules, next.Rules);
        Assert.NotEqual(Default, next);
        Assert.Equal(Default, Default with { });
    }
}
