namespace GamifyHub.Domain.Boards;

/// <summary>One ranked member of a board.</summary>
public sealed record RankedRow(int Rank, Guid MemberId, long Score);
