namespace GamifyHub.Domain.Scoring;

/// <summary>Turns one engagement event into awards. Pure: same rules and context give the same awards.</summary>
public static class ScoringEngine
{
    /// <summary>Actions that earn only once per employee and item; repeating them is allowed but worthless.</summary>
    private static readonly HashSet<ActionType> OncePerItem = [ActionType.Read, ActionType.Insight];

    public static IReadOnlyList<Award> Score(RuleSet rules, ScoringContext context)
    {
        if (context.AlreadyDoneByActor && OncePerItem.Contains(context.Action))
        {
            return [];
        }

        var rule = rules.RuleFor(context.Action);
        if (rule is null || rule.Points == 0)
        {
            return [];
        }

        var awards = new List<Award>(2) { new(rule.Points, rule.Category, rule.Id, rules.Version, rule.Reason) };
        if (context.Action == ActionType.Reply && context.IsFirstReplyOnItem && rules.FirstReplyBonus > 0)
        {
            awards.Add(new(rules.FirstReplyBonus, PointCategory.Responding, RuleSet.FirstReplyRuleId, rules.Version,
                "First to answer this customer"));
        }

        return awards;
    }

    public static int Total(IEnumerable<Award> awards) => awards.Sum(a => a.Points);
}
