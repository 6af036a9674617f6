using GamifyHub.Data.Reading;
using GamifyHub.Domain.Boards;
using GamifyHub.Grains;
using GamifyHub.Server.Privacy;

namespace GamifyHub.Server.Boards;

/// <summary>
/// Joins names onto a board's rows at the edge, for both API answers and hub pushes, and applies the privacy rules there:
/// board grains hold ids and points only, so a consent or settings change needs no rescore.
/// </summary>
public sealed class BoardPresenter(CompanyDirectory directory, Visibility visibility)
{
    public const string IndividualBoardsOff = "individual-boards-off";

    /// <param name="viewer">The reader's employee id (API answers and the hub's watch answer); null for a push to everyone.</param>
    public BoardDto Present(BoardSnapshot snapshot, Guid? viewer = null)
    {
        var isDepartments = snapshot.Board == BoardScope.Departments.Name;
        // A challenge board ranks employees, or departments in team-vs-team.
        var isChallenge = snapshot.Board.StartsWith("challenge-", StringComparison.Ordinal);
        bool IsDepartment(BoardRowView r) => directory.Employee(r.MemberId) is null && directory.Department(r.MemberId) is not null;
        if (isDepartments || (isChallenge && (snapshot.Rows.Any(IsDepartment) || (snapshot.Me is { } m && IsDepartment(m)))))
        {
            return PresentDepartments(snapshot);
        }

        if (!visibility.IndividualBoards)
        {
            return new BoardDto(snapshot.Board, snapshot.Window, snapshot.Period, snapshot.Version, [], null, 0, IndividualBoardsOff);
        }

        // No bottom ranks: others' rows below the board's top half are never listed; the reader's own row always is.
        var visible = Visibility.VisibleRanks(snapshot.Ranked);
        return new BoardDto(snapshot.Board, snapshot.Window, snapshot.Period, snapshot.Version,
            [.. snapshot.Rows.Where(r => r.Rank <= visible || r.MemberId == viewer).Select(r => Person(r, viewer))],
            snapshot.Me is null ? null : Person(snapshot.Me, viewer), visible);
    }

    /// <summary>Whether a board of department rows needs all its rows to be presented (some department is withheld, so the
    /// others are ranked again among themselves).</summary>
    public bool NeedsWholeBoard(BoardSnapshot snapshot) =>
        snapshot.Rows.Any(r => directory.Department(r.MemberId) is not null && visibility.Withheld(r.MemberId))
        || (snapshot.Board == BoardScope.Departments.Name && visibility.AnyWithheld(directory.Departments.Select(d => d.Id)));

    private BoardRowDto Person(BoardRowView row, Guid? viewer)
    {
        var person = visibility.Person(row.MemberId, viewer);
        var employee = directory.Employee(row.MemberId);
        return new BoardRowDto(row.Rank, person.Id, person.Name, row.Score,
            employee is null ? null : directory.Department(employee.DepartmentId)?.Name, person.Pseudonym, person.IsYou);
    }

    /// <summary>
    /// Department rows. A department below the minimum group size is shown without figures and unranked (rank 0, after
    /// the others); the others are ranked again among themselves, so no rank gap points at the withheld one. Expects all
    /// rows of the board when any department is withheld (<see cref="NeedsWholeBoard"/>).
    /// </summary>
    private BoardDto PresentDepartments(BoardSnapshot snapshot)
    {
        var ranked = snapshot.Rows.Where(r => !visibility.Withheld(r.MemberId)).ToList();
        int RankOf(BoardRowView r) => visibility.Withheld(r.MemberId) ? 0
            : ranked.Count == snapshot.Rows.Count ? r.Rank : 1 + ranked.Count(o => o.Rank < r.Rank);
        BoardRowDto Row(BoardRowView r)
        {
            var name = directory.Department(r.MemberId)?.Name ?? "unknown";
            return visibility.Withheld(r.MemberId)
                ? new BoardRowDto(0, r.MemberId, name, 0, null, Withheld: true)
                : new BoardRowDto(RankOf(r), r.MemberId, name, r.Score, null);
        }

        var rows = snapshot.Rows.Select(Row).OrderBy(r => r.Withheld).ThenBy(r => r.Withheld ? 0 : r.Rank)
            .ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        BoardRowDto? me = null;
        if (snapshot.Me is { } mine)
        {
            me = rows.FirstOrDefault(r => r.MemberId == mine.MemberId) ?? (visibility.Withheld(mine.MemberId)
                ? Row(mine)
                : new BoardRowDto(1 + ranked.Count(o => o.Rank < mine.Rank), mine.MemberId,
                    directory.Department(mine.MemberId)?.Name ?? "unknown", mine.Score, null));
        }

        return new BoardDto(snapshot.Board, snapshot.Window, snapshot.Period, snapshot.Version, rows, me);
    }
}
