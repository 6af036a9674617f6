using GamifyHub.Domain.Scoring;

namespace GamifyHub.Domain.Badges;

public enum BadgeTier { Bronze, Silver, Gold }

/// <summary>A badge of a rule set. Earned from <see cref="EmployeeStats"/> by <see cref="BadgeEvaluator"/>.</summary>
/// <param name="Id">Stable id (stored with earned badges). Letters, digits, '-', '_' and '.' only.</param>
/// <param name="Secret">Shown only once earned: a surprise, not a goal to grind for. Callers hide unearned secret badges.</param>
/// <param name="Translations">Name and description in other languages, by two-letter code (e.g. "de").</param>
public sealed record BadgeDefinition(
    string Id,
    string Name,
    string Description,
    BadgeTier Tier,
    bool Secret,
    BadgeCriterion Criterion,
    IReadOnlyDictionary<string, BadgeText>? Translations = null)
{
    /// <summary>Name and description in <paramref name="language"/>, or the English ones when there is no translation.</summary>
    public BadgeText TextIn(string language) =>
        Translations is not null && Translations.TryGetValue(language, out var text) ? text : new BadgeText(Name, Description);
}

/// <summary>A badge's name and description in one language.</summary>
public sealed record BadgeText(string Name, string Description);

/// <summary>
/// What a badge asks for. A closed set (the constructor is private), so storage and the evaluator can handle every
/// case; add a new nested record here together with its evaluation and validation.
/// </summary>
public abstract record BadgeCriterion
{
    private BadgeCriterion()
    {
    }

    /// <summary>Rewarded actions of one type, ever.</summary>
    public sealed record ActionCount(ActionType Action, int Count) : BadgeCriterion;

    /// <summary>Points in one category, ever (including shared credit received, net of clawbacks).</summary>
    public sealed record CategoryPoints(PointCategory Category, int Points) : BadgeCriterion;

    /// <summary>The first rewarded action of a type.</summary>
    public sealed record FirstEver(ActionType Action) : BadgeCriterion;

    /// <summary>
    /// A run of WorkingDays working days (Monday to Friday) with at least one rewarded action each, in which up to
    /// GraceDays working days may be missed in total. Weekends neither count nor break a run.
    /// </summary>
    public sealed record Streak(int WorkingDays, int GraceDays) : BadgeCriterion;

    /// <summary>Worked on items routed to at least this many departments other than the employee's own.</summary>
    public sealed record CrossDepartment(int Departments) : BadgeCriterion;

    /// <summary>First replies on items within WithinMinutes of the item being received, Count times.</summary>
    public sealed record FastReplies(int WithinMinutes, int Count) : BadgeCriterion;

    /// <summary>Rewarded insight actions (feedback linked to a backlog item).</summary>
    public sealed record InsightsCreated(int Count) : BadgeCriterion;
}
