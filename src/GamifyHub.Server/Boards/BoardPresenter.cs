using GamifyHub.Data.Reading;
using GamifyHub.Domain.Boards;
using GamifyHub.Grains;

namespace GamifyHub.Server.Boards;

/// <summary>Joins names onto a board's rows at the edge, for both API answers and hub pushes.</summary>
public sealed class BoardPresenter(CompanyDirectory directory)
{
    public BoardDto Present(BoardSnapshot snapshot)
    {
        var isDepartments = snapshot.Board == BoardScope.Departments.Name;
        // A challenge board ranks employees, or departments in team-vs-team.
        var isChallenge = snapshot.Board.StartsWith("challenge-", StringComparison.Ordinal);
        bool IsDepartment(BoardRowView r) => isDepartments || (isChallenge && directory.Employee(r.MemberId) is null
            && directory.Department(r.MemberId) is not null);
        return new BoardDto(snapshot.Board, snapshot.Window, snapshot.Period, snapshot.Version,
            [.. snapshot.Rows.Select(r => Row(r, IsDepartment(r)))], snapshot.Me is null ? null : Row(snapshot.Me, IsDepartment(snapshot.Me)));
    }

    private BoardRowDto Row(BoardRowView row, bool isDepartment)
    {
        if (isDepartment)
        {
            return new BoardRowDto(row.Rank, row.MemberId, directory.Department(row.MemberId)?.Name ?? "unknown", row.Score, null);
        }

        var employee = directory.Employee(row.MemberId);
        return new BoardRowDto(row.Rank, row.MemberId, employee?.DisplayName ?? "former employee", row.Score,
            employee is null ? null : directory.Department(employee.DepartmentId)?.Name);
    }
}
