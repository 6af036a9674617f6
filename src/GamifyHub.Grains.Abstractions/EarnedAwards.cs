namespace GamifyHub.Grains;

/// <summary>The awards one committed event gave one employee.</summary>
[GenerateSerializer, Immutable, Alias("gh.EarnedAwards.v1")]
public sealed record EarnedAwards(
    [property: Id(0)] long Seq,
    [property: Id(1)] Guid EventId,
    [property: Id(2)] Guid? FeedbackId,
    [property: Id(3)] DateTime OccurredAt,
    [property: Id(4)] IReadOnlyList<AwardView> Awards);
