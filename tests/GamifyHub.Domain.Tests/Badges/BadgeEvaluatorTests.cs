using GamifyHub.Domain.Badges;
using GamifyHub.Domain.Scoring;
using static GamifyHub.Domain.Badges.BadgeCriterion;

namespace GamifyHub.Domain.Tests.Badges;

public class BadgeEvaluatorTests
{
    // March 2026: Monday 2, …, Friday 6, Monday 9, …, Friday 13, Monday 16.
    private static DateOnly March(int day) => new(2026, 3, day);

    private static readonly DateOnly Today = March(20);

    private static EmployeeStats Stats(
        Dictionary<ActionType, int>? counts = null,
        Dictionary<PointCategory, long>? points = null,
        DateOnly[]? days = null,
        Guid[]? departments = null,
        TimeSpan[]? firstReplies = null) =>
        new(Ids.Of(101), points?.Values.Sum() ?? 0, points ?? [], counts ?? [], days ?? [], new HashSet<Guid>(departments ?? []),
            firstReplies ?? []);

    private static BadgeDefinition Badge(BadgeCriterion criterion, bool secret = false) =>
        new("badge", "Badge", "A badge.", BadgeTier.Silver, secret, criterion);

    private static BadgeProgress Evaluate(BadgeCriterion criterion, EmployeeStats stats, DateOnly? today = null) =>
        BadgeEvaluator.Evaluate(Badge(criterion), stats, today ?? Today);

    private static (bool Earned, int Current, int Target) Progress(BadgeCriterion criterion, EmployeeStats stats)
    {
        var progress = Evaluate(criterion, stats);
        return (progress.Earned, progress.Current, progress.Target);
    }

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    [InlineData(11, true)]
    public void ActionCountIsEarnedAtTheTarget(int replies, bool earned)
    {
        Assert.Equal((earned, replies, 10), Progress(new ActionCount(ActionType.Reply, 10), Stats(counts: new() { [ActionType.Reply] = replies })));
    }

    [Fact]
    public void CategoryPointsCountOnlyThatCategory()
    {
        var stats = Stats(points: new() { [PointCategory.Listening] = 480, [PointCategory.Responding] = 1_000 });

        Assert.Equal((false, 480, 500), Progress(new CategoryPoints(PointCategory.Listening, 500), stats));
        Assert.True(Evaluate(new CategoryPoints(PointCategory.Responding, 1_000), stats).Earned);
        Assert.Equal(0, Evaluate(new CategoryPoints(PointCategory.Insight, 1), stats).Current);
    }

    [Fact]
    public void CategoryPointsProgressIsClampedToAnInt()
    {
        Assert.Equal(0, Evaluate(new CategoryPoints(PointCategory.Insight, 1), Stats(points: new() { [PointCategory.Insight] = -4 })).Current);
        Assert.Equal(int.MaxValue, Evaluate(new CategoryPoints(PointCategory.Insight, 1), Stats(points: new() { [PointCategory.Insight] = long.MaxValue / 2 })).Current);
    }

    [Fact]
    public void FirstEverIsEarnedByTheFirstRewardedActionOfItsType()
    {
        Assert.Equal((false, 0, 1), Progress(new FirstEver(ActionType.Read), Stats()));
        Assert.Equal((true, 1, 1), Progress(new FirstEver(ActionType.Read), Stats(counts: new() { [ActionType.Read] = 7 })));
    }

    [Fact]
    public void CrossDepartmentCountsOtherDepartmentsEngagedWith()
    {
        var stats = Stats(departments: [Ids.Of(2), Ids.Of(3)]);

        Assert.False(Evaluate(new CrossDepartment(3), stats).Earned);
        Assert.Equal(2, Evaluate(new CrossDepartment(3), stats).Current);
        Assert.True(Evaluate(new CrossDepartment(2), stats).Earned);
    }

    [Fact]
    public void FastRepliesCountFirstRepliesWithinTheLimit()
    {
        var stats = Stats(firstReplies: [TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(45), TimeSpan.FromHours(2)]);

        Assert.Equal((true, 2, 2), Progress(new FastReplies(5, 2), stats));
        Assert.Equal((false, 3, 4), Progress(new FastReplies(60, 4), stats));
    }

    [Fact]
    public void InsightsCreatedCountRewardedInsights()
    {
        var stats = Stats(counts: new() { [ActionType.Insight] = 5, [ActionType.Reply] = 50 });

        Assert.True(Evaluate(new InsightsCreated(5), stats).Earned);
        Assert.Equal((false, 5, 25), Progress(new InsightsCreated(25), stats));
    }

    // ---- streaks -------------------------------------------------------------------------------------

    [Fact]
    public void AStreakIsConsecutiveWorkingDaysAndAWeekendDoesNotBreakIt()
    {
        var stats = Stats(days: [March(5), March(6), March(9), March(10), March(11)]); // Thu, Fri, Mon, Tue, Wed

        Assert.True(Evaluate(new Streak(5, 0), stats, March(11)).Earned);
        Assert.False(Evaluate(new Streak(6, 0), stats, March(11)).Earned);
    }

    [Fact]
    public void AGraceDayBridgesAMissedFridayAcrossTheWeekend()
    {
        var stats = Stats(days: [March(4), March(5), March(9), March(10)]); // Wed, Thu, (Fri missed), Mon, Tue

        Assert.True(Evaluate(new Streak(4, 1), stats, March(10)).Earned);
        Assert.Equal(4, Evaluate(new Streak(4, 1), stats, March(10)).Current);
        Assert.False(Evaluate(new Streak(4, 0), stats, March(10)).Earned);
        Assert.Equal(2, Evaluate(new Streak(4, 0), stats, March(10)).Current);
    }

    [Fact]
    public void GraceDaysAreATotalForTheWholeStreak()
    {
        var stats = Stats(days: [March(2), March(4), March(6), March(9)]); // Mon, Wed, Fri, Mon: two days missed

        Assert.False(Evaluate(new Streak(4, 1), stats, March(9)).Earned);
        Assert.True(Evaluate(new Streak(4, 2), stats, March(9)).Earned);
        Assert.True(Evaluate(new Streak(3, 1), stats, March(9)).Earned);
    }

    [Fact]
    public void TodayDoesNotBreakTheLiveStreakBeforeItIsOver()
    {
        var stats = Stats(days: [March(2), March(3)]); // Mon, Tue

        Assert.Equal(2, Evaluate(new Streak(5, 0), stats, March(4)).Current); // Wednesday morning
        Assert.Equal(0, Evaluate(new Streak(5, 0), stats, March(5)).Current); // Thursday: Wednesday was missed
        Assert.Equal(2, Evaluate(new Streak(5, 1), stats, March(5)).Current); // … unless a grace day covers it
    }

    [Fact]
    public void TheLiveStreakSurvivesTheWeekend()
    {
        var stats = Stats(days: [March(4), March(5), March(6)]); // Wed–Fri

        Assert.Equal(3, Evaluate(new Streak(5, 0), stats, March(7)).Current); // Saturday
        Assert.Equal(3, Evaluate(new Streak(5, 0), stats, March(9)).Current); // Monday morning
        Assert.Equal(0, Evaluate(new Streak(5, 0), stats, March(10)).Current); // Tuesday: Monday was missed
    }

    [Fact]
    public void AStreakBadgeStaysEarnedAfterTheStreakEnds()
    {
        var stats = Stats(days: [March(2), March(3), March(4), March(5), March(6)]);

        var progress = Evaluate(new Streak(5, 0), stats, March(16));

        Assert.True(progress.Earned);
        Assert.Equal(0, progress.Current);
        Assert.Equal(5, progress.Target);
    }

    [Fact]
    public void DaysAfterTodayAreIgnoredForTheLiveStreak()
    {
        var stats = Stats(days: [March(2), March(3), March(16)]);

        Assert.Equal(2, Evaluate(new Streak(5, 0), stats, March(4)).Current);
    }

    // ---- many badges ---------------------------------------------------------------------------------

    [Fact]
    public void EveryBadgeIsReportedInDefinitionOrderIncludingUnearnedSecretOnes()
    {
        var progress = BadgeEvaluator.Evaluate(RuleSet.Default.Badges, Stats(), Today);

        Assert.Equal(RuleSet.Default.Badges, progress.Select(p => p.Badge));
        Assert.All(progress, p => Assert.False(p.Earned));
        Assert.All(progress, p => Assert.Equal(0, p.Current));
        Assert.Contains(progress, p => p.Badge.Secret);
    }

    [Fact]
    public void ASecretBadgeIsEvaluatedLikeAnyOther()
    {
        var stats = Stats(firstReplies: [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4)]);

        var progress = BadgeEvaluator.Evaluate(Badge(new FastReplies(5, 3), secret: true), stats, Today);

        Assert.True(progress.Earned);
        Assert.True(progress.Badge.Secret);
    }

    [Fact]
    public void DefaultBadgesAreEarnedByTheirStats()
    {
        var stats = Stats(counts: new() { [ActionType.Read] = 1, [ActionType.Insight] = 5 }, departments: [Ids.Of(2), Ids.Of(3), Ids.Of(4)]);

        var earned = BadgeEvaluator.Evaluate(RuleSet.Default.Badges, stats, Today).Where(p => p.Earned).Select(p => p.Badge.Name);

        Assert.Equal(["First Listener", "Bridge Builder", "Insight Hunter"], earned);
    }
}
