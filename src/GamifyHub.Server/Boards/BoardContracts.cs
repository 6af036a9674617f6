namespace GamifyHub.Server.Boards;

public sealed record BoardRowDto(int Rank, Guid MemberId, string Name, long Score, string? DepartmentName);

/// <summary>A board; <c>Period</c> is null on the season board while no season is running (then it has no rows).</summary>
public sealed record BoardDto(string Board, string Window, string? Period, long Version, IReadOnlyList<BoardRowDto> Rows, BoardRowDto? Me);

/// <summary>A row of a departments board view; <c>score</c> is what it is ranked by (raw points or a ratio ×100).</summary>
public sealed record DepartmentRowDto(int Rank, Guid MemberId, string Name, long Score, long Points, int Headcount, int Items);

public sealed record DepartmentBoardDto(string Board, string Window, string View, string? Period, long Version,
    IReadOnlyList<DepartmentRowDto> Rows, DepartmentRowDto? Me);
