namespace GamifyHub.Grains;

/// <summary>The award lines one committed event gave one employee (own action, shared credit received or clawback).</summary>
/// <param name="ActorId">Who did the event; differs from the recipient for shared credit and clawbacks.</param>
[GenerateSerializer, Immutable, Alias("gh.EarnedAwards.v1")]
public sealed record EarnedAwards(
    [property: Id(0)] long Seq,
    [property: Id(1)] Guid EventId,
    [property: Id(2)] Guid? FeedbackId,
    [property: Id(3)] DateTime OccurredAt,
    [property: Id(4)] IReadOnlyList<AwardView> Awards,
    [property: Id(5)] Guid ActorId = default);
