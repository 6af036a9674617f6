using System.Globalization;
using GamifyHub.Domain.Badges;
using static GamifyHub.Domain.Badges.BadgeCriterion;

namespace GamifyHub.Domain.Scoring;

/// <summary>One problem in a rule set. Path points at the field, e.g. "Rules[2].Points" or "Limits.DailyCap[Listening]".</summary>
public sealed record RuleError(string Path, string Message);

/// <summary>
/// Checks a rule set before it is published, with messages an admin can act on. Scoring refuses rule sets with
/// errors, so a bad edit can never change anyone's points.
/// </summary>
public static class RuleSetValidator
{
    /// <summary>Largest base points of one rule; keeps every award (× at most 10) far inside an int.</summary>
    public const int MaxRulePoints = 100_000;

    /// <summary>Far above any real rule book (the default has a dozen), low enough that scoring and rescoring stay cheap.</summary>
    public const int MaxRules = 200;

    /// <summary>Every badge is checked on every event: bounded like the rules.</summary>
    public const int MaxBadges = 200;

    public const decimal MaxMultiplier = 10m;
    public const int MaxTranslationLength = 300;

    public static IReadOnlyList<RuleError> Validate(RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var errors = new List<RuleError>();
        void Error(string path, string message) => errors.Add(new RuleError(path, message));

        if (rules.Version < 1)
        {
            Error("Version", "Version must be 1 or higher.");
        }

        ValidateRules(rules.Rules, Error);
        ValidateMultipliers(rules.Multipliers, Error);
        ValidateLimits(rules.Limits, Error);
        if (rules.SharedCredit is null)
        {
            Error("SharedCredit", "Shared credit is required (use a share of 0 to switch it off).");
        }
        else if (rules.SharedCredit.Share is < 0 or > 1)
        {
            Error("SharedCredit.Share", $"Share must be between 0 and 1, not {Format(rules.SharedCredit.Share)}.");
        }

        ValidateAntiGaming(rules.AntiGaming, Error);
        ValidateLevelCurve(rules.LevelCurve, Error);
        ValidateBadges(rules.Badges, Error);
        return errors;
    }

    private static void ValidateRules(IReadOnlyList<ScoringRule>? rules, Action<string, string> error)
    {
        if (rules is null)
        {
            error("Rules", "Rules are required (an empty list awards nothing).");
            return;
        }

        if (rules.Count > MaxRules)
        {
            // One error, not one per rule: the document is refused as a whole.
            error("Rules", $"A rule set has at most {MaxRules} rules, not {rules.Count}.");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            var path = $"Rules[{i}]";
            var rule = rules[i];
            if (rule is null)
            {
                error(path, "Rule is missing.");
                continue;
            }

            if (ValidId(rule.Id, $"{path}.Id", "Rule", error) && !seen.Add(rule.Id))
            {
                error($"{path}.Id", $"Duplicate rule id '{rule.Id}': awards name their rule, so ids must be unique.");
            }

            if (!Enum.IsDefined(rule.Action))
            {
                error($"{path}.Action", $"Unknown action type {(int)rule.Action}.");
            }

            if (!Enum.IsDefined(rule.Category))
            {
                error($"{path}.Category", $"Unknown point category {(int)rule.Category}.");
            }

            if (rule.Points < 0)
            {
                error($"{path}.Points", $"Points must not be negative ({rule.Points}); use 0 to switch a rule off.");
            }
            else if (rule.Points > MaxRulePoints)
            {
                error($"{path}.Points", $"Points must be at most {MaxRulePoints}.");
            }

            if (string.IsNullOrWhiteSpace(rule.Reason))
            {
                error($"{path}.Reason", "Reason must not be empty: employees see it next to their points.");
            }

            foreach (var (language, text) in rule.Translations ?? new Dictionary<string, string>())
            {
                CheckTranslation($"{path}.Translations.{language}", language, text, error);
            }

            if (rule.When is { } when)
            {
                if (when.WithinSlaMinutes is <= 0)
                {
                    error($"{path}.When.WithinSlaMinutes", "The SLA must be a positive number of minutes.");
                }

                NoBlank(when.Channels, $"{path}.When.Channels", error);
                NoBlank(when.Languages, $"{path}.When.Languages", error);
                Known(when.Sentiments, $"{path}.When.Sentiments", "sentiment", error);
                Known(when.Priorities, $"{path}.When.Priorities", "priority", error);
            }
        }
    }

    private static void ValidateMultipliers(Multipliers? multipliers, Action<string, string> error)
    {
        if (multipliers is null)
        {
            error("Multipliers", "Multipliers are required (use 1 for no effect).");
            return;
        }

        Multiplier(multipliers.FirstResponder, "Multipliers.FirstResponder");
        Multiplier(multipliers.NegativeResolved, "Multipliers.NegativeResolved");

        void Multiplier(decimal value, string path)
        {
            if (value is <= 0 or > MaxMultiplier)
            {
                error(path, $"Multiplier must be greater than 0 and at most {Format(MaxMultiplier)}, not {Format(value)}.");
            }
        }
    }

    private static void ValidateLimits(Limits? limits, Action<string, string> error)
    {
        if (limits is null)
        {
            error("Limits", "Limits are required.");
            return;
        }

        if (limits.DailyCap is null)
        {
            error("Limits.DailyCap", "Daily caps are required (an empty map means no caps).");
        }
        else
        {
            foreach (var (category, cap) in limits.DailyCap.OrderBy(c => c.Key))
            {
                if (!Enum.IsDefined(category))
                {
                    error($"Limits.DailyCap[{(int)category}]", $"Unknown point category {(int)category}.");
                }
                else if (cap < 0)
                {
                    error($"Limits.DailyCap[{category}]", $"Daily cap must not be negative ({cap}); leave the category out for no cap.");
                }
            }
        }

        if (limits.DiminishAfter < 0)
        {
            error("Limits.DiminishAfter", "Diminishing returns cannot start before the first action (DiminishAfter ≥ 0).");
        }

        if (limits.DiminishFactor is <= 0 or > 1)
        {
            error("Limits.DiminishFactor", $"Diminish factor must be greater than 0 and at most 1, not {Format(limits.DiminishFactor)}.");
        }

        if (limits.CooldownMinutes is < 0 or > Limits.MaxCooldownMinutes)
        {
            error("Limits.CooldownMinutes", $"Cooldown must be between 0 and {Limits.MaxCooldownMinutes} minutes.");
        }
    }

    private static void ValidateAntiGaming(AntiGaming? antiGaming, Action<string, string> error)
    {
        if (antiGaming is null)
        {
            error("AntiGaming", "Anti-gaming settings are required (use 0 to switch a check off).");
            return;
        }

        if (antiGaming.MinReadSeconds < 0)
        {
            error("AntiGaming.MinReadSeconds", "Minimum read time must not be negative.");
        }

        if (antiGaming.BurstCount != 0 && antiGaming.BurstCount is < 2 or > AntiGaming.MaxBurstCount)
        {
            error("AntiGaming.BurstCount", $"Burst count must be 0 (off) or between 2 and {AntiGaming.MaxBurstCount}.");
        }

        if (antiGaming.BurstCount != 0 && antiGaming.BurstWindowSeconds is <= 0 or > AntiGaming.MaxBurstWindowSeconds)
        {
            error("AntiGaming.BurstWindowSeconds", $"Burst window must be between 1 and {AntiGaming.MaxBurstWindowSeconds} seconds.");
        }
    }

    private static void ValidateLevelCurve(LevelCurve? curve, Action<string, string> error)
    {
        if (curve is null)
        {
            error("LevelCurve", "A level curve is required.");
            return;
        }

        switch (curve.Kind)
        {
            case LevelCurveKind.Linear or LevelCurveKind.Exponential when curve.Base <= 0:
                error("LevelCurve.Base", "Base must be a positive amount of XP.");
                break;
            case LevelCurveKind.Table when curve.Table is null || curve.Table.Count == 0:
                error("LevelCurve.Table", "A table curve needs a table of level thresholds, starting with 0.");
                break;
            case LevelCurveKind.Table:
                if (curve.Table[0] != 0)
                {
                    error("LevelCurve.Table[0]", "Level 1 starts at 0 XP, so the table must start with 0.");
                }

                for (var i = 1; i < curve.Table.Count; i++)
                {
                    if (curve.Table[i] <= curve.Table[i - 1])
                    {
                        error($"LevelCurve.Table[{i}]",
                            $"Level thresholds must be strictly increasing: {curve.Table[i]} follows {curve.Table[i - 1]}.");
                    }
                }

                break;
            case LevelCurveKind.Linear or LevelCurveKind.Exponential:
                break;
            default:
                error("LevelCurve.Kind", $"Unknown level curve kind {(int)curve.Kind}.");
                break;
        }

        if (curve.Kind == LevelCurveKind.Exponential && curve.Growth is < 1 or > MaxMultiplier)
        {
            error("LevelCurve.Growth", $"Growth must be between 1 and {Format(MaxMultiplier)}, not {Format(curve.Growth)}.");
        }
    }

    private static void ValidateBadges(IReadOnlyList<BadgeDefinition>? badges, Action<string, string> error)
    {
        if (badges is null)
        {
            error("Badges", "Badges are required (an empty list has none).");
            return;
        }

        if (badges.Count > MaxBadges)
        {
            error("Badges", $"A rule set has at most {MaxBadges} badges, not {badges.Count}.");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < badges.Count; i++)
        {
            var path = $"Badges[{i}]";
            var badge = badges[i];
            if (badge is null)
            {
                error(path, "Badge is missing.");
                continue;
            }

            if (ValidId(badge.Id, $"{path}.Id", "Badge", error) && !seen.Add(badge.Id))
            {
                error($"{path}.Id", $"Duplicate badge id '{badge.Id}'.");
            }

            if (string.IsNullOrWhiteSpace(badge.Name))
            {
                error($"{path}.Name", "Badge name must not be empty.");
            }

            if (string.IsNullOrWhiteSpace(badge.Description))
            {
                error($"{path}.Description", "Badge description must not be empty: it tells people how to earn it.");
            }

            foreach (var (language, text) in badge.Translations ?? new Dictionary<string, BadgeText>())
            {
                CheckTranslation($"{path}.Translations.{language}.Name", language, text?.Name, error);
                CheckTranslation($"{path}.Translations.{language}.Description", language, text?.Description, error);
            }

            if (!Enum.IsDefined(badge.Tier))
            {
                error($"{path}.Tier", $"Unknown badge tier {(int)badge.Tier}.");
            }

            ValidateCriterion(badge.Criterion, $"{path}.Criterion", error);
        }
    }

    private static void ValidateCriterion(BadgeCriterion? criterion, string path, Action<string, string> error)
    {
        void Positive(int value, string name)
        {
            if (value <= 0)
            {
                error($"{path}.{name}", $"{name} must be at least 1, not {value}.");
            }
        }

        void KnownAction(ActionType action)
        {
            if (!Enum.IsDefined(action))
            {
                error($"{path}.Action", $"Unknown action type {(int)action}.");
            }
        }

        switch (criterion)
        {
            case null:
                error(path, "Badge criterion is required.");
                break;
            case ActionCount c:
                KnownAction(c.Action);
                Positive(c.Count, nameof(c.Count));
                break;
            case CategoryPoints c:
                if (!Enum.IsDefined(c.Category))
                {
                    error($"{path}.Category", $"Unknown point category {(int)c.Category}.");
                }

                Positive(c.Points, nameof(c.Points));
                break;
            case FirstEver c:
                KnownAction(c.Action);
                break;
            case Streak c:
                Positive(c.WorkingDays, nameof(c.WorkingDays));
                if (c.GraceDays < 0)
                {
                    error($"{path}.GraceDays", "Grace days must not be negative.");
                }

                break;
            case CrossDepartment c:
                Positive(c.Departments, nameof(c.Departments));
                break;
            case FastReplies c:
                Positive(c.WithinMinutes, nameof(c.WithinMinutes));
                Positive(c.Count, nameof(c.Count));
                break;
            case InsightsCreated c:
                Positive(c.Count, nameof(c.Count));
                break;
        }
    }

    private static bool ValidId(string? id, string path, string what, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            error(path, $"{what} id must not be empty.");
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                error(path, $"{what} id '{id}' may only use letters, digits, '-', '_' and '.'.");
                return false;
            }
        }

        return true;
    }

    private static void NoBlank(IReadOnlyList<string>? values, string path, Action<string, string> error)
    {
        if (values is null)
        {
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(values[i]))
            {
                error($"{path}[{i}]", "Blank values never match; remove them.");
            }
        }
    }

    private static void Known<T>(IReadOnlyList<T>? values, string path, string what, Action<string, string> error)
        where T : struct, Enum
    {
        for (var i = 0; values is not null && i < values.Count; i++)
        {
            if (!Enum.IsDefined(values[i]))
            {
                error($"{path}[{i}]", $"Unknown {what} {Convert.ToInt32(values[i], CultureInfo.InvariantCulture)}.");
            }
        }
    }

    private static string Format(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static void CheckTranslation(string path, string language, string? text, Action<string, string> error)
    {
        if (!Texts.Language.IsCode(language) || language == Texts.Language.English)
        {
            error(path, $"'{language}' is not a translation language: use a two-letter lowercase code other than 'en' (English is the rule set's own language).");
        }
        else if (string.IsNullOrWhiteSpace(text))
        {
            error(path, "A translation must not be empty; leave the language out to fall back to English.");
        }
        else if (text.Length > MaxTranslationLength)
        {
            error(path, $"A translation is at most {MaxTranslationLength} characters.");
        }
    }
}
