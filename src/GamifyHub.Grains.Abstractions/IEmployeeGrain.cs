namespace GamifyHub.Grains;

/// <summary>One employee: totals, recent awards and personal notifications.</summary>
[Alias("gh.IEmployeeGrain")]
public interface IEmployeeGrain : IGrainWithGuidKey
{
    [Alias("GetSummary")]
    Task<EmployeeSummary> GetSummary();

    /// <summary>Scores an accepted action on a feedback item with this employee's ledger, records it, and observes it
    /// once durable. Not reentrant: scoring reads the ledger, so the employee's events are scored one at a time.</summary>
    [Alias("Score")]
    Task<ScoredEvent> Score(ScoreRequest request);

    /// <summary>Records an event that concerns no feedback item (e.g. from an integration), scored like any other.</summary>
    [Alias("RecordExternal")]
    Task<ActionOutcome> RecordExternal(ActionCommand command);

    /// <summary>Level and badges (earned and progress) under the rules in force; unearned secret badges are left out.</summary>
    [Alias("GetProgress")]
    Task<EmployeeProgress> GetProgress();

    /// <summary>Records a challenge reward as this employee's reward event (points as an award line, the badge as its text)
    /// through the single writer; true when it was stored now, false when that event id was already stored.</summary>
    [Alias("RecordReward")]
    Task<bool> RecordReward(ChallengeReward reward);

    [Alias("ApplyAwards")]
    Task ApplyAwards(IReadOnlyList<EarnedAwards> earned);
}
