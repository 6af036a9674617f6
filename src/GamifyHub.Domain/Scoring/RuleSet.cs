using GamifyHub.Domain.Badges;

namespace GamifyHub.Domain.Scoring;

/// <summary>
/// One version of the game: what earns points, how much, the limits that keep it fair, the level curve and the
/// badges. Pure data, so it can be stored as JSON, diffed, previewed (<see cref="RescorePreview"/>) and replayed
/// over the event log (<see cref="ScoreReplay"/>). Awards record the version that produced them.
/// Check a rule set with <see cref="RuleSetValidator"/> before use; scoring refuses an invalid one.
/// </summary>
public sealed partial record RuleSet(
    int Version,
    IReadOnlyList<ScoringRule> Rules,
    Multipliers Multipliers,
    Limits Limits,
    SharedCredit SharedCredit,
    AntiGaming AntiGaming,
    LevelCurve LevelCurve,
    IReadOnlyList<BadgeDefinition> Badges);

/// <summary>Multipliers on base points, rounded half away from zero.</summary>
/// <param name="FirstResponder">On reply rules when the reply is the item's first: answering fast matters most.</param>
/// <param name="NegativeResolved">On resolve rules when the item's sentiment is negative: turning an unhappy customer round.</param>
public sealed record Multipliers(decimal FirstResponder, decimal NegativeResolved);

/// <summary>
/// Limits that keep points a measure of engagement rather than of clicking. A "local day" is a calendar day in the
/// company's time zone, the same day the boards use.
/// </summary>
/// <param name="DailyCap">
/// Most points an employee's own actions earn per category per local day, counted before any shared credit is passed on
/// (so sharing never changes what an event is worth); a missing category is uncapped. The award that would cross it is
/// truncated, later ones earn 0. Shared credit received is neither capped nor counted.
/// </param>
/// <param name="DiminishAfter">The nth rewarded action of one type on one local day, n &gt; DiminishAfter, earns
/// points × DiminishFactor^(n − DiminishAfter), rounded down.</param>
/// <param name="DiminishFactor">In (0, 1]; 1 switches diminishing returns off.</param>
/// <param name="CooldownMinutes">The same action by the same employee on the same item less than this many minutes
/// after the previous one earns nothing; 0 switches it off.</param>
public sealed record Limits(
    IReadOnlyDictionary<PointCategory, int> DailyCap,
    int DiminishAfter,
    decimal DiminishFactor,
    int CooldownMinutes)
{
    /// <summary>Longest allowed cooldown. Bounded so a ledger can forget old actions by day.</summary>
    public const int MaxCooldownMinutes = 24 * 60;
}

/// <summary>
/// Credit for the colleagues who forwarded an item to where it got resolved or turned into an insight, so routing
/// across silos pays off for everyone on the way.
/// </summary>
/// <param name="Share">In [0, 1]: the part of the actor's points (rounded) split equally among the forwarders; 0 switches it off.</param>
public sealed record SharedCredit(decimal Share);

/// <summary>Detects engagement that is not real. Flagged actions earn nothing; flags are returned, never thrown.</summary>
/// <param name="MinReadSeconds">A read with a known dwell time below this is flagged <see cref="ScoreFlags.ReadTooFast"/>; 0 switches it off.</param>
/// <param name="BurstCount">The BurstCount-th action of one type within the window (and every later one) is flagged
/// <see cref="ScoreFlags.Burst"/>; 0 switches it off, otherwise 2 to <see cref="MaxBurstCount"/>.</param>
/// <param name="BurstWindowSeconds">Actions less than this many seconds apart are in one burst window.</param>
public sealed record AntiGaming(int MinReadSeconds, int BurstCount, int BurstWindowSeconds)
{
    /// <summary>Bound on <see cref="BurstCount"/>, so a ledger remembers a fixed number of recent actions per type.</summary>
    public const int MaxBurstCount = 64;

    /// <summary>Bound on <see cref="BurstWindowSeconds"/>: a burst is minutes, not days.</summary>
    public const int MaxBurstWindowSeconds = 24 * 60 * 60;
}
