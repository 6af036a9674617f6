namespace GamifyHub.Server.Boards;

public sealed record BoardRowDto(int Rank, Guid MemberId, string Name, long Score, string? DepartmentName);

public sealed record BoardDto(string Board, string Window, string Period, long Version, IReadOnlyList<BoardRowDto> Rows, BoardRowDto? Me);
