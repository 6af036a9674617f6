namespace GamifyHub.Grains;

/// <summary>One employee: totals, recent awards and personal notifications.</summary>
[Alias("gh.IEmployeeGrain")]
public interface IEmployeeGrain : IGrainWithGuidKey
{
    [Alias("GetSummary")]
    Task<EmployeeSummary> GetSummary();

    /// <summary>Scores an accepted action on a feedback item with this employee's ledger and records it; answers once it is
    /// durable. The employee's events are scored one at a time, in the order they arrive, on top of those still committing.</summary>
    [Alias("Score")]
    Task<ScoredEvent> Score(ScoreRequest request);

    /// <summary>Records an event that concerns no feedback item (e.g. from an integration), scored like any other.</summary>
    [Alias("RecordExternal")]
    Task<ActionOutcome> RecordExternal(ActionCommand command);

    /// <summary>Records this employee's events that concern no feedback item, scored in the order given (each on top of
    /// the ones before it), and answers per event, in that order, once all are durable. If one fails, those after it fail
    /// too (nothing of them stored) and the call fails; those before it stay recorded, so a retry of the whole list is safe.</summary>
    [Alias("RecordExternalBatch")]
    Task<IReadOnlyList<ActionOutcome>> RecordExternalBatch(IReadOnlyList<ActionCommand> commands);

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
