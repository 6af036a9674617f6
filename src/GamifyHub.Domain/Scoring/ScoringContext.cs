namespace GamifyHub.Domain.Scoring;

/// <summary>What the scoring engine needs to know about one engagement event.</summary>
/// <param name="IsFirstReplyOnItem">No one had replied to the item before this event.</param>
/// <param name="AlreadyDoneByActor">The actor already did this action on this item (e.g. read twice).</param>
public sealed record ScoringContext(ActionType Action, bool IsFirstReplyOnItem, bool AlreadyDoneByActor);
