namespace GamifyHub.Grains;

[GenerateSerializer, Immutable, Alias("gh.BoardRowView.v1")]
public sealed record BoardRowView(
    [property: Id(0)] int Rank,
    [property: Id(1)] Guid MemberId,
    [property: Id(2)] long Score);

/// <summary>
/// A board's rows at one version. A push carries only changed rows; a snapshot the requested ones. <see cref="Period"/> is
/// the period's key (e.g. "2026-W48", a season's id), null on a season board while no season is running.
/// <see cref="Ranked"/> is how many members the whole board ranks (the presenter shows individuals in its top half only).
/// </summary>
[GenerateSerializer, Immutable, Alias("gh.BoardSnapshot.v1")]
public sealed record BoardSnapshot(
    [property: Id(0)] string Board,
    [property: Id(1)] string Window,
    [property: Id(2)] string? Period,
    [property: Id(3)] long Version,
    [property: Id(4)] IReadOnlyList<BoardRowView> Rows,
    [property: Id(5)] BoardRowView? Me,
    [property: Id(6)] int Ranked = 0);
