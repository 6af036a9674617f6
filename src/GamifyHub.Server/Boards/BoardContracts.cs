namespace GamifyHub.Server.Boards;

/// <summary>A board row. On individual boards, <c>memberId</c> and <c>name</c> are what others may see: a person who has not
/// opted in appears under a pseudonym (<c>pseudonym</c> true, <c>memberId</c> the pseudonym's id). <c>isYou</c> marks the
/// reader's own row. <c>withheld</c>: a department below the minimum group size, shown without figures and unranked (rank 0).</summary>
public sealed record BoardRowDto(int Rank, Guid MemberId, string Name, long Score, string? DepartmentName,
    bool Pseudonym = false, bool IsYou = false, bool Withheld = false);

/// <summary>A board; <c>Period</c> is null on the season board while no season is running (then it has no rows).
/// <c>VisibleRanks</c> (individual boards): rows ranked below it are never listed; clients drop such rows from pushes.
/// <c>Notice</c>: why rows are missing ("individual-boards-off" on an individual challenge board while individual boards
/// are switched off). <c>Refresh</c> (pushes only, without rows): someone on the board changed between name and pseudonym;
/// read the board again. A push never carries a person's old and new id together, so none links a pseudonym to a name.</summary>
public sealed record BoardDto(string Board, string Window, string? Period, long Version, IReadOnlyList<BoardRowDto> Rows, BoardRowDto? Me,
    int? VisibleRanks = null, string? Notice = null, bool Refresh = false);

/// <summary>A row of a departments board view; <c>score</c> is what it is ranked by (raw points or a ratio ×100).
/// <c>withheld</c>: below the minimum group size, figures are 0 and the row is unranked (rank 0).</summary>
public sealed record DepartmentRowDto(int Rank, Guid MemberId, string Name, long Score, long Points, int Headcount, int Items,
    bool Withheld = false);

public sealed record DepartmentBoardDto(string Board, string Window, string View, string? Period, long Version,
    IReadOnlyList<DepartmentRowDto> Rows, DepartmentRowDto? Me);
