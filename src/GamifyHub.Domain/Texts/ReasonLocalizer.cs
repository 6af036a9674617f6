using System.Text.RegularExpressions;
using GamifyHub.Domain.Scoring;

namespace GamifyHub.Domain.Texts;

/// <summary>
/// Renders a stored award reason in another language. Stored reasons are English and built by scoring from parts:
/// the rule's reason, then optionally a multiplier, diminishing returns, a reached cap and the part shared with the
/// forwarders (or one of the fixed shared
/// credit and clawback texts). This takes those parts back off with the English <see cref="ReasonPhrases"/> and puts
/// them together again in the target language. Anything it does not recognise stays in English rather than being guessed.
/// </summary>
public static partial class ReasonLocalizer
{
    [GeneratedRegex(@" \((\d{1,9}) [^()]*\)$", RegexOptions.CultureInvariant)]
    private static partial Regex SharedOutPattern();

    public static string Localize(string reason, string ruleId, RuleSet rules, string language)
    {
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(ruleId);
        ArgumentNullException.ThrowIfNull(rules);
        if (language == Language.English)
        {
            return reason;
        }

        var en = ReasonPhrases.English;
        var target = ReasonPhrases.For(language);
        if (ReferenceEquals(target, en))
        {
            return reason;
        }

        if (reason == en.Clawback)
        {
            return target.Clawback;
        }

        if (reason == en.SharedInsight)
        {
            return target.SharedInsight;
        }

        if (reason == en.SharedResolve)
        {
            return target.SharedResolve;
        }

        var baseId = ruleId.EndsWith(AwardLine.ClawbackSuffix, StringComparison.Ordinal) ? ruleId[..^AwardLine.ClawbackSuffix.Length] : ruleId;
        var rule = rules.Rules.FirstOrDefault(r => r.Id == baseId);
        if (rule is null || !reason.StartsWith(rule.Reason, StringComparison.Ordinal))
        {
            return reason;
        }

        var rest = reason[rule.Reason.Length..];
        var suffix = "";
        var sharedOut = SharedOutPattern().Match(rest);
        if (sharedOut.Success && int.TryParse(sharedOut.Groups[1].ValueSpan, out var shared) && rest.EndsWith(en.SharedOut(shared), StringComparison.Ordinal))
        {
            rest = rest[..^en.SharedOut(shared).Length];
            suffix = target.SharedOut(shared);
        }

        foreach (var category in Enum.GetValues<PointCategory>())
        {
            if (rest.EndsWith(en.CapReached(category), StringComparison.Ordinal))
            {
                rest = rest[..^en.CapReached(category).Length];
                suffix = target.CapReached(category) + suffix;
                break;
            }
        }

        if (rest.EndsWith(en.Diminished, StringComparison.Ordinal))
        {
            rest = rest[..^en.Diminished.Length];
            suffix = target.Diminished + suffix;
        }

        var multiplier = rule.Action == ActionType.Reply ? rules.Multipliers.FirstResponder : rules.Multipliers.NegativeResolved;
        if (rest.Length > 0 && rest == en.Multiplied(rule.Action, multiplier))
        {
            suffix = target.Multiplied(rule.Action, multiplier) + suffix;
            rest = "";
        }

        return rest.Length == 0 ? rule.ReasonIn(language) + suffix : reason;
    }
}
