using System.Security.Cryptography;
using GamifyHub.Domain.Scoring;

namespace GamifyHub.Domain.Challenges;

/// <summary>Who is rewarded, with what, under which event id.</summary>
public static class ChallengeRewards
{
    public const string RuleId = "challenge";

    /// <summary>
    /// The reward's event id: the same for the same challenge, occurrence and employee, every time and on every silo, so
    /// the writer's deduplication stores a reward once however often (or however concurrently) it is granted. A name-based
    /// GUID (RFC 9562 version 8) over a SHA-256 of the three.
    /// </summary>
    public static Guid EventId(Guid challengeId, int occurrence, Guid employeeId)
    {
        Span<byte> input = stackalloc byte[36];
        challengeId.TryWriteBytes(input[..16]);
        BitConverter.TryWriteBytes(input[16..20], occurrence);
        employeeId.TryWriteBytes(input[20..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        var bytes = hash[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80); // version 8 (little-endian layout of Guid bytes 6-7)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(bytes);
    }

    /// <summary>The category reward points land in: the metric's own category, else the one its action earns in.</summary>
    public static PointCategory Category(ChallengeMetric metric) => metric.Kind switch
    {
        ChallengeMetricKind.CategoryPoints => metric.Category ?? PointCategory.Collaboration,
        ChallengeMetricKind.ReadRate => PointCategory.Listening,
        ChallengeMetricKind.MedianFirstResponse => PointCategory.Responding,
        ChallengeMetricKind.InsightsCreated => PointCategory.Insight,
        ChallengeMetricKind.ItemsResolved => PointCategory.Responding,
        _ => metric.Action switch
        {
            ActionType.Read => PointCategory.Listening,
            ActionType.Reply or ActionType.Resolve => PointCategory.Responding,
            ActionType.Insight => PointCategory.Insight,
            _ => PointCategory.Collaboration,
        },
    };

    /// <summary>
    /// Who earns the reward now. Department scope: each employee who reached the target (as they reach it). Company scope:
    /// everyone who contributed, once the collective total is reached. Team-vs-team: the members of the winning teams, at the
    /// end only (<paramref name="ended"/>).
    /// </summary>
    /// <param name="contributors">Employees with at least one counted event, with their department at the time.</param>
    /// <param name="teamMembers">Employees of each department, for team rewards.</param>
    public static IReadOnlyList<Guid> Due(ChallengeDefinition challenge, ChallengeStanding standing, bool ended,
        IReadOnlyCollection<Guid> contributors, IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> teamMembers)
    {
        switch (challenge.Scope.Kind)
        {
            case ChallengeScopeKind.Department:
                return [.. standing.Units.Where(u => u.Reached).Select(u => u.Id).Order()];
            case ChallengeScopeKind.Company:
                return standing.TotalReached ? [.. contributors.Order()] : [];
            default:
                if (!ended)
                {
                    return [];
                }

                return [.. ChallengeProgress.Winners(challenge.Metric, standing.Units, challenge.Target)
                    .SelectMany(team => teamMembers.GetValueOrDefault(team) ?? []).Distinct().Order()];
        }
    }

    /// <summary>How an occurrence that ran to its end turned out: completed if anyone earned the reward (or the collective goal
    /// was met), expired otherwise.</summary>
    public static ChallengeTrigger Outcome(ChallengeDefinition challenge, ChallengeStanding standing, int rewarded) =>
        challenge.Scope.Kind switch
        {
            ChallengeScopeKind.Company => standing.TotalReached ? ChallengeTrigger.Complete : ChallengeTrigger.Expire,
            ChallengeScopeKind.TeamVsTeam => ChallengeProgress.Winners(challenge.Metric, standing.Units, challenge.Target).Count > 0
                ? ChallengeTrigger.Complete : ChallengeTrigger.Expire,
            _ => rewarded > 0 || standing.Units.Any(u => u.Reached) ? ChallengeTrigger.Complete : ChallengeTrigger.Expire,
        };
}
