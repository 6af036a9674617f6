using GamifyHub.Domain.Scoring;

namespace GamifyHub.Domain.Challenges;

/// <summary>A challenge as a client sent it: everything optional and unparsed, so each problem can be named.</summary>
public sealed record ChallengeDraft(
    string? Name,
    string? Description,
    string? Metric,
    string? Action,
    string? Category,
    double? Target,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? Scope,
    IReadOnlyList<Guid>? DepartmentIds,
    int? RewardPoints,
    string? RewardBadge,
    string? Recurrence);

/// <summary>One problem with a draft: the field (as the API names it) and a message a person can act on.</summary>
public sealed record ChallengeError(string Field, string Message);

/// <summary>Checks a draft and turns it into a <see cref="ChallengeDefinition"/>; pure, so the API and tests share it.</summary>
public static class ChallengeValidator
{
    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 1000;
    public const int MaxBadgeLength = 60;
    public const int MaxRewardPoints = 1000;
    public const double MaxTarget = 1_000_000;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(92);

    /// <param name="now">Start times may lie at most a minute in the past (clock skew between browser and server).</param>
    /// <param name="knownDepartments">Departments that exist.</param>
    public static IReadOnlyList<ChallengeError> Validate(ChallengeDraft draft, DateTimeOffset now, IReadOnlySet<Guid> knownDepartments,
        out ChallengeDefinition? definition)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<ChallengeError>();
        definition = null;

        var name = draft.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            errors.Add(new("name", $"'name' is required, at most {MaxNameLength} characters."));
        }

        var description = draft.Description?.Trim() ?? "";
        if (description.Length > MaxDescriptionLength)
        {
            errors.Add(new("description", $"'description' has at most {MaxDescriptionLength} characters."));
        }

        ChallengeMetric? metric = null;
        if (!ChallengeNames.TryMetric(draft.Metric, out var kind))
        {
            errors.Add(new("metric", "'metric' must be one of: " + string.Join(", ", Enum.GetValues<ChallengeMetricKind>().Select(ChallengeNames.Metric)) + "."));
        }
        else if (kind == ChallengeMetricKind.ActionCount)
        {
            if (!ActionTypes.TryParse(draft.Action, out var action))
            {
                errors.Add(new("action", "'action' names the action type counted: " + string.Join(", ", ActionTypes.Actions.Select(ActionTypes.Name)) + "."));
            }
            else
            {
                metric = new ChallengeMetric(kind, Action: action);
            }
        }
        else if (kind == ChallengeMetricKind.CategoryPoints)
        {
            if (!ChallengeNames.TryCategory(draft.Category, out var category))
            {
                errors.Add(new("category", "'category' names the point category: " + string.Join(", ", Enum.GetValues<PointCategory>().Select(ChallengeNames.Category)) + "."));
            }
            else
            {
                metric = new ChallengeMetric(kind, Category: category);
            }
        }
        else
        {
            metric = new ChallengeMetric(kind);
        }

        var maxTarget = kind == ChallengeMetricKind.ReadRate ? 100 : MaxTarget;
        if (draft.Target is not { } target || double.IsNaN(target) || target <= 0 || target > maxTarget)
        {
            errors.Add(new("target", kind == ChallengeMetricKind.ReadRate
                ? "'target' is a read rate in percent, above 0 and at most 100."
                : kind == ChallengeMetricKind.MedianFirstResponse
                    ? "'target' is the median first-response time to beat, in minutes, above 0."
                    : $"'target' is a number above 0 and at most {MaxTarget:0}."));
        }

        if (draft.StartsAt is not { } start)
        {
            errors.Add(new("startsAt", "'startsAt' is required (an ISO 8601 time)."));
        }
        else if (start < now.AddMinutes(-1))
        {
            errors.Add(new("startsAt", "'startsAt' lies in the past."));
        }

        if (draft.EndsAt is not { } end)
        {
            errors.Add(new("endsAt", "'endsAt' is required (an ISO 8601 time)."));
        }
        else if (draft.StartsAt is { } s && (end <= s || end - s > MaxDuration))
        {
            errors.Add(new("endsAt", $"'endsAt' comes after 'startsAt', at most {MaxDuration.TotalDays:0} days later."));
        }

        if (!ChallengeNames.TryRecurrence(draft.Recurrence ?? "none", out var recurrence))
        {
            errors.Add(new("recurrence", "'recurrence' is none or weekly."));
        }
        else if (recurrence == ChallengeRecurrence.Weekly && draft.StartsAt is { } ws && draft.EndsAt is { } we && we - ws > TimeSpan.FromDays(7))
        {
            errors.Add(new("recurrence", "A weekly challenge lasts at most 7 days."));
        }

        ChallengeScope? scope = null;
        var departments = (draft.DepartmentIds ?? []).Distinct().ToList();
        if (!ChallengeNames.TryScope(draft.Scope, out var scopeKind))
        {
            errors.Add(new("scope", "'scope' must be department, team-vs-team or company."));
        }
        else if (departments.Any(d => !knownDepartments.Contains(d)))
        {
            errors.Add(new("departmentIds", "'departmentIds' names a department that does not exist."));
        }
        else
        {
            var count = departments.Count;
            var problem = scopeKind switch
            {
                ChallengeScopeKind.Department when count != 1 => "A department challenge names exactly one department in 'departmentIds'.",
                ChallengeScopeKind.TeamVsTeam when count < 2 => "A team-vs-team challenge names at least two departments in 'departmentIds'.",
                ChallengeScopeKind.Company when count != 0 => "A company-wide challenge names no departments.",
                _ => null,
            };
            if (problem is not null)
            {
                errors.Add(new("departmentIds", problem));
            }
            else
            {
                scope = new ChallengeScope(scopeKind, departments);
            }
        }

        var points = draft.RewardPoints ?? 0;
        if (points is < 0 or > MaxRewardPoints)
        {
            errors.Add(new("rewardPoints", $"'rewardPoints' is between 0 and {MaxRewardPoints}."));
        }

        var badge = string.IsNullOrWhiteSpace(draft.RewardBadge) ? null : draft.RewardBadge.Trim();
        if (badge is { Length: > MaxBadgeLength })
        {
            errors.Add(new("rewardBadge", $"'rewardBadge' has at most {MaxBadgeLength} characters."));
        }
        else if (points == 0 && badge is null && draft.RewardPoints is >= 0 or null)
        {
            errors.Add(new("rewardPoints", "A challenge rewards points, a badge or both: give 'rewardPoints' above 0 or a 'rewardBadge'."));
        }

        if (errors.Count == 0)
        {
            definition = new ChallengeDefinition(name!, description, metric!, draft.Target!.Value, draft.StartsAt!.Value.ToUniversalTime(),
                draft.EndsAt!.Value.ToUniversalTime(), scope!, points, badge, recurrence);
        }

        return errors;
    }
}
