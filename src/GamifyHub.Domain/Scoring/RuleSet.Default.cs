using GamifyHub.Domain.Badges;
using static GamifyHub.Domain.Badges.BadgeCriterion;

namespace GamifyHub.Domain.Scoring;

public sealed partial record RuleSet
{
    /// <summary>
    /// Version 1: today's points for the plain cases (a first reply still earns 10 = 5 × 2), plus limits, levels and
    /// badges a works council can sign off on. Companies start here and publish new versions.
    /// </summary>
    public static RuleSet Default { get; } = new(
        Version: 1,
        Rules:
        [
            new("read", ActionType.Read, PointCategory.Listening, 1, "Read a customer's feedback"),
            new("reply", ActionType.Reply, PointCategory.Responding, 5, "Replied to a customer"),
            new("tag", ActionType.Tag, PointCategory.Listening, 1, "Tagged a feedback item"),
            new("forward", ActionType.Forward, PointCategory.Collaboration, 3, "Routed feedback to another department"),
            new("insight", ActionType.Insight, PointCategory.Insight, 10, "Turned feedback into a product insight"),
            new("resolve", ActionType.Resolve, PointCategory.Responding, 8, "Closed the loop with the customer"),
        ],
        Multipliers: new(FirstResponder: 2.0m, NegativeResolved: 1.5m),
        Limits: new(
            DailyCap: new Dictionary<PointCategory, int>
            {
                [PointCategory.Listening] = 30,
                [PointCategory.Responding] = 150,
                [PointCategory.Insight] = 100,
                [PointCategory.Collaboration] = 60,
            }.AsReadOnly(),
            DiminishAfter: 20,
            DiminishFactor: 0.5m,
            CooldownMinutes: 2),
        SharedCredit: new(0.25m),
        AntiGaming: new(MinReadSeconds: 3, BurstCount: 6, BurstWindowSeconds: 60),
        LevelCurve: new(LevelCurveKind.Exponential, Base: 100, Growth: 1.2m, Table: null),
        Badges: CreateDefaultBadges());

    private static IReadOnlyList<BadgeDefinition> CreateDefaultBadges() =>
    [
        new("first-listener", "First Listener", "Read your first piece of customer feedback.",
            BadgeTier.Bronze, false, new FirstEver(ActionType.Read)),
        new("first-words", "First Words", "Answered a customer for the first time.",
            BadgeTier.Bronze, false, new FirstEver(ActionType.Reply)),
        new("voice-of-the-customer", "Voice of the Customer", "Read 100 feedback items.",
            BadgeTier.Silver, false, new ActionCount(ActionType.Read, 100)),
        new("good-listener", "Good Listener", "Earned 500 Listening points.",
            BadgeTier.Gold, false, new CategoryPoints(PointCategory.Listening, 500)),
        new("loop-closer", "Loop Closer", "Resolved 25 feedback items.",
            BadgeTier.Silver, false, new ActionCount(ActionType.Resolve, 25)),
        new("customer-champion", "Customer Champion", "Earned 1,000 Responding points.",
            BadgeTier.Gold, false, new CategoryPoints(PointCategory.Responding, 1000)),
        new("signal-booster", "Signal Booster", "Forwarded 10 items to the department that can act on them.",
            BadgeTier.Bronze, false, new ActionCount(ActionType.Forward, 10)),
        new("bridge-builder", "Bridge Builder", "Worked on feedback shared with 3 other departments.",
            BadgeTier.Silver, false, new CrossDepartment(3)),
        new("speedy-responder", "Speedy Responder", "Gave the first answer within an hour, 10 times.",
            BadgeTier.Silver, false, new FastReplies(WithinMinutes: 60, Count: 10)),
        new("insight-hunter", "Insight Hunter", "Turned 5 pieces of feedback into product insights.",
            BadgeTier.Bronze, false, new InsightsCreated(5)),
        new("insight-architect", "Insight Architect", "Turned 25 pieces of feedback into product insights.",
            BadgeTier.Gold, false, new InsightsCreated(25)),
        new("taxonomist", "Taxonomist", "Tagged 50 feedback items.",
            BadgeTier.Bronze, false, new ActionCount(ActionType.Tag, 50)),
        new("streak-keeper", "Streak Keeper", "Engaged with feedback 5 working days in a row (one day off allowed).",
            BadgeTier.Bronze, false, new Streak(WorkingDays: 5, GraceDays: 1)),
        new("marathon-listener", "Marathon Listener", "Engaged with feedback 20 working days in a row (two days off allowed).",
            BadgeTier.Gold, false, new Streak(WorkingDays: 20, GraceDays: 2)),
        new("lightning-reflexes", "Lightning Reflexes", "Gave the first answer within 5 minutes, 3 times.",
            BadgeTier.Gold, true, new FastReplies(WithinMinutes: 5, Count: 3)),
        new("company-cartographer", "Company Cartographer", "Worked on feedback shared with 6 other departments.",
            BadgeTier.Gold, true, new CrossDepartment(6)),
    ];
}
