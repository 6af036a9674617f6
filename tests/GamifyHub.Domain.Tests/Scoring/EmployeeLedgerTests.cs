using FsCheck.Xunit;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;
using static GamifyHub.Domain.Tests.Fixtures;

namespace GamifyHub.Domain.Tests.Scoring;

public class EmployeeLedgerTests
{
    private static readonly RuleSet Default = RuleSet.Default;

    private static ItemFacts ItemN(int n, bool firstReply = false, Sentiment sentiment = Sentiment.Neutral) =>
        Item(Ids.Of(700 + n), firstReply: firstReply, sentiment: sentiment);

    /// <summary>Plays facts for one employee and returns each event's points for them.</summary>
    private static int[] Play(EmployeeLedger ledger, RuleSet rules, params EngagementFact[] facts) =>
        [.. facts.Select(f => ledger.Act(rules, f).PointsFor(ledger.EmployeeId))];

    private static RuleSet WithLimits(RuleSet rules, Dictionary<PointCategory, int>? caps = null, int diminishAfter = 0,
        decimal factor = 1m, int cooldown = 0) =>
        rules.NoLimits() with { Limits = new(caps ?? [], diminishAfter, factor, cooldown) };

    // ---- plain points --------------------------------------------------------------------------------

    [Theory]
    [InlineData(ActionType.Read, 1, PointCategory.Listening, "read", "Read a customer's feedback")]
    [InlineData(ActionType.Reply, 5, PointCategory.Responding, "reply", "Replied to a customer")]
    [InlineData(ActionType.Tag, 1, PointCategory.Listening, "tag", "Tagged a feedback item")]
    [InlineData(ActionType.Forward, 3, PointCategory.Collaboration, "forward", "Routed feedback to another department")]
    [InlineData(ActionType.Insight, 10, PointCategory.Insight, "insight", "Turned feedback into a product insight")]
    [InlineData(ActionType.Resolve, 8, PointCategory.Responding, "resolve", "Closed the loop with the customer")]
    public void EachActionEarnsItsRulePointsInItsCategory(ActionType action, int points, PointCategory category, string ruleId, string reason)
    {
        var result = new EmployeeLedger(Ravi).Score(Default, Fact(Ravi, action, Monday9, Item(answered: true)), Berlin);

        Assert.Equal([new AwardLine(Ravi, RnD, points, category, ruleId, 1, reason)], result.Awards);
        Assert.Empty(result.Flags);
    }

    [Fact]
    public void AReopenWithNothingToReturnEarnsNothing()
    {
        Assert.Same(ScoreResult.Nothing, new EmployeeLedger(Ravi).Score(Default, Fact(Ravi, ActionType.Reopen, Monday9, Item()), Berlin));
    }

    [Fact]
    public void ExternalEventsWithoutAnItemEarnTheirRulePoints()
    {
        var line = Assert.Single(new EmployeeLedger(Ravi).Score(Default, Fact(Ravi, ActionType.Reply, Monday9), Berlin).Awards);

        Assert.Equal(("reply", 5), (line.RuleId, line.Points));
    }

    // ---- multipliers ---------------------------------------------------------------------------------

    [Fact]
    public void TheFirstReplyOnAnItemEarnsTheFirstResponderMultiplier()
    {
        var line = Assert.Single(new EmployeeLedger(Ravi).Score(Default, Fact(Ravi, ActionType.Reply, Monday9, Item(firstReply: true)), Berlin).Awards);

        Assert.Equal(10, line.Points);
        Assert.Equal("Replied to a customer ×2 first responder", line.Reason);
        Assert.Equal("reply", line.RuleId);
    }

    [Fact]
    public void ResolvingNegativeFeedbackEarnsTheNegativeResolvedMultiplier()
    {
        var line = Assert.Single(new EmployeeLedger(Ravi).Score(Default,
            Fact(Ravi, ActionType.Resolve, Monday9, Item(sentiment: Sentiment.Negative, answered: true)), Berlin).Awards);

        Assert.Equal(12, line.Points);
        Assert.Equal("Closed the loop with the customer ×1.5 negative feedback turned round", line.Reason);
    }

    [Theory]
    [InlineData(Sentiment.Neutral)]
    [InlineData(Sentiment.Positive)]
    public void ResolvingOtherFeedbackEarnsThePlainPoints(Sentiment sentiment)
    {
        Assert.Equal(8, new EmployeeLedger(Ravi).Score(Default, Fact(Ravi, ActionType.Resolve, Monday9, Item(sentiment: sentiment, answered: true)), Berlin).Total);
    }

    [Fact]
    public void MultipliedPointsRoundHalfAwayFromZero()
    {
        var rules = Default.Replacing(
                new ScoringRule("reply", ActionType.Reply, PointCategory.Responding, 3, "Replied"),
                new ScoringRule("resolve", ActionType.Resolve, PointCategory.Responding, 5, "Resolved"))
            with { Multipliers = new(1.5m, 1.3m) };

        Assert.Equal(5, new EmployeeLedger(Ravi).Score(rules, Fact(Ravi, ActionType.Reply, Monday9, Item(firstReply: true)), Berlin).Total); // 4.5
        Assert.Equal(7, new EmployeeLedger(Ravi).Score(rules, Fact(Ravi, ActionType.Resolve, Monday9, Item(sentiment: Sentiment.Negative)), Berlin).Total); // 6.5
    }

    [Fact]
    public void AMultiplierOfOneKeepsThePlainReason()
    {
        var rules = Default with { Multipliers = new(1m, 1m) };

        var line = Assert.Single(new EmployeeLedger(Ravi).Score(rules, Fact(Ravi, ActionType.Reply, Monday9, Item(firstReply: true)), Berlin).Awards);

        Assert.Equal((5, "Replied to a customer"), (line.Points, line.Reason));
    }

    // ---- conditions ----------------------------------------------------------------------------------

    private static readonly RuleSet WithSlaBonus = Default.Replacing(
        new ScoringRule("reply", ActionType.Reply, PointCategory.Responding, 5, "Replied to a customer"),
        new ScoringRule("reply-sla", ActionType.Reply, PointCategory.Responding, 3, "Answered within the SLA", new(WithinSlaMinutes: 30)));

    [Fact]
    public void EveryMatchingRuleOfTheActionApplies()
    {
        var item = Item(receivedAt: Monday9.AddMinutes(-10));

        var awards = new EmployeeLedger(Ravi).Score(WithSlaBonus, Fact(Ravi, ActionType.Reply, Monday9, item), Berlin).Awards;

        Assert.Equal([("reply", 5), ("reply-sla", 3)], awards.Select(a => (a.RuleId, a.Points)));
        Assert.Equal("Answered within the SLA", awards[1].Reason);
    }

    [Fact]
    public void AnSlaRuleStopsApplyingOnceTheSlaHasPassed()
    {
        var item = Item(receivedAt: Monday9.AddMinutes(-31));

        var awards = new EmployeeLedger(Ravi).Score(WithSlaBonus, Fact(Ravi, ActionType.Reply, Monday9, item), Berlin).Awards;

        Assert.Equal(["reply"], awards.Select(a => a.RuleId));
    }

    [Fact]
    public void TheFirstResponderMultiplierAppliesToEveryReplyRule()
    {
        var item = Item(receivedAt: Monday9.AddMinutes(-30), firstReply: true);

        var awards = new EmployeeLedger(Ravi).Score(WithSlaBonus, Fact(Ravi, ActionType.Reply, Monday9, item), Berlin).Awards;

        Assert.Equal([("reply", 10), ("reply-sla", 6)], awards.Select(a => (a.RuleId, a.Points)));
    }

    [Fact]
    public void ConditionsOnTheItemNeverMatchAnEventWithoutItem()
    {
        var awards = new EmployeeLedger(Ravi).Score(WithSlaBonus, Fact(Ravi, ActionType.Reply, Monday9), Berlin).Awards;

        Assert.Equal(["reply"], awards.Select(a => a.RuleId));
    }

    [Fact]
    public void ADepartmentConditionLooksAtTheActorsDepartment()
    {
        var rules = Default.Replacing(
            new ScoringRule("insight", ActionType.Insight, PointCategory.Insight, 10, "Insight"),
            new ScoringRule("insight-rnd", ActionType.Insight, PointCategory.Insight, 5, "Insight from R&D", new(DepartmentIds: [RnD])));

        Assert.Equal(15, new EmployeeLedger(Ravi).Score(rules, Fact(Ravi, ActionType.Insight, Monday9, Item()), Berlin).Total);
        Assert.Equal(10, new EmployeeLedger(Sofia).Score(rules, Fact(Sofia, ActionType.Insight, Monday9, Item()), Berlin).Total);
    }

    [Fact]
    public void ARuleWithZeroPointsIsSwitchedOff()
    {
        var rules = Default.Replacing(new ScoringRule("tag", ActionType.Tag, PointCategory.Listening, 0, "Tagged"));

        Assert.Same(ScoreResult.Nothing, new EmployeeLedger(Ravi).Score(rules, Fact(Ravi, ActionType.Tag, Monday9, Item()), Berlin));
    }

    // ---- diminishing returns -------------------------------------------------------------------------

    [Fact]
    public void RepeatedActionsOfOneTypeOnOneDayDiminish()
    {
        var rules = WithLimits(Default.Replacing(new ScoringRule("tag", ActionType.Tag, PointCategory.Listening, 8, "Tagged")),
            diminishAfter: 2, factor: 0.5m);
        var ledger = new EmployeeLedger(Ravi);

        var results = Enumerable.Range(0, 6).Select(i => ledger.Act(rules, Fact(Ravi, ActionType.Tag, Monday9.AddMinutes(10 * i), ItemN(i)))).ToList();

        Assert.Equal([8, 8, 4, 2, 1, 0], results.Select(r => r.Total));
        Assert.Equal(["Tagged", "Tagged", "Tagged (diminishing returns)", "Tagged (diminishing returns)", "Tagged (diminishing returns)",
            "Tagged (diminishing returns)"], results.Select(r => r.Awards.Single().Reason));
    }

    [Fact]
    public void DiminishingIsPerActionTypeAndStartsAfreshOnTheNextLocalDay()
    {
        var rules = WithLimits(Default, diminishAfter: 1, factor: 0.5m);
        var ledger = new EmployeeLedger(Ravi);

        Assert.Equal([3, 1], Play(ledger, rules,
            Fact(Ravi, ActionType.Forward, Monday9, ItemN(1)),
            Fact(Ravi, ActionType.Forward, Monday9.AddMinutes(5), ItemN(2))));
        Assert.Equal([5], Play(ledger, rules, Fact(Ravi, ActionType.Reply, Monday9.AddMinutes(10), ItemN(3))));
        Assert.Equal([3], Play(ledger, rules, Fact(Ravi, ActionType.Forward, Monday9.AddDays(1), ItemN(4))));
    }

    [Fact]
    public void WithTheDefaultRulesThe21stReadOfTheDayEarnsNothing()
    {
        var ledger = new EmployeeLedger(Ravi);

        var points = Play(ledger, Default, [.. Enumerable.Range(0, 22).Select(i => Fact(Ravi, ActionType.Read, Monday9.AddMinutes(5 * i), ItemN(i)))]);

        Assert.Equal([.. Enumerable.Repeat(1, 20), 0, 0], points);
    }

    // ---- daily caps ----------------------------------------------------------------------------------

    private static readonly RuleSet TagCap10 = WithLimits(
        Default.Replacing(new ScoringRule("tag", ActionType.Tag, PointCategory.Listening, 4, "Tagged a feedback item")),
        caps: new() { [PointCategory.Listening] = 10 });

    [Fact]
    public void TheDailyCapTruncatesTheAwardThatWouldCrossItAndZeroesLaterOnes()
    {
        var ledger = new EmployeeLedger(Ravi);

        var results = Enumerable.Range(0, 5).Select(i => ledger.Act(TagCap10, Fact(Ravi, ActionType.Tag, Monday9.AddMinutes(10 * i), ItemN(i)))).ToList();

        Assert.Equal([4, 4, 2, 0, 0], results.Select(r => r.Total));
        Assert.Equal("Tagged a feedback item (daily Listening cap reached)", results[2].Awards.Single().Reason);
        Assert.Equal("Tagged a feedback item (daily Listening cap reached)", results[4].Awards.Single().Reason);
    }

    [Fact]
    public void CapsArePerCategory()
    {
        var ledger = new EmployeeLedger(Ravi);
        Play(ledger, TagCap10, [.. Enumerable.Range(0, 3).Select(i => Fact(Ravi, ActionType.Tag, Monday9.AddMinutes(10 * i), ItemN(i)))]);

        Assert.Equal([5], Play(ledger, TagCap10, Fact(Ravi, ActionType.Reply, Monday9.AddHours(1), ItemN(9))));
    }

    [Fact]
    public void CapsResetAtLocalMidnightNotAtUtcMidnight()
    {
        var ledger = new EmployeeLedger(Ravi);
        var lateMonday = Local(2026, 3, 2, 22, 0);

        Assert.Equal([4, 4, 2], Play(ledger, TagCap10,
            Fact(Ravi, ActionType.Tag, lateMonday, ItemN(1)),
            Fact(Ravi, ActionType.Tag, lateMonday.AddMinutes(10), ItemN(2)),
            Fact(Ravi, ActionType.Tag, lateMonday.AddMinutes(20), ItemN(3))));
        Assert.Equal([0], Play(ledger, TagCap10, Fact(Ravi, ActionType.Tag, Local(2026, 3, 2, 23, 50), ItemN(4))));

        // 00:30 on Tuesday in Berlin is still Monday in UTC.
        var afterMidnight = Local(2026, 3, 3, 0, 30);
        Assert.Equal(2, afterMidnight.UtcDateTime.Day);
        Assert.Equal([4], Play(ledger, TagCap10, Fact(Ravi, ActionType.Tag, afterMidnight, ItemN(5))));
    }

    [Fact]
    public void ACategoryWithoutCapIsUnlimited()
    {
        var rules = WithLimits(Default.Replacing(new ScoringRule("insight", ActionType.Insight, PointCategory.Insight, 1000, "Insight")));
        var ledger = new EmployeeLedger(Ravi);

        Assert.Equal([1000, 1000, 1000], Play(ledger, rules,
            [.. Enumerable.Range(0, 3).Select(i => Fact(Ravi, ActionType.Insight, Monday9.AddMinutes(10 * i), ItemN(i)))]));
    }

    // ---- cooldown and once per item ------------------------------------------------------------------

    [Fact]
    public void TheSameActionOnTheSameItemWithinTheCooldownEarnsNothing()
    {
        var ledger = new EmployeeLedger(Ravi);

        Assert.Equal([5, 0, 5, 5], Play(ledger, Default,
            Fact(Ravi, ActionType.Reply, Monday9, ItemN(1)),
            Fact(Ravi, ActionType.Reply, Monday9.AddMinutes(1), ItemN(1)), // within 2 minutes of the first
            Fact(Ravi, ActionType.Reply, Monday9.AddMinutes(1).AddSeconds(30), ItemN(2)), // another item
            Fact(Ravi, ActionType.Reply, Monday9.AddMinutes(3), ItemN(1)))); // 2 minutes after the previous one
    }

    [Fact]
    public void ACooledDownActionHasNoLinesAndNoFlags()
    {
        var ledger = new EmployeeLedger(Ravi);
        ledger.Act(Default, Fact(Ravi, ActionType.Tag, Monday9, ItemN(1)));

        Assert.Same(ScoreResult.Nothing, ledger.Score(Default, Fact(Ravi, ActionType.Tag, Monday9.AddSeconds(30), ItemN(1)), Berlin));
    }

    [Fact]
    public void ADifferentActionOnTheSameItemIsNotCooledDown()
    {
        var ledger = new EmployeeLedger(Ravi);

        Assert.Equal([1, 1, 5], Play(ledger, Default,
            Fact(Ravi, ActionType.Read, Monday9, ItemN(1)),
            Fact(Ravi, ActionType.Tag, Monday9.AddSeconds(20), ItemN(1)),
            Fact(Ravi, ActionType.Reply, Monday9.AddSeconds(40), ItemN(1))));
    }

    [Theory]
    [InlineData(ActionType.Read, 1)]
    [InlineData(ActionType.Insight, 10)]
    public void ReadAndInsightEarnAtMostOncePerEmployeeAndItem(ActionType action, int points)
    {
        var ravi = new EmployeeLedger(Ravi);

        Assert.Equal([points, 0, 0, points], Play(ravi, Default,
            Fact(Ravi, action, Monday9, ItemN(1)),
            Fact(Ravi, action, Monday9.AddHours(1), ItemN(1)),
            Fact(Ravi, action, Monday9.AddDays(3), ItemN(1)),
            Fact(Ravi, action, Monday9.AddDays(3), ItemN(2))));
        Assert.Equal([points], Play(new EmployeeLedger(Sofia), Default, Fact(Sofia, action, Monday9.AddHours(2), ItemN(1))));
    }

    [Fact]
    public void RepliesTagsAndForwardsCanEarnAgainOnTheSameItemAfterTheCooldown()
    {
        var ledger = new EmployeeLedger(Ravi);

        Assert.Equal([5, 5, 1, 1], Play(ledger, Default,
            Fact(Ravi, ActionType.Reply, Monday9, ItemN(1)),
            Fact(Ravi, ActionType.Reply, Monday9.AddHours(1), ItemN(1)),
            Fact(Ravi, ActionType.Tag, Monday9, ItemN(1)),
            Fact(Ravi, ActionType.Tag, Monday9.AddHours(1), ItemN(1))));
    }

    [Fact]
    public void ARefusedReadDoesNotUseUpTheItem()
    {
        var ledger = new EmployeeLedger(Ravi);

        Assert.Equal([0, 1], Play(ledger, Default,
            Fact(Ravi, ActionType.Read, Monday9, ItemN(1), dwell: 1),
            Fact(Ravi, ActionType.Read, Monday9.AddMinutes(5), ItemN(1), dwell: 20)));
    }

    // ---- automation and anti-gaming ------------------------------------------------------------------

    [Theory]
    [InlineData(ActionType.Read)]
    [InlineData(ActionType.Reply)]
    [InlineData(ActionType.Resolve)]
    public void AutomationEarnsNothingAndIsNeverFlagged(ActionType action)
    {
        var result = new EmployeeLedger(Ravi).Score(Default,
            Fact(Ravi, action, Monday9, Item(firstReply: true), source: EngagementSources.Automation, dwell: 0), Berlin);

        Assert.Empty(result.Awards);
        Assert.Empty(result.Flags);
    }

    [Fact]
    public void AutomationDoesNotCountTowardsBursts()
    {
        var ledger = new EmployeeLedger(Ravi);
        for (var i = 0; i < 10; i++)
        {
            ledger.Act(Default, Fact(Ravi, ActionType.Tag, Monday9.AddSeconds(i), ItemN(i), source: EngagementSources.Automation));
        }

        var results = Enumerable.Range(10, 5).Select(i => ledger.Act(Default, Fact(Ravi, ActionType.Tag, Monday9.AddSeconds(i), ItemN(i)))).ToList();

        Assert.All(results, r => Assert.Empty(r.Flags));
        Assert.All(results, r => Assert.Equal(1, r.Total));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(60, false)]
    [InlineData(null, false)]
    public void AReadShorterThanTheMinimumDwellIsFlaggedAndEarnsNothing(int? dwell, bool tooFast)
    {
        var result = new EmployeeLedger(Ravi).Score(Default, Fact(Ravi, ActionType.Read, Monday9, Item(), dwell: dwell), Berlin);

        Assert.Equal(tooFast ? [ScoreFlags.ReadTooFast] : [], result.Flags);
        Assert.Equal(tooFast ? 0 : 1, result.Total);
        Assert.Equal(tooFast, result.Awards.Count == 0);
    }

    [Fact]
    public void DwellTimeOnlyMattersForReads()
    {
        var result = new EmployeeLedger(Ravi).Score(Default, Fact(Ravi, ActionType.Tag, Monday9, Item(), dwell: 0), Berlin);

        Assert.Equal((1, 0), (result.Total, result.Flags.Count));
    }

    [Fact]
    public void TheBurstCountThActionOfATypeWithinTheWindowAndLaterOnesAreFlaggedBurst()
    {
        var ledger = new EmployeeLedger(Ravi);

        var results = Enumerable.Range(0, 7)
            .Select(i => ledger.Act(Default, Fact(Ravi, ActionType.Tag, Monday9.AddSeconds(5 * i), ItemN(i))))
            .ToList();
        var afterTheWindow = ledger.Act(Default, Fact(Ravi, ActionType.Tag, Monday9.AddSeconds(30 + 61), ItemN(7)));

        Assert.Equal([[], [], [], [], [], [ScoreFlags.Burst], [ScoreFlags.Burst]], results.Select(r => r.Flags));
        Assert.Equal([1, 1, 1, 1, 1, 0, 0], results.Select(r => r.Total));
        Assert.Empty(results[5].Awards);
        Assert.Equal((1, 0), (afterTheWindow.Total, afterTheWindow.Flags.Count));
    }

    [Fact]
    public void KudosReceivedInQuickSuccessionAreNoBurstAndDoNotDiminish()
    {
        // Eight colleagues thank Ravi within a minute of a good answer: the thanks are theirs, not something Ravi did.
        var rules = Default with { Limits = Default.Limits with { DiminishAfter = 2 } };
        var ledger = new EmployeeLedger(Ravi);

        var results = Enumerable.Range(0, 8).Select(i => ledger.Act(rules, Fact(Ravi, ActionType.Kudos, Monday9.AddSeconds(5 * i), source: "kudos")))
            .ToList();

        Assert.All(results, r => Assert.Empty(r.Flags));
        Assert.Equal(Enumerable.Repeat(5, 8), results.Select(r => r.Total));
        Assert.All(results, r => Assert.Equal("Thanked by a colleague", r.Awards.Single().Reason));
    }

    [Fact]
    public void KudosStillCountTowardsTheDailyCollaborationCap()
    {
        var rules = WithLimits(Default, caps: new() { [PointCategory.Collaboration] = 12 });
        var ledger = new EmployeeLedger(Ravi);

        Assert.Equal([5, 5, 2, 0], Play(ledger, rules,
            Fact(Ravi, ActionType.Kudos, Monday9, source: "kudos"),
            Fact(Ravi, ActionType.Kudos, Monday9.AddMinutes(1), source: "kudos"),
            Fact(Ravi, ActionType.Kudos, Monday9.AddMinutes(2), source: "kudos"),
            Fact(Ravi, ActionType.Kudos, Monday9.AddMinutes(3), source: "kudos")));
        Assert.Equal([5], Play(ledger, rules, Fact(Ravi, ActionType.Kudos, Monday9.AddDays(1), source: "kudos")));
    }

    [Fact]
    public void BurstsAreCountedPerActionType()
    {
        var ledger = new EmployeeLedger(Ravi);

        var results = Enumerable.Range(0, 10)
            .Select(i => ledger.Act(Default, Fact(Ravi, i % 2 == 0 ? ActionType.Tag : ActionType.Read, Monday9.AddSeconds(i), ItemN(i))))
            .ToList();

        Assert.All(results, r => Assert.Empty(r.Flags));
    }

    [Fact]
    public void AReadCanBeBothTooFastAndABurst()
    {
        var ledger = new EmployeeLedger(Ravi);
        for (var i = 0; i < 5; i++)
        {
            ledger.Act(Default, Fact(Ravi, ActionType.Read, Monday9.AddSeconds(i), ItemN(i), dwell: 1));
        }

        var result = ledger.Score(Default, Fact(Ravi, ActionType.Read, Monday9.AddSeconds(5), ItemN(5), dwell: 1), Berlin);

        Assert.Equal([ScoreFlags.ReadTooFast, ScoreFlags.Burst], result.Flags);
    }

    // ---- shared credit -------------------------------------------------------------------------------

    private static readonly ChainMember SofiaForwarded = new(Sofia, Service);
    private static readonly ChainMember LenaForwarded = new(Lena, Marketing);

    [Fact]
    public void AResolveOnAForwardedItemSharesCreditWithTheForwarders()
    {
        var item = Item(answered: true, chain: [SofiaForwarded, LenaForwarded]);

        var result = new EmployeeLedger(Ravi).Score(Default, Fact(Ravi, ActionType.Resolve, Monday9, item), Berlin);

        Assert.Equal(
            [
                new AwardLine(Ravi, RnD, 6, PointCategory.Responding, "resolve", 1,
                    "Closed the loop with the customer (2 shared with the colleagues who forwarded it)"),
                new AwardLine(Sofia, Service, 1, PointCategory.Responding, "resolve:shared", 1,
                    "Shared credit: you forwarded feedback that was then resolved"),
                new AwardLine(Lena, Marketing, 1, PointCategory.Responding, "resolve:shared", 1,
                    "Shared credit: you forwarded feedback that was then resolved"),
            ],
            result.Awards);
        Assert.Equal(8, result.Total);
        Assert.True(result.Awards[1].IsSharedCredit);
    }

    [Fact]
    public void TheRemainderOfASplitGoesToTheEarliestForwarder()
    {
        var item = Item(answered: true, chain: [SofiaForwarded, LenaForwarded], sentiment: Sentiment.Negative);

        var result = new EmployeeLedger(Ravi).Score(Default, Fact(Ravi, ActionType.Resolve, Monday9, item), Berlin); // 12, 3 shared

        Assert.Equal([(Ravi, 9), (Sofia, 2), (Lena, 1)], result.Awards.Select(a => (a.EmployeeId, a.Points)));
        Assert.Equal(12, result.Total);
    }

    [Fact]
    public void ForwardersWhoseEqualPartRoundsToZeroGetNoLine()
    {
        var item = Item(answered: true, chain: [SofiaForwarded, LenaForwarded, new(Omar, Sales)]);

        var result = new EmployeeLedger(Ravi).Score(Default, Fact(Ravi, ActionType.Resolve, Monday9, item), Berlin); // 8, 2 shared by 3

        Assert.Equal([(Ravi, 6), (Sofia, 2)], result.Awards.Select(a => (a.EmployeeId, a.Points)));
    }

    [Fact]
    public void TheActorAndRepeatedForwardersAreNotCountedTwice()
    {
        var item = Item(answered: true, chain: [new(Ravi, RnD), SofiaForwarded, new(Ravi, RnD), new(Sofia, Marketing)]);

        var result = new EmployeeLedger(Ravi).Score(Default, Fact(Ravi, ActionType.Resolve, Monday9, item), Berlin);

        Assert.Equal([(Ravi, RnD, 6), (Sofia, Service, 2)], result.Awards.Select(a => (a.EmployeeId, a.DepartmentId, a.Points)));
    }

    [Fact]
    public void AnInsightOnAForwardedItemSharesCreditToo()
    {
        var result = new EmployeeLedger(Ravi).Score(Default, Fact(Ravi, ActionType.Insight, Monday9, Item(answered: true, chain: [SofiaForwarded])), Berlin);

        Assert.Equal([(Ravi, 7), (Sofia, 3)], result.Awards.Select(a => (a.EmployeeId, a.Points))); // 10 × 0.25 = 2.5 → 3
        Assert.Equal("Shared credit: you forwarded feedback that then became a product insight", result.Awards[1].Reason);
        Assert.Equal("insight:shared", result.Awards[1].RuleId);
    }

    [Theory]
    [InlineData(ActionType.Reply)]
    [InlineData(ActionType.Tag)]
    [InlineData(ActionType.Forward)]
    public void OtherActionsShareNothing(ActionType action)
    {
        var result = new EmployeeLedger(Ravi).Score(Default, Fact(Ravi, action, Monday9, Item(answered: true, chain: [SofiaForwarded])), Berlin);

        Assert.Single(result.Awards);
    }

    [Fact]
    public void AShareOfZeroSwitchesSharedCreditOff()
    {
        var rules = Default with { SharedCredit = new(0m) };

        var result = new EmployeeLedger(Ravi).Score(rules, Fact(Ravi, ActionType.Resolve, Monday9, Item(answered: true, chain: [SofiaForwarded])), Berlin);

        Assert.Equal([(Ravi, 8)], result.Awards.Select(a => (a.EmployeeId, a.Points)));
        Assert.Equal("Closed the loop with the customer", result.Awards[0].Reason);
    }

    [Fact]
    public void SharedCreditIsNeitherCappedNorCountedTowardsTheReceiversCap()
    {
        var rules = WithLimits(Default with { SharedCredit = new(0.5m) }, caps: new() { [PointCategory.Responding] = 12 });
        var sofia = new EmployeeLedger(Sofia);
        Assert.Equal([5], Play(sofia, rules, Fact(Sofia, ActionType.Reply, Monday9, ItemN(1))));

        var resolve = Fact(Ravi, ActionType.Resolve, Monday9.AddMinutes(5), ItemN(2) with { HandOffChain = [SofiaForwarded], Answered = true });
        var shared = new EmployeeLedger(Ravi).Score(rules, resolve, Berlin);
        sofia.Observe(resolve, shared.Awards, Berlin);

        Assert.Equal(4, shared.PointsFor(Sofia));
        Assert.Equal(9, sofia.TotalXp);
        Assert.Equal([5, 2], Play(sofia, rules,
            Fact(Sofia, ActionType.Reply, Monday9.AddMinutes(10), ItemN(3)),
            Fact(Sofia, ActionType.Reply, Monday9.AddMinutes(15), ItemN(4))));
    }

    [Fact]
    public void CreditFromAColleaguesEventCountsLikeObservingItAndLeavesTheCapsAlone()
    {
        var rules = WithLimits(Default with { SharedCredit = new(0.5m) }, caps: new() { [PointCategory.Responding] = 12 });
        var resolve = Fact(Ravi, ActionType.Resolve, Monday9.AddMinutes(5), ItemN(2) with { HandOffChain = [SofiaForwarded], Answered = true });
        var shared = new EmployeeLedger(Ravi).Score(rules, resolve, Berlin);
        var observed = new EmployeeLedger(Sofia);
        var credited = new EmployeeLedger(Sofia);

        observed.Observe(resolve, shared.Awards, Berlin);
        credited.Credit(shared.Awards);

        Assert.Equal(4, credited.TotalXp);
        Assert.Equal(observed.TotalXp, credited.TotalXp);
        Assert.Equal(observed.Stats.PointsByCategory, credited.Stats.PointsByCategory);
        Assert.Equal([5, 5, 2], Play(credited, rules,
            Fact(Sofia, ActionType.Reply, Monday9.AddMinutes(10), ItemN(3)),
            Fact(Sofia, ActionType.Reply, Monday9.AddMinutes(15), ItemN(4)),
            Fact(Sofia, ActionType.Reply, Monday9.AddMinutes(20), ItemN(5))));
    }

    [Fact]
    public void TheActorsCapLimitsThePointsBeforeTheyAreShared()
    {
        var rules = WithLimits(Default with { SharedCredit = new(0.5m) }, caps: new() { [PointCategory.Responding] = 6 });

        var result = new EmployeeLedger(Ravi).Score(rules, Fact(Ravi, ActionType.Resolve, Monday9, Item(answered: true, chain: [SofiaForwarded])), Berlin);

        Assert.Equal([(Ravi, 3), (Sofia, 3)], result.Awards.Select(a => (a.EmployeeId, a.Points)));
        Assert.EndsWith("(daily Responding cap reached) (3 shared with the colleagues who forwarded it)", result.Awards[0].Reason);
    }

    [Fact]
    public void TheActorsCapCountsThePointsTheyPassedOn()
    {
        var rules = WithLimits(Default with { SharedCredit = new(0.5m) }, caps: new() { [PointCategory.Responding] = 10 });
        var ravi = new EmployeeLedger(Ravi);

        Assert.Equal([4], Play(ravi, rules, Fact(Ravi, ActionType.Resolve, Monday9, ItemN(1) with { HandOffChain = [SofiaForwarded], Answered = true })));
        Assert.Equal([2], Play(ravi, rules, Fact(Ravi, ActionType.Reply, Monday9.AddMinutes(5), ItemN(2)))); // 8 of 10 used
    }

    // ---- clawback ------------------------------------------------------------------------------------

    [Fact]
    public void AReopenReturnsEveryLineOfTheResolveItUndoes()
    {
        var resolve = new EmployeeLedger(Ravi).Score(Default,
            Fact(Ravi, ActionType.Resolve, Monday9, Item(answered: true, chain: [SofiaForwarded, LenaForwarded])), Berlin);

        var reopen = new EmployeeLedger(Lena).Score(Default,
            Fact(Lena, ActionType.Reopen, Monday9.AddDays(2), Item(clawBack: resolve.Awards)), Berlin);

        const string reason = "Resolution reopened: points returned";
        Assert.Equal(
            [
                new AwardLine(Ravi, RnD, -6, PointCategory.Responding, "resolve:clawback", 1, reason),
                new AwardLine(Sofia, Service, -1, PointCategory.Responding, "resolve:shared:clawback", 1, reason),
                new AwardLine(Lena, Marketing, -1, PointCategory.Responding, "resolve:shared:clawback", 1, reason),
            ],
            reopen.Awards);
        Assert.All(reopen.Awards, a => Assert.True(a.IsClawback));
        Assert.Equal(0, resolve.Total + reopen.Total);
    }

    [Fact]
    public void AClawbackKeepsTheVersionOfTheRulesThatAwardedThePoints()
    {
        var resolveLines = new[] { new AwardLine(Ravi, RnD, 8, PointCategory.Responding, "resolve", 7, "Closed the loop") };

        var line = Assert.Single(new EmployeeLedger(Sofia).Score(Default,
            Fact(Sofia, ActionType.Reopen, Monday9, Item(clawBack: resolveLines)), Berlin).Awards);

        Assert.Equal(7, line.RuleVersion);
    }

    [Fact]
    public void EvenAnAutomationReopenReturnsThePoints()
    {
        var resolveLines = new[] { new AwardLine(Ravi, RnD, 8, PointCategory.Responding, "resolve", 1, "Closed the loop") };

        var result = new EmployeeLedger(Sofia).Score(Default,
            Fact(Sofia, ActionType.Reopen, Monday9, Item(clawBack: resolveLines), source: EngagementSources.Automation), Berlin);

        Assert.Equal(-8, result.PointsFor(Ravi));
    }

    [Fact]
    public void ZeroPointLinesNeedNoClawback()
    {
        var resolveLines = new[] { new AwardLine(Ravi, RnD, 0, PointCategory.Responding, "resolve", 1, "Closed the loop (daily Responding cap reached)") };

        Assert.Same(ScoreResult.Nothing, new EmployeeLedger(Sofia).Score(Default,
            Fact(Sofia, ActionType.Reopen, Monday9, Item(clawBack: resolveLines)), Berlin));
    }

    // ---- purity and guards ---------------------------------------------------------------------------

    [Fact]
    public void ScoringDoesNotChangeTheLedger()
    {
        var ledger = new EmployeeLedger(Ravi);
        var fact = Fact(Ravi, ActionType.Read, Monday9, Item());

        var first = ledger.Score(Default, fact, Berlin);
        var second = ledger.Score(Default, fact, Berlin);

        Assert.Equal(first.Awards, second.Awards);
        Same.Stats(new EmployeeLedger(Ravi).Stats, ledger.Stats);
    }

    [Fact]
    public void ScoringSomeoneElsesEventIsAnError()
    {
        var error = Assert.Throws<ArgumentException>(() => new EmployeeLedger(Ravi).Score(Default, Fact(Sofia, ActionType.Read, Monday9), Berlin));

        Assert.Contains(Sofia.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInvalidRuleSetIsRefusedWithTheValidatorsMessage()
    {
        var rules = Default.Replacing(new ScoringRule("read", ActionType.Read, PointCategory.Listening, -1, "Read"));

        var error = Assert.Throws<ArgumentException>(() => new EmployeeLedger(Ravi).Score(rules, Fact(Ravi, ActionType.Read, Monday9), Berlin));

        Assert.Contains("Points must not be negative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownActionTypeIsAnError()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new EmployeeLedger(Ravi).Score(Default, Fact(Ravi, (ActionType)42, Monday9), Berlin));
    }

    // ---- observing and statistics --------------------------------------------------------------------

    [Fact]
    public void StatsCountRewardedActionsOnly()
    {
        var ledger = new EmployeeLedger(Ravi);
        Play(ledger, Default,
            Fact(Ravi, ActionType.Read, Monday9, ItemN(1)),
            Fact(Ravi, ActionType.Read, Monday9.AddHours(1), ItemN(1)), // second read of the item
            Fact(Ravi, ActionType.Read, Monday9.AddHours(2), ItemN(2), dwell: 0), // too fast
            Fact(Ravi, ActionType.Reply, Monday9.AddHours(3), ItemN(3), source: EngagementSources.Automation),
            Fact(Ravi, ActionType.Reply, Monday9.AddHours(4), ItemN(3)),
            Fact(Ravi, ActionType.Reopen, Monday9.AddHours(5), ItemN(3))); // no rule rewards a reopen

        var stats = ledger.Stats;

        Assert.Equal(1, stats.CountOf(ActionType.Read));
        Assert.Equal(1, stats.CountOf(ActionType.Reply));
        Assert.Equal(0, stats.CountOf(ActionType.Reopen));
        Assert.True(stats.HasEverDone(ActionType.Reply));
        Assert.False(stats.HasEverDone(ActionType.Insight));
        Assert.Equal(6, stats.TotalXp);
        Assert.Equal(1, stats.PointsIn(PointCategory.Listening));
        Assert.Equal(5, stats.PointsIn(PointCategory.Responding));
        Assert.Equal(Enum.GetValues<PointCategory>(), stats.PointsByCategory.Keys.Order());
        Assert.Equal(Enum.GetValues<ActionType>(), stats.ActionCounts.Keys.Order());
    }

    [Fact]
    public void AnActionWorthNothingBecauseOfTheCapStillCountsAsRewarded()
    {
        var ledger = new EmployeeLedger(Ravi);

        var points = Play(ledger, TagCap10, [.. Enumerable.Range(0, 5).Select(i => Fact(Ravi, ActionType.Tag, Monday9.AddMinutes(10 * i), ItemN(i)))]);

        Assert.Equal([4, 4, 2, 0, 0], points);
        Assert.Equal(5, ledger.Stats.CountOf(ActionType.Tag));
    }

    [Fact]
    public void TotalXpIncludesSharedCreditReceivedAndClawbacksButNotOthersActions()
    {
        var sofia = new EmployeeLedger(Sofia);
        var resolve = Fact(Ravi, ActionType.Resolve, Monday9, Item(answered: true, chain: [SofiaForwarded]));
        var resolved = new EmployeeLedger(Ravi).Score(Default, resolve, Berlin);

        sofia.Observe(resolve, resolved.Awards, Berlin);

        Assert.Equal(2, sofia.TotalXp);
        Assert.Equal(2, sofia.Stats.PointsIn(PointCategory.Responding));
        Assert.Equal(0, sofia.Stats.CountOf(ActionType.Resolve));
        Assert.Empty(sofia.Stats.ActiveWorkingDays);

        var reopen = Fact(Lena, ActionType.Reopen, Monday9.AddDays(1), Item(clawBack: resolved.Awards));
        sofia.Observe(reopen, new EmployeeLedger(Lena).Score(Default, reopen, Berlin).Awards, Berlin);

        Assert.Equal(0, sofia.TotalXp);
    }

    [Fact]
    public void ObservingIgnoresLinesForOtherEmployees()
    {
        var ledger = new EmployeeLedger(Ravi);
        var fact = Fact(Sofia, ActionType.Reply, Monday9, Item());

        ledger.Observe(fact, [new AwardLine(Sofia, Service, 5, PointCategory.Responding, "reply", 1, "Replied")], Berlin);

        Same.Stats(new EmployeeLedger(Ravi).Stats, ledger.Stats);
    }

    [Fact]
    public void ActiveWorkingDaysAreCompanyLocalWeekdaysWithARewardedAction()
    {
        var ledger = new EmployeeLedger(Ravi);
        Play(ledger, Default,
            Fact(Ravi, ActionType.Reply, Local(2026, 3, 6, 23, 30), ItemN(1)), // Friday night (Friday 22:30 UTC)
            Fact(Ravi, ActionType.Reply, Local(2026, 3, 7, 12, 0), ItemN(2)), // Saturday
            Fact(Ravi, ActionType.Reply, Local(2026, 3, 9, 0, 30), ItemN(3)), // Monday just after midnight (Sunday in UTC)
            Fact(Ravi, ActionType.Read, Local(2026, 3, 10, 9, 0), ItemN(4), dwell: 0), // Tuesday, too fast
            Fact(Ravi, ActionType.Reply, Local(2026, 3, 4, 9, 0), ItemN(5))); // Wednesday, recorded late

        Assert.Equal([new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 6), new DateOnly(2026, 3, 9)], ledger.Stats.ActiveWorkingDays);
    }

    [Fact]
    public void DepartmentsEngagedAreTheOtherDepartmentsOfItemsWorkedOn()
    {
        var ledger = new EmployeeLedger(Ravi);
        Play(ledger, Default,
            Fact(Ravi, ActionType.Reply, Monday9, Item(Ids.Of(1), routed: [RnD, Service])),
            Fact(Ravi, ActionType.Forward, Monday9.AddMinutes(5), Item(Ids.Of(2), routed: [RnD, Marketing])),
            Fact(Ravi, ActionType.Read, Monday9.AddMinutes(10), Item(Ids.Of(3), routed: [RnD, Sales]), dwell: 0)); // refused

        Assert.Equal([Service, Marketing], ledger.Stats.DepartmentsEngaged.Order());
    }

    [Fact]
    public void FirstReplyDelaysAreKeptForRewardedFirstReplies()
    {
        var ledger = new EmployeeLedger(Ravi);
        Play(ledger, Default,
            Fact(Ravi, ActionType.Reply, Monday9, Item(Ids.Of(1), receivedAt: Monday9.AddMinutes(-30), firstReply: true)),
            Fact(Ravi, ActionType.Reply, Monday9.AddMinutes(5), Item(Ids.Of(2), receivedAt: Monday9.AddMinutes(-1))),
            Fact(Ravi, ActionType.Reply, Monday9.AddMinutes(10), Item(Ids.Of(3), receivedAt: Monday9.AddHours(1), firstReply: true)));

        Assert.Equal([TimeSpan.FromMinutes(30), TimeSpan.Zero], ledger.Stats.FirstReplyDelays);
        Assert.Equal(2, ledger.Stats.FastFirstReplies(30));
        Assert.Equal(1, ledger.Stats.FastFirstReplies(29));
    }

    [Fact]
    public void ALedgerRebuiltFromStoredAwardsScoresLikeTheLiveOne()
    {
        var rules = WithLimits(Default, caps: new() { [PointCategory.Listening] = 3 }, diminishAfter: 1, factor: 0.5m, cooldown: 5)
            with { AntiGaming = new(3, 3, 60) };
        EngagementFact[] history =
        [
            Fact(Ravi, ActionType.Read, Monday9, ItemN(1)),
            Fact(Ravi, ActionType.Tag, Monday9.AddSeconds(10), ItemN(1)),
            Fact(Ravi, ActionType.Tag, Monday9.AddSeconds(20), ItemN(2)),
            Fact(Ravi, ActionType.Tag, Monday9.AddSeconds(30), ItemN(3)), // burst
            Fact(Ravi, ActionType.Reply, Monday9.AddMinutes(2), ItemN(1, firstReply: true)),
            Fact(Ravi, ActionType.Reply, Monday9.AddMinutes(3), ItemN(1)), // cooldown
        ];
        EngagementFact[] next =
        [
            Fact(Ravi, ActionType.Read, Monday9.AddMinutes(4), ItemN(1)), // already read
            Fact(Ravi, ActionType.Tag, Monday9.AddMinutes(5), ItemN(4)), // diminished and capped
            Fact(Ravi, ActionType.Reply, Monday9.AddMinutes(6), ItemN(1)), // cooldown since 3 minutes
            Fact(Ravi, ActionType.Reply, Monday9.AddMinutes(9), ItemN(5)), // second reply of the day
        ];
        var live = new EmployeeLedger(Ravi);
        var stored = history.Select(f => live.Act(rules, f).Awards).ToList();

        var rebuilt = new EmployeeLedger(Ravi);
        for (var i = 0; i < history.Length; i++)
        {
            rebuilt.Observe(history[i], stored[i], Berlin);
        }

        Same.Stats(live.Stats, rebuilt.Stats);
        foreach (var fact in next)
        {
            Assert.Equal(live.Act(rules, fact).Awards, rebuilt.Act(rules, fact).Awards);
        }

        Same.Stats(live.Stats, rebuilt.Stats);
    }

    // ---- outcome-weighted resolve --------------------------------------------------------------------

    [Fact]
    public void AResolveAfterAReplyClosesTheLoopAndOneWithoutEarnsTheSmallerAward()
    {
        var answered = Assert.Single(new EmployeeLedger(Ravi).Score(Default, Fact(Ravi, ActionType.Resolve, Monday9, Item(answered: true)), Berlin).Awards);
        var unanswered = Assert.Single(new EmployeeLedger(Ravi).Score(Default, Fact(Ravi, ActionType.Resolve, Monday9, Item()), Berlin).Awards);

        Assert.Equal(new AwardLine(Ravi, RnD, 8, PointCategory.Responding, "resolve", 1, "Closed the loop with the customer"), answered);
        Assert.Equal(new AwardLine(Ravi, RnD, 3, PointCategory.Responding, "resolve-unanswered", 1, "Resolved without a reply to the customer"), unanswered);
    }

    [Fact]
    public void AnExternalResolveNamingNoItemEarnsTheSmallerAward()
    {
        var line = Assert.Single(new EmployeeLedger(Ravi).Score(Default, Fact(Ravi, ActionType.Resolve, Monday9), Berlin).Awards);

        Assert.Equal(("resolve-unanswered", 3), (line.RuleId, line.Points));
    }

    [Property]
    public void UnderTheDefaultRulesAResolveAfterAReplyNeverEarnsLessThanOneWithout(byte sentiment, byte forwarders, bool firstOfTheDay)
    {
        var chain = Enumerable.Range(0, forwarders % 4).Select(i => new ChainMember(Ids.Of(900 + i), Marketing)).ToList();
        int Points(bool answered)
        {
            var ledger = new EmployeeLedger(Ravi);
            if (!firstOfTheDay)
            {
                ledger.Act(Default, Fact(Ravi, ActionType.Resolve, Monday9, ItemN(1)));
            }

            var item = Item(Ids.Of(800), sentiment: (Sentiment)(sentiment % 3), chain: chain, answered: answered);
            return ledger.Score(Default, Fact(Ravi, ActionType.Resolve, Monday9.AddMinutes(10), item), Berlin).PointsFor(Ravi);
        }

        Assert.True(Points(answered: true) >= Points(answered: false));
        Assert.True(Points(answered: false) > 0);
    }
}
