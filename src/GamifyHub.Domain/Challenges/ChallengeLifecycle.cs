namespace GamifyHub.Domain.Challenges;

/// <summary>What moves a challenge along.</summary>
public enum ChallengeTrigger { Schedule, Start, Complete, Expire, Cancel, Recur }

/// <summary>
/// The lifecycle: draft → scheduled → active → completed or expired; draft, scheduled and active can be cancelled; a
/// weekly challenge that completed or expired is scheduled again for its next occurrence. Cancelled is final.
/// </summary>
public static class ChallengeLifecycle
{
    public static ChallengeStatus? Next(ChallengeStatus status, ChallengeTrigger trigger) => (status, trigger) switch
    {
        (ChallengeStatus.Draft, ChallengeTrigger.Schedule) => ChallengeStatus.Scheduled,
        (ChallengeStatus.Scheduled, ChallengeTrigger.Start) => ChallengeStatus.Active,
        (ChallengeStatus.Active, ChallengeTrigger.Complete) => ChallengeStatus.Completed,
        (ChallengeStatus.Active, ChallengeTrigger.Expire) => ChallengeStatus.Expired,
        (ChallengeStatus.Draft or ChallengeStatus.Scheduled or ChallengeStatus.Active, ChallengeTrigger.Cancel) => ChallengeStatus.Cancelled,
        (ChallengeStatus.Completed or ChallengeStatus.Expired, ChallengeTrigger.Recur) => ChallengeStatus.Scheduled,
        _ => null,
    };

    public static bool IsFinal(ChallengeStatus status, ChallengeRecurrence recurrence) =>
        status == ChallengeStatus.Cancelled || (recurrence == ChallengeRecurrence.None && status is ChallengeStatus.Completed or ChallengeStatus.Expired);

    /// <summary>Whether the clock still has something to do for a challenge in this status.</summary>
    public static bool NeedsClock(ChallengeStatus status) => status is ChallengeStatus.Scheduled or ChallengeStatus.Active;
}
