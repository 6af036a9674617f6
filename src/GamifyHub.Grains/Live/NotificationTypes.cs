namespace GamifyHub.Grains.Live;

/// <summary>The types of personal notifications: the wire names clients and mute preferences use.</summary>
public static class NotificationTypes
{
    public const string Award = "award";
    public const string SharedCredit = "shared-credit";
    public const string Clawback = "clawback";
    public const string Badge = "badge";
    public const string LevelUp = "level-up";
    public const string ChallengeStarted = "challenge-started";
    public const string ChallengeEndingSoon = "challenge-ending-soon";
    public const string ChallengeCompleted = "challenge-completed";
    public const string TopN = "top-n";
    public const string Kudos = "kudos";
    public const string HighPriority = "high-priority";
    public const string SlaBreach = "sla-breach";

    /// <summary>Every type, in the order preferences list them. A type not listed here is still stored, just not mutable.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Award, SharedCredit, Clawback, Badge, LevelUp, ChallengeStarted, ChallengeEndingSoon, ChallengeCompleted, TopN, Kudos,
        HighPriority, SlaBreach,
    ];
}
