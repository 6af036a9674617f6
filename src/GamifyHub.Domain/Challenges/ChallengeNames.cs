using GamifyHub.Domain.Scoring;

namespace GamifyHub.Domain.Challenges;

/// <summary>The wire names of the challenge enums (kebab case), used by the API and the web client.</summary>
public static class ChallengeNames
{
    public static string Metric(ChallengeMetricKind kind) => kind switch
    {
        ChallengeMetricKind.ActionCount => "action-count",
        ChallengeMetricKind.CategoryPoints => "category-points",
        ChallengeMetricKind.ReadRate => "read-rate",
        ChallengeMetricKind.MedianFirstResponse => "median-first-response",
        ChallengeMetricKind.InsightsCreated => "insights-created",
        _ => "items-resolved",
    };

    public static string Scope(ChallengeScopeKind kind) => kind switch
    {
        ChallengeScopeKind.Department => "department",
        ChallengeScopeKind.TeamVsTeam => "team-vs-team",
        _ => "company",
    };

    public static string Status(ChallengeStatus status) => status.ToString().ToLowerInvariant();

    public static string Recurrence(ChallengeRecurrence recurrence) => recurrence == ChallengeRecurrence.Weekly ? "weekly" : "none";

    public static string Category(PointCategory category) => category.ToString().ToLowerInvariant();

    public static bool TryMetric(string? value, out ChallengeMetricKind kind) => TryFind(value, Enum.GetValues<ChallengeMetricKind>(), Metric, out kind);

    public static bool TryScope(string? value, out ChallengeScopeKind kind) => TryFind(value, Enum.GetValues<ChallengeScopeKind>(), Scope, out kind);

    public static bool TryRecurrence(string? value, out ChallengeRecurrence recurrence) =>
        TryFind(value, Enum.GetValues<ChallengeRecurrence>(), Recurrence, out recurrence);

    public static bool TryCategory(string? value, out PointCategory category) =>
        TryFind(value, Enum.GetValues<PointCategory>(), Category, out category);

    private static bool TryFind<T>(string? value, T[] candidates, Func<T, string> name, out T found)
        where T : struct
    {
        foreach (var candidate in candidates)
        {
            if (string.Equals(name(candidate), value, StringComparison.Ordinal))
            {
                found = candidate;
                return true;
            }
        }

        found = default;
        return false;
    }
}
