using System.Globalization;
using System.Runtime.CompilerServices;
using GamifyHub.Domain.Texts;

namespace GamifyHub.Domain.Scoring;

/// <summary>
/// A validated rule set in the shape the hot scoring loop wants: rules indexed by action, caps by category, reasons
/// and powers precomputed. Cached per rule set instance (weakly, so it never changes record equality or leaks).
/// </summary>
internal sealed class CompiledRules
{
    internal static readonly int ActionKinds = (int)Enum.GetValues<ActionType>().Max() + 1;
    internal static readonly int CategoryKinds = (int)Enum.GetValues<PointCategory>().Max() + 1;

    private static readonly ConditionalWeakTable<RuleSet, CompiledRules> Cache = new();

    private readonly CompiledRule[][] _byAction;
    private readonly decimal[] _diminish;

    private CompiledRules(RuleSet rules)
    {
        var errors = RuleSetValidator.Validate(rules);
        if (errors.Count > 0)
        {
            var more = errors.Count > 1 ? $" (and {errors.Count - 1} more)" : "";
            throw new ArgumentException(
                $"Rule set version {rules.Version} is invalid: {errors[0].Path}: {errors[0].Message}{more}", nameof(rules));
        }

        Version = rules.Version;
        var byAction = new List<CompiledRule>[ActionKinds];
        for (var i = 0; i < ActionKinds; i++)
        {
            byAction[i] = [];
        }

        foreach (var rule in rules.Rules)
        {
            if (rule.Points > 0)
            {
                byAction[(int)rule.Action].Add(new CompiledRule(rule, rules.Multipliers));
            }
        }

        _byAction = [.. byAction.Select(l => l.ToArray())];

        Caps = new long[CategoryKinds];
        CapReachedSuffix = new string[CategoryKinds];
        for (var c = 0; c < CategoryKinds; c++)
        {
            Caps[c] = rules.Limits.DailyCap.TryGetValue((PointCategory)c, out var cap) ? cap : long.MaxValue;
            CapReachedSuffix[c] = ReasonPhrases.English.CapReached((PointCategory)c);
        }

        DiminishAfter = rules.Limits.DiminishAfter;
        DiminishFactor = rules.Limits.DiminishFactor;
        _diminish = Powers(DiminishFactor);
        CooldownTicks = TimeSpan.TicksPerMinute * rules.Limits.CooldownMinutes;
        Share = rules.SharedCredit.Share;
        MinReadSeconds = rules.AntiGaming.MinReadSeconds;
        BurstCount = rules.AntiGaming.BurstCount;
        BurstWindowTicks = TimeSpan.TicksPerSecond * rules.AntiGaming.BurstWindowSeconds;
    }

    public int Version { get; }

    public long[] Caps { get; }

    public string[] CapReachedSuffix { get; }

    public int DiminishAfter { get; }

    public decimal DiminishFactor { get; }

    public long CooldownTicks { get; }

    public decimal Share { get; }

    public int MinReadSeconds { get; }

    public int BurstCount { get; }

    public long BurstWindowTicks { get; }

    public static string Diminished(string reason) => reason + ReasonPhrases.English.Diminished;

    /// <summary>Validates once per rule set instance; throws <see cref="ArgumentException"/> for an invalid one.</summary>
    public static CompiledRules For(RuleSet rules) => Cache.GetValue(rules, static r => new CompiledRules(r));

    public CompiledRule[] RulesFor(ActionType action) => _byAction[(int)action];

    /// <summary>Multiplier for the nth rewarded action of a type on one day: DiminishFactor^(n − DiminishAfter), or 1.</summary>
    public decimal DiminishFor(int nth)
    {
        var k = nth - DiminishAfter;
        if (k <= 0 || DiminishFactor == 1m)
        {
            return 1m;
        }

        if (k < _diminish.Length)
        {
            return _diminish[k];
        }

        // Past the table: keep multiplying, exactly as the table was built, so the value is the same either way.
        var value = _diminish[^1];
        for (var i = _diminish.Length - 1; i < k && value != 0; i++)
        {
            value *= DiminishFactor;
        }

        return value;
    }

    private static decimal[] Powers(decimal factor)
    {
        var powers = new List<decimal> { 1m };
        var value = 1m;
        while (powers.Count < 256 && value != 0)
        {
            value *= factor;
            powers.Add(value);
        }

        return [.. powers];
    }
}

/// <summary>One rule with its multiplier and reasons worked out, so scoring allocates no strings in the plain case.</summary>
internal sealed class CompiledRule
{
    public CompiledRule(ScoringRule rule, Multipliers multipliers)
    {
        Rule = rule;
        When = rule.When;
        (Multiplier, MultipliedReason) = rule.Action switch
        {
            ActionType.Reply => (multipliers.FirstResponder, rule.Reason + ReasonPhrases.English.Multiplied(ActionType.Reply, multipliers.FirstResponder)),
            ActionType.Resolve => (multipliers.NegativeResolved, rule.Reason + ReasonPhrases.English.Multiplied(ActionType.Resolve, multipliers.NegativeResolved)),
            _ => (1m, rule.Reason),
        };
        SharedRuleId = rule.Id + AwardLine.SharedSuffix;
        SharedReason = rule.Action == ActionType.Insight ? ReasonPhrases.English.SharedInsight : ReasonPhrases.English.SharedResolve;
    }

    public ScoringRule Rule { get; }

    public RuleConditions? When { get; }

    /// <summary>First responder (reply rules) or negative resolved (resolve rules); 1 for other actions.</summary>
    public decimal Multiplier { get; }

    public string MultipliedReason { get; }

    public string SharedRuleId { get; }

    public string SharedReason { get; }
}
