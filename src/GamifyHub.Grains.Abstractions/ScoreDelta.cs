namespace GamifyHub.Grains;

/// <summary>Points a member of a board gained through one committed event.</summary>
/// <param name="CountsEvent">For a department: the event was done by one of its members (not only shared credit).</param>
/// <param name="Seq">The event's commit sequence; projections skip what they already loaded.</param>
[GenerateSerializer, Immutable, Alias("gh.ScoreDelta.v1")]
public sealed record ScoreDelta(
    [property: Id(0)] long Seq,
    [property: Id(1)] Guid MemberId,
    [property: Id(2)] int Points,
    [property: Id(3)] DateTime OccurredAt,
    [property: Id(4)] bool CountsEvent = true);
