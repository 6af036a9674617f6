namespace GamifyHub.Data.Writing;

/// <summary>
/// A record was scored under a rule set version that is no longer in force: a rescore committed between scoring and
/// committing it. Nothing was stored; the caller reloads its projections and scores the event again.
/// </summary>
public sealed class StaleRulesException(int scoredUnder, int inForce)
    : Exception($"The event was scored with rules version {scoredUnder}, but version {inForce} is in force now.")
{
    public int ScoredUnder { get; } = scoredUnder;

    public int InForce { get; } = inForce;
}
