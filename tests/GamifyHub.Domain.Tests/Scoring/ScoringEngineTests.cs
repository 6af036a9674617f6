using FsCheck.Xunit;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;

namespace GamifyHub.Domain.Tests.Scoring;

public class ScoringEngineTests
{
    private static IReadOnlyList<Award> Score(ActionType action, bool isFirstReply = false, bool alreadyDone = false) =>
        ScoringEngine.Score(RuleSet.Default, new ScoringContext(action, isFirstReply, alreadyDone));

    [Theory]
    [InlineData(ActionType.Read, 1, PointCategory.Listening, "read")]
    [InlineData(ActionType.Reply, 5, PointCategory.Responding, "reply")]
    [InlineData(ActionType.Tag, 1, PointCategory.Listening, "tag")]
    [InlineData(ActionType.Forward, 3, PointCategory.Collaboration, "forward")]
    [InlineData(ActionType.Insight, 10, PointCategory.Insight, "insight")]
    [InlineData(ActionType.Resolve, 8, PointCategory.Responding, "resolve")]
    public void EachActionEarnsThePointsAndCategoryOfItsDefaultRule(ActionType action, int points, PointCategory category, string ruleId)
    {
        var award = Assert.Single(Score(action));

        Assert.Equal(points, award.Points);
        Assert.Equal(category, award.Category);
        Assert.Equal(ruleId, award.RuleId);
    }

    [Fact]
    public void ReopenHasNoDefaultRuleAndEarnsNothing()
    {
        Assert.Null(RuleSet.Default.RuleFor(ActionType.Reopen));
        Assert.Empty(Score(ActionType.Reopen));
    }

    [Fact]
    public void FirstReplyOnAnItemEarnsTheReplyPointsPlusTheFirstReplyBonus()
    {
        var awards = Score(ActionType.Reply, isFirstReply: true);

        Assert.Collection(awards,
            reply => Assert.Equal(("reply", 5), (reply.RuleId, reply.Points)),
            bonus =>
            {
                Assert.Equal(RuleSet.FirstReplyRuleId, bonus.RuleId);
                Assert.Equal(RuleSet.Default.FirstReplyBonus, bonus.Points);
                Assert.Equal(PointCategory.Responding, bonus.Category);
            });
        Assert.Equal(10, ScoringEngine.Total(awards));
    }

    [Fact]
    public void LaterRepliesEarnNoFirstReplyBonus()
    {
        var award = Assert.Single(Score(ActionType.Reply, isFirstReply: false));

        Assert.Equal("reply", award.RuleId);
    }

    [Theory]
    [InlineData(ActionType.Read)]
    [InlineData(ActionType.Tag)]
    [InlineData(ActionType.Forward)]
    [InlineData(ActionType.Insight)]
    [InlineData(ActionType.Resolve)]
    public void FirstReplyFlagIsIgnoredForActionsOtherThanReply(ActionType action)
    {
        Assert.Single(Score(action, isFirstReply: true));
    }

    [Fact]
    public void FirstReplyBonusOfZeroAddsNoBonusAward()
    {
        var rules = RuleSet.Default with { FirstReplyBonus = 0 };

        var award = Assert.Single(ScoringEngine.Score(rules, new ScoringContext(ActionType.Reply, true, false)));

        Assert.Equal("reply", award.RuleId);
    }

    [Theory]
    [InlineData(ActionType.Read)]
    [InlineData(ActionType.Insight)]
    public void ReadAndInsightEarnOnlyOncePerEmployeeAndItem(ActionType action)
    {
        Assert.Single(Score(action, alreadyDone: false));
        Assert.Empty(Score(action, alreadyDone: true));
    }

    [Theory]
    [InlineData(ActionType.Reply)]
    [InlineData(ActionType.Tag)]
    [InlineData(ActionType.Forward)]
    [InlineData(ActionType.Resolve)]
    public void RepeatableActionsStillEarnWhenAlreadyDoneByTheActor(ActionType action)
    {
        Assert.Single(Score(action, alreadyDone: true));
    }

    [Fact]
    public void RuleWithZeroPointsGivesNothing()
    {
        var rules = new RuleSet(2, [new("read", ActionType.Read, PointCategory.Listening, 0, "Read")], FirstReplyBonus: 5);

        Assert.Empty(ScoringEngine.Score(rules, new ScoringContext(ActionType.Read, false, false)));
    }

    [Fact]
    public void MissingRuleGivesNothingNotEvenTheFirstReplyBonus()
    {
        var rules = new RuleSet(2, [new("read", ActionType.Read, PointCategory.Listening, 1, "Read")], FirstReplyBonus: 5);

        Assert.Empty(ScoringEngine.Score(rules, new ScoringContext(ActionType.Reply, IsFirstReplyOnItem: true, false)));
    }

    [Fact]
    public void AwardsCarryTheRuleIdReasonAndTheRuleSetVersion()
    {
        var rules = new RuleSet(7,
            [new("reply-v7", ActionType.Reply, PointCategory.Responding, 4, "Answered")],
            FirstReplyBonus: 2);

        var awards = ScoringEngine.Score(rules, new ScoringContext(ActionType.Reply, true, false));

        Assert.Equal(
            [
                new Award(4, PointCategory.Responding, "reply-v7", 7, "Answered"),
                new Award(2, PointCategory.Responding, RuleSet.FirstReplyRuleId, 7, "First to answer this customer"),
            ],
            awards);
    }

    [Fact]
    public void TotalSumsThePointsOfAllAwards()
    {
        Assert.Equal(0, ScoringEngine.Total([]));
        Assert.Equal(18, ScoringEngine.Total([.. Score(ActionType.Reply, isFirstReply: true), .. Score(ActionType.Resolve)]));
    }

    // ---- properties ------------------------------------------------------------------------------------

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool EveryAwardOfTheDefaultRulesIsPositive(ScoringContext context) =>
        ScoringEngine.Score(RuleSet.Default, context).All(a => a.Points > 0);

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool ScoringTheSameContextTwiceGivesEqualAwards(ScoringContext context) =>
        ScoringEngine.Score(RuleSet.Default, context).SequenceEqual(ScoringEngine.Score(RuleSet.Default, context));

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public void TotalPointsOfAnyActionSequenceAreNeverNegativeAndReplayToTheSameAwards(ItemStep[] steps)
    {
        var first = PlayOnOneItem(steps);
        var second = PlayOnOneItem(steps);

        Assert.Equal(first, second);
        Assert.True(ScoringEngine.Total(first.Select(a => a.Award)) >= 0);

        // Read and insight earn at most once per employee on the item.
        Assert.All(first.Where(a => a.Award.RuleId is "read" or "insight").GroupBy(a => (a.Employee, a.Award.RuleId)),
            g => Assert.Single(g));
    }

    /// <summary>Plays the steps on one item the way the grain does: check, score against the state before, apply.</summary>
    private static List<(Guid Employee, Award Award)> PlayOnOneItem(IEnumerable<ItemStep> steps)
    {
        var department = Ids.Of(900);
        var state = new FeedbackItemState([department]);
        var awards = new List<(Guid, Award)>();
        var forwardTarget = 901;
        foreach (var step in steps)
        {
            Guid? forwardTo = step.Action == ActionType.Forward ? Ids.Of(forwardTarget++) : null;
            if (state.Check(department, step.Action, forwardTo) is not null)
            {
                continue;
            }

            var context = state.ScoringContextFor(step.EmployeeId, step.Action);
            awards.AddRange(ScoringEngine.Score(RuleSet.Default, context).Select(a => (step.EmployeeId, a)));
            state.Apply(step.EmployeeId, step.Action, forwardTo);
        }

        return awards;
    }
}
