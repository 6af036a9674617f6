using GamifyHub.Domain.Badges;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;

namespace GamifyHub.Domain.Tests.Scoring;

public class RuleSetValidatorTests
{
    private static readonly RuleSet Default = RuleSet.Default;

    private static RuleError Single(RuleSet rules) => Assert.Single(RuleSetValidator.Validate(rules));

    private static void AssertError(RuleSet rules, string path, string messagePart)
    {
        var errors = RuleSetValidator.Validate(rules);
        Assert.Contains(errors, e => e.Path == path && e.Message.Contains(messagePart, StringComparison.Ordinal));
    }

    private static RuleSet WithRule(ScoringRule rule) => Default with { Rules = [.. Default.Rules, rule] };

    private static RuleSet WithBadge(BadgeDefinition badge) => Default with { Badges = [.. Default.Badges, badge] };

    private static readonly BadgeDefinition Badge = new("new-badge", "New", "Something new.", BadgeTier.Bronze, false,
        new BadgeCriterion.ActionCount(ActionType.Read, 1));

    [Fact]
    public void TheDefaultRulesAreValid()
    {
        Assert.Empty(RuleSetValidator.Validate(Default));
    }

    [Fact]
    public void VersionsStartAtOne()
    {
        Assert.Equal(new RuleError("Version", "Version must be 1 or higher."), Single(Default with { Version = 0 }));
    }

    [Fact]
    public void DuplicateRuleIdsAreReportedAtTheSecondRule()
    {
        var error = Single(WithRule(new ScoringRule("reply", ActionType.Reply, PointCategory.Responding, 1, "Again")));

        Assert.Equal($"Rules[{Default.Rules.Count}].Id", error.Path);
        Assert.Equal("Duplicate rule id 'reply': awards name their rule, so ids must be unique.", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("reply:bonus")]
    [InlineData("reply bonus")]
    public void RuleIdsMustBeNonEmptyAndPlain(string id)
    {
        var error = Single(WithRule(new ScoringRule(id, ActionType.Reply, PointCategory.Responding, 1, "Bonus")));

        Assert.Equal($"Rules[{Default.Rules.Count}].Id", error.Path);
    }

    [Fact]
    public void NegativePointsAreRefused()
    {
        var error = Single(WithRule(new ScoringRule("penalty", ActionType.Reopen, PointCategory.Responding, -5, "Reopened")));

        Assert.Equal("Points must not be negative (-5); use 0 to switch a rule off.", error.Message);
    }

    [Fact]
    public void HugePointsAreRefused()
    {
        AssertError(WithRule(new ScoringRule("jackpot", ActionType.Read, PointCategory.Listening, 1_000_000, "Jackpot")),
            $"Rules[{Default.Rules.Count}].Points", "at most 100000");
    }

    [Fact]
    public void EmptyReasonsAreRefused()
    {
        AssertError(WithRule(new ScoringRule("bonus", ActionType.Reply, PointCategory.Responding, 1, " ")),
            $"Rules[{Default.Rules.Count}].Reason", "Reason must not be empty");
    }

    [Fact]
    public void UnknownActionsAndCategoriesAreRefused()
    {
        var rules = WithRule(new ScoringRule("odd", (ActionType)42, (PointCategory)9, 1, "Odd"));

        AssertError(rules, $"Rules[{Default.Rules.Count}].Action", "Unknown action type 42");
        AssertError(rules, $"Rules[{Default.Rules.Count}].Category", "Unknown point category 9");
    }

    [Fact]
    public void ConditionsNeedAPositiveSlaAndNoBlankValues()
    {
        var rules = WithRule(new ScoringRule("sla", ActionType.Reply, PointCategory.Responding, 1, "Fast",
            new RuleConditions(Channels: ["x", ""], WithinSlaMinutes: 0)));

        AssertError(rules, $"Rules[{Default.Rules.Count}].When.WithinSlaMinutes", "positive number of minutes");
        AssertError(rules, $"Rules[{Default.Rules.Count}].When.Channels[1]", "Blank values never match");
    }

    [Fact]
    public void ConditionsNameKnownSentimentsAndPriorities()
    {
        var rules = WithRule(new ScoringRule("odd", ActionType.Reply, PointCategory.Responding, 1, "Odd",
            new RuleConditions(Sentiments: [Sentiment.Negative, (Sentiment)7], Priorities: [(Priority)8])));

        AssertError(rules, $"Rules[{Default.Rules.Count}].When.Sentiments[1]", "Unknown sentiment 7.");
        AssertError(rules, $"Rules[{Default.Rules.Count}].When.Priorities[0]", "Unknown priority 8.");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10.5)]
    public void MultipliersMustBeAboveZeroAndAtMostTen(double value)
    {
        var rules = Default with { Multipliers = new((decimal)value, (decimal)value) };

        AssertError(rules, "Multipliers.FirstResponder", "Multiplier must be greater than 0 and at most 10");
        AssertError(rules, "Multipliers.NegativeResolved", "Multiplier must be greater than 0 and at most 10");
    }

    [Fact]
    public void NegativeCapsAreRefused()
    {
        var rules = Default with { Limits = Default.Limits with { DailyCap = new Dictionary<PointCategory, int> { [PointCategory.Insight] = -1 } } };

        Assert.Equal(new RuleError("Limits.DailyCap[Insight]", "Daily cap must not be negative (-1); leave the category out for no cap."),
            Single(rules));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.5)]
    [InlineData(1.01)]
    public void TheDiminishFactorMustBeInZeroToOne(double factor)
    {
        AssertError(Default with { Limits = Default.Limits with { DiminishFactor = (decimal)factor } },
            "Limits.DiminishFactor", "greater than 0 and at most 1");
    }

    [Fact]
    public void DiminishAfterAndCooldownMustBeInRange()
    {
        AssertError(Default with { Limits = Default.Limits with { DiminishAfter = -1 } }, "Limits.DiminishAfter", "DiminishAfter ≥ 0");
        AssertError(Default with { Limits = Default.Limits with { CooldownMinutes = -1 } }, "Limits.CooldownMinutes", "between 0 and 1440");
        AssertError(Default with { Limits = Default.Limits with { CooldownMinutes = 1441 } }, "Limits.CooldownMinutes", "between 0 and 1440");
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    public void TheShareMustBeBetweenZeroAndOne(double share)
    {
        Assert.Equal("SharedCredit.Share", Single(Default with { SharedCredit = new((decimal)share) }).Path);
    }

    [Fact]
    public void AntiGamingSettingsMustBeInRange()
    {
        AssertError(Default with { AntiGaming = new(-1, 6, 60) }, "AntiGaming.MinReadSeconds", "must not be negative");
        AssertError(Default with { AntiGaming = new(3, 1, 60) }, "AntiGaming.BurstCount", "0 (off) or between 2 and 64");
        AssertError(Default with { AntiGaming = new(3, 65, 60) }, "AntiGaming.BurstCount", "0 (off) or between 2 and 64");
        AssertError(Default with { AntiGaming = new(3, 6, 0) }, "AntiGaming.BurstWindowSeconds", "between 1 and 86400");
        Assert.Empty(RuleSetValidator.Validate(Default with { AntiGaming = new(0, 0, 0) }));
    }

    [Fact]
    public void LevelTablesMustStartAtZeroAndStrictlyIncrease()
    {
        var rules = Default with { LevelCurve = new LevelCurve(LevelCurveKind.Table, 0, 1m, [5, 100, 100, 50]) };

        Assert.Equal(
            [
                new RuleError("LevelCurve.Table[0]", "Level 1 starts at 0 XP, so the table must start with 0."),
                new RuleError("LevelCurve.Table[2]", "Level thresholds must be strictly increasing: 100 follows 100."),
                new RuleError("LevelCurve.Table[3]", "Level thresholds must be strictly increasing: 50 follows 100."),
            ],
            RuleSetValidator.Validate(rules));
    }

    [Fact]
    public void OtherCurvesNeedAPositiveBaseAndSensibleGrowth()
    {
        AssertError(Default with { LevelCurve = new(LevelCurveKind.Linear, 0, 1m, null) }, "LevelCurve.Base", "positive");
        AssertError(Default with { LevelCurve = new(LevelCurveKind.Exponential, 100, 0.9m, null) }, "LevelCurve.Growth", "between 1 and 10");
        AssertError(Default with { LevelCurve = new(LevelCurveKind.Table, 0, 1m, []) }, "LevelCurve.Table", "needs a table");
    }

    [Fact]
    public void DuplicateBadgeIdsAreRefused()
    {
        var error = Single(WithBadge(Badge with { Id = Default.Badges[0].Id }));

        Assert.Equal($"Badges[{Default.Badges.Count}].Id", error.Path);
        Assert.Equal($"Duplicate badge id '{Default.Badges[0].Id}'.", error.Message);
    }

    [Fact]
    public void BadgesNeedANameADescriptionAndAnId()
    {
        var rules = WithBadge(Badge with { Id = "", Name = "", Description = " " });
        var path = $"Badges[{Default.Badges.Count}]";

        AssertError(rules, $"{path}.Id", "Badge id must not be empty.");
        AssertError(rules, $"{path}.Name", "Badge name must not be empty.");
        AssertError(rules, $"{path}.Description", "Badge description must not be empty");
    }

    [Fact]
    public void BadgeTargetsMustBePositive()
    {
        var path = $"Badges[{Default.Badges.Count}].Criterion";

        AssertError(WithBadge(Badge with { Criterion = new BadgeCriterion.ActionCount(ActionType.Read, 0) }), $"{path}.Count", "Count must be at least 1, not 0.");
        AssertError(WithBadge(Badge with { Criterion = new BadgeCriterion.CategoryPoints(PointCategory.Insight, -3) }), $"{path}.Points", "at least 1");
        AssertError(WithBadge(Badge with { Criterion = new BadgeCriterion.Streak(0, 1) }), $"{path}.WorkingDays", "at least 1");
        AssertError(WithBadge(Badge with { Criterion = new BadgeCriterion.Streak(5, -1) }), $"{path}.GraceDays", "must not be negative");
        AssertError(WithBadge(Badge with { Criterion = new BadgeCriterion.CrossDepartment(0) }), $"{path}.Departments", "at least 1");
        AssertError(WithBadge(Badge with { Criterion = new BadgeCriterion.FastReplies(0, 3) }), $"{path}.WithinMinutes", "at least 1");
        AssertError(WithBadge(Badge with { Criterion = new BadgeCriterion.InsightsCreated(0) }), $"{path}.Count", "at least 1");
        AssertError(WithBadge(Badge with { Criterion = new BadgeCriterion.FirstEver((ActionType)99) }), $"{path}.Action", "Unknown action type 99");
    }

    [Fact]
    public void MissingPartsAreReportedNotThrown()
    {
        var rules = new RuleSet(1, null!, null!, null!, null!, null!, null!, null!);

        Assert.Equal(["Rules", "Multipliers", "Limits", "SharedCredit", "AntiGaming", "LevelCurve", "Badges"],
            RuleSetValidator.Validate(rules).Select(e => e.Path));
    }

    [Fact]
    public void A_rule_set_has_at_most_200_rules_and_200_badges_each_reported_once()
    {
        var rules = Default with
        {
            Rules = [.. Enumerable.Range(0, RuleSetValidator.MaxRules + 1).Select(i => Default.Rules[0] with { Id = $"rule-{i}" })],
            Badges = [.. Enumerable.Range(0, RuleSetValidator.MaxBadges + 1).Select(i => Badge with { Id = $"badge-{i}" })],
        };
        var atTheLimit = Default with
        {
            Rules = [.. Enumerable.Range(0, RuleSetValidator.MaxRules).Select(i => Default.Rules[0] with { Id = $"rule-{i}" })],
        };

        Assert.Equal(
            [new RuleError("Rules", "A rule set has at most 200 rules, not 201."), new RuleError("Badges", "A rule set has at most 200 badges, not 201.")],
            RuleSetValidator.Validate(rules));
        Assert.Empty(RuleSetValidator.Validate(atTheLimit));
    }
}
