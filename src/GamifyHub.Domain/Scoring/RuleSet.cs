namespace GamifyHub.Domain.Scoring;

/// <summary>
/// A versioned, data-driven set of scoring rules. Awards record the version that produced them,
/// so they can be explained and recomputed later.
/// </summary>
public sealed record RuleSet(int Version, IReadOnlyList<ScoringRule> Rules, int FirstReplyBonus)
{
    public const string FirstReplyRuleId = "first-reply-bonus";

    public static RuleSet Default { get; } = new(
        1,
        [
            new("read", ActionType.Read, PointCategory.Listening, 1, "Read a customer's feedback"),
            new("reply", ActionType.Reply, PointCategory.Responding, 5, "Replied to a customer"),
            new("tag", ActionType.Tag, PointCategory.Listening, 1, "Tagged a feedback item"),
            new("forward", ActionType.Forward, PointCategory.Collaboration, 3, "Routed feedback to another department"),
            new("insight", ActionType.Insight, PointCategory.Insight, 10, "Turned feedback into a product insight"),
            new("resolve", ActionType.Resolve, PointCategory.Responding, 8, "Closed the loop with the customer"),
        ],
        FirstReplyBonus: 5);

    public ScoringRule? RuleFor(ActionType action) => Rules.FirstOrDefault(r => r.Action == action);
}
