using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using GamifyHub.Domain.Badges;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;

namespace GamifyHub.Data;

/// <summary>
/// The stored JSON form of a rule set. It carries its own format number and names no .NET types, so renaming
/// code never breaks stored rules. Format 3 holds the whole rule set (rules with conditions, multipliers, limits,
/// shared credit, anti-gaming, level curve, badges with a "kind" discriminator; rules and badges may carry "translations"
/// by language code). Format 3 added the condition "answered" (a reply before the event); a format 2 document is format 3
/// without it, so it reads unchanged and means what it meant (a rule without "answered" matches either way), and a format
/// 2 document that names "answered" is refused (no format 2 writer ever wrote one). Format 1 (version, first-reply bonus
/// and rules) is still read and converted, taking everything else from <see cref="RuleSet.Default"/>.
/// </summary>
public static class RuleSetFormat
{
    public const int CurrentFormat = 3;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static string Write(RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return JsonSerializer.Serialize(ToDocument(rules), Options);
    }

    /// <summary>Reads format 1, 2 or 3. Throws <see cref="InvalidDataException"/> on anything it cannot read.</summary>
    public static RuleSet Read(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Rule set document is not JSON: {ex.Message}", ex);
        }

        if (node is not JsonObject obj)
        {
            throw new InvalidDataException("Rule set document must be a JSON object.");
        }

        var format = obj["format"] is JsonValue v && v.TryGetValue<int>(out var f) ? f : (int?)null;
        try
        {
            return format switch
            {
                1 => FromV1(obj.Deserialize<DocumentV1>(Options)!),
                2 => FromV2(obj.Deserialize<Document>(Options)!),
                3 => FromDocument(obj.Deserialize<Document>(Options)!),
                null => throw new InvalidDataException("Rule set document has no format number."),
                _ => throw new InvalidDataException($"Unsupported rule set format {format}."),
            };
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Rule set document is not valid: {ex.Message}", ex);
        }
        catch (NullReferenceException ex)
        {
            throw new InvalidDataException("Rule set document is missing a required part.", ex);
        }
    }

    private static RuleSet FromV1(DocumentV1 doc)
    {
        // Format 1 scored a first reply as "reply" plus a flat "first-reply-bonus"; v2 expresses that as the
        // first-responder multiplier, so a bonus equal to the reply's points means ×2.
        var d = RuleSet.Default;
        var rules = (doc.Rules ?? []).Select(r => new ScoringRule(r.Id, r.Action, r.Category, r.Points, r.Reason)).ToList();
        var replyPoints = rules.FirstOrDefault(r => r.Action == ActionType.Reply)?.Points ?? 0;
        var firstResponder = replyPoints > 0 ? Math.Round((replyPoints + doc.FirstReplyBonus) / (decimal)replyPoints, 2) : d.Multipliers.FirstResponder;
        return d with
        {
            Version = doc.Version,
            Rules = rules,
            Multipliers = d.Multipliers with { FirstResponder = firstResponder },
        };
    }

    /// <summary>Format 2 is format 3 without the "answered" condition: nothing to convert, only that to refuse.</summary>
    private static RuleSet FromV2(Document doc)
    {
        if (doc.Rules?.FirstOrDefault(r => r?.When?.Answered is not null) is { } rule)
        {
            throw new InvalidDataException($"Rule '{rule.Id}' has the condition 'answered', which needs format 3.");
        }

        return FromDocument(doc);
    }

    private static Document ToDocument(RuleSet r) => new(
        CurrentFormat,
        r.Version,
        [.. r.Rules.Select(x => new RuleDocument(x.Id, x.Action, x.Category, x.Points, x.Reason, x.When is null ? null : new ConditionsDocument(
            x.When.Channels?.ToList(), x.When.Sentiments?.ToList(), x.When.Priorities?.ToList(), x.When.DepartmentIds?.ToList(),
            x.When.Languages?.ToList(), x.When.WithinSlaMinutes, x.When.Answered), x.Translations?.ToDictionary()))],
        new MultipliersDocument(r.Multipliers.FirstResponder, r.Multipliers.NegativeResolved),
        new LimitsDocument(r.Limits.DailyCap.ToDictionary(), r.Limits.DiminishAfter, r.Limits.DiminishFactor, r.Limits.CooldownMinutes),
        new SharedCreditDocument(r.SharedCredit.Share),
        new AntiGamingDocument(r.AntiGaming.MinReadSeconds, r.AntiGaming.BurstCount, r.AntiGaming.BurstWindowSeconds),
        new LevelCurveDocument(r.LevelCurve.Kind, r.LevelCurve.Base, r.LevelCurve.Growth, r.LevelCurve.Table?.ToList()),
        [.. r.Badges.Select(b => new BadgeDocument(b.Id, b.Name, b.Description, b.Tier, b.Secret, ToDocument(b.Criterion),
            b.Translations?.ToDictionary(t => t.Key, t => (BadgeTextDocument?)new BadgeTextDocument(t.Value.Name, t.Value.Description))))]);

    private static CriterionDocument ToDocument(BadgeCriterion c) => c switch
    {
        BadgeCriterion.ActionCount x => new("actionCount", Action: x.Action, Count: x.Count),
        BadgeCriterion.CategoryPoints x => new("categoryPoints", Category: x.Category, Points: x.Points),
        BadgeCriterion.FirstEver x => new("firstEver", Action: x.Action),
        BadgeCriterion.Streak x => new("streak", WorkingDays: x.WorkingDays, GraceDays: x.GraceDays),
        BadgeCriterion.CrossDepartment x => new("crossDepartment", Departments: x.Departments),
        BadgeCriterion.FastReplies x => new("fastReplies", WithinMinutes: x.WithinMinutes, Count: x.Count),
        BadgeCriterion.InsightsCreated x => new("insightsCreated", Count: x.Count),
        _ => throw new InvalidOperationException($"Unmapped badge criterion {c.GetType().Name}."),
    };

    private static RuleSet FromDocument(Document d)
    {
        var multipliers = Required(d.Multipliers, "multipliers");
        var limits = Required(d.Limits, "limits");
        var shared = Required(d.SharedCredit, "sharedCredit");
        var antiGaming = Required(d.AntiGaming, "antiGaming");
        var curve = Required(d.LevelCurve, "levelCurve");
        return new RuleSet(
            d.Version,
            [.. Required(d.Rules, "rules").Select(r => new ScoringRule(Required(r.Id, "rules[].id"), r.Action, r.Category, r.Points,
                r.Reason ?? "", r.When is null ? null : new RuleConditions(
                    r.When.Channels, r.When.Sentiments, r.When.Priorities, r.When.DepartmentIds, r.When.Languages, r.When.WithinSlaMinutes, r.When.Answered),
                r.Translations?.AsReadOnly()))],
            new Multipliers(multipliers.FirstResponder, multipliers.NegativeResolved),
            new Limits((limits.DailyCap ?? []).AsReadOnly(), limits.DiminishAfter, limits.DiminishFactor, limits.CooldownMinutes),
            new SharedCredit(shared.Share),
            new AntiGaming(antiGaming.MinReadSeconds, antiGaming.BurstCount, antiGaming.BurstWindowSeconds),
            new LevelCurve(curve.Kind, curve.Base, curve.Growth, curve.Table),
            [.. (d.Badges ?? []).Select(b => new BadgeDefinition(Required(b.Id, "badges[].id"), b.Name ?? "", b.Description ?? "", b.Tier, b.Secret,
                FromDocument(Required(b.Criterion, "badges[].criterion")),
                b.Translations?.ToDictionary(t => t.Key, t => new BadgeText(t.Value?.Name ?? "", t.Value?.Description ?? "")).AsReadOnly()))]);
    }

    private static BadgeCriterion FromDocument(CriterionDocument c) => c.Kind switch
    {
        "actionCount" => new BadgeCriterion.ActionCount(Need(c.Action, "action"), Need(c.Count, "count")),
        "categoryPoints" => new BadgeCriterion.CategoryPoints(Need(c.Category, "category"), Need(c.Points, "points")),
        "firstEver" => new BadgeCriterion.FirstEver(Need(c.Action, "action")),
        "streak" => new BadgeCriterion.Streak(Need(c.WorkingDays, "workingDays"), c.GraceDays ?? 0),
        "crossDepartment" => new BadgeCriterion.CrossDepartment(Need(c.Departments, "departments")),
        "fastReplies" => new BadgeCriterion.FastReplies(Need(c.WithinMinutes, "withinMinutes"), Need(c.Count, "count")),
        "insightsCreated" => new BadgeCriterion.InsightsCreated(Need(c.Count, "count")),
        _ => throw new InvalidDataException($"Unknown badge criterion kind '{c.Kind}'."),
    };

    private static T Required<T>(T? value, string name)
        where T : class => value ?? throw new InvalidDataException($"Rule set document is missing '{name}'.");

    private static T Need<T>(T? value, string name)
        where T : struct => value ?? throw new InvalidDataException($"Badge criterion is missing '{name}'.");

    private sealed record DocumentV1(int Format, int Version, int FirstReplyBonus, List<RuleDocumentV1>? Rules);

    private sealed record RuleDocumentV1(string Id, ActionType Action, PointCategory Category, int Points, string Reason);

    private sealed record Document(
        int Format,
        int Version,
        List<RuleDocument>? Rules,
        MultipliersDocument? Multipliers,
        LimitsDocument? Limits,
        SharedCreditDocument? SharedCredit,
        AntiGamingDocument? AntiGaming,
        LevelCurveDocument? LevelCurve,
        List<BadgeDocument>? Badges);

    private sealed record RuleDocument(string? Id, ActionType Action, PointCategory Category, int Points, string? Reason, ConditionsDocument? When,
        Dictionary<string, string>? Translations = null);

    private sealed record ConditionsDocument(
        List<string>? Channels,
        List<Sentiment>? Sentiments,
        List<Priority>? Priorities,
        List<Guid>? DepartmentIds,
        List<string>? Languages,
        int? WithinSlaMinutes,
        bool? Answered = null);

    private sealed record MultipliersDocument(decimal FirstResponder, decimal NegativeResolved);

    private sealed record LimitsDocument(Dictionary<PointCategory, int>? DailyCap, int DiminishAfter, decimal DiminishFactor, int CooldownMinutes);

    private sealed record SharedCreditDocument(decimal Share);

    private sealed record AntiGamingDocument(int MinReadSeconds, int BurstCount, int BurstWindowSeconds);

    private sealed record LevelCurveDocument(LevelCurveKind Kind, int Base, decimal Growth, List<int>? Table);

    private sealed record BadgeDocument(string? Id, string? Name, string? Description, BadgeTier Tier, bool Secret, CriterionDocument? Criterion,
        Dictionary<string, BadgeTextDocument?>? Translations = null);

    private sealed record BadgeTextDocument(string? Name, string? Description);

    private sealed record CriterionDocument(
        string Kind,
        ActionType? Action = null,
        PointCategory? Category = null,
        int? Count = null,
        int? Points = null,
        int? WorkingDays = null,
        int? GraceDays = null,
        int? Departments = null,
        int? WithinMinutes = null);
}
