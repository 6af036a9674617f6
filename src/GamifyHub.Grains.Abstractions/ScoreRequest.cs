using GamifyHub.Domain.Scoring;

namespace GamifyHub.Grains;

/// <summary>An accepted action on a feedback item, to be scored by the actor's employee grain and recorded.</summary>
/// <param name="Fact">The event with the item as it was just before it (see FeedbackItemState.FactsFor).</param>
[GenerateSerializer, Immutable, Alias("gh.ScoreRequest.v1")]
public sealed record ScoreRequest(
    [property: Id(0)] ActionCommand Command,
    [property: Id(1)] Guid FeedbackId,
    [property: Id(2)] EngagementFact Fact);

/// <summary>What recording a scored event gave: every award line (actor, shared credit, clawbacks) and the flags.</summary>
/// <param name="Points">The actor's own points; for a duplicate, what the event earned the actor when first stored.</param>
/// <param name="Awards">All lines of the event; empty for a duplicate.</param>
[GenerateSerializer, Immutable, Alias("gh.ScoredEvent.v1")]
public sealed record ScoredEvent(
    [property: Id(0)] bool Duplicate,
    [property: Id(1)] int Points,
    [property: Id(2)] IReadOnlyList<AwardLine> Awards,
    [property: Id(3)] IReadOnlyList<string> Flags);
