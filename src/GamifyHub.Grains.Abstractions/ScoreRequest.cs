using GamifyHub.Domain.Scoring;

namespace GamifyHub.Grains;

/// <summary>An accepted action on a feedback item, to be scored by the actor's employee grain and recorded.</summary>
/// <param name="Fact">The event with the item as it was just before it (see FeedbackItemState.FactsFor).</param>
/// <param name="ItemRulesVersion">The rules version the item's state was loaded under (its resolve lines feed clawbacks).</param>
[GenerateSerializer, Immutable, Alias("gh.ScoreRequest.v1")]
public sealed record ScoreRequest(
    [property: Id(0)] ActionCommand Command,
    [property: Id(1)] Guid FeedbackId,
    [property: Id(2)] EngagementFact Fact,
    [property: Id(3)] int ItemRulesVersion);

/// <summary>What recording a scored event gave: every award line (actor, shared credit, clawbacks) and the flags.</summary>
/// <param name="Points">The actor's own points; for a duplicate, what the event earned the actor when first stored.</param>
/// <param name="Awards">All lines of the event; empty for a duplicate.</param>
/// <param name="StaleRules">Nothing was stored: the item's state predates the rules in force; reload it and ask again.</param>
[GenerateSerializer, Immutable, Alias("gh.ScoredEvent.v1")]
public sealed record ScoredEvent(
    [property: Id(0)] bool Duplicate,
    [property: Id(1)] int Points,
    [property: Id(2)] IReadOnlyList<AwardLine> Awards,
    [property: Id(3)] IReadOnlyList<string> Flags,
    [property: Id(4)] bool StaleRules = false)
{
    public static ScoredEvent Stale { get; } = new(false, 0, [], [], true);
}
