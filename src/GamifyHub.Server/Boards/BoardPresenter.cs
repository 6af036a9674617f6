using GamifyHub.Data.Reading;
using GamifyHub.Domain.Boards;
using GamifyHub.Domain.Privacy;
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

    /// <summary>The notice on the board of a department below the minimum group size: only the reader's own row.</summary>
    public const string GroupTooSmall = "group-too-small";

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

        // No bottom ranks: others' rows below the board's top half are never listed; the reader's own row always is. On a
        // withheld department's board the reader's own row is all there is.
        var small = SmallDepartment(snapshot);
        var visible = small ? 0 : GroupRules.VisibleRanks(snapshot.Ranked);
        return new BoardDto(snapshot.Board, snapshot.Window, snapshot.Period, snapshot.Version,
            [.. snapshot.Rows.Where(r => GroupRules.Lists(r.Rank, r.MemberId, snapshot.Ranked, viewer, small)).Select(r => Person(r, viewer, small))],
            snapshot.Me is null ? null : Person(snapshot.Me, viewer, small), visible, small ? GroupTooSmall : null);
    }

    /// <summary>Whether the snapshot is the board of a department below the minimum group size.</summary>
    private bool SmallDepartment(BoardSnapshot snapshot) =>
        BoardScope.TryParse(snapshot.Board, out var scope) && scope.Kind == BoardKind.Department && visibility.Withheld(scope.DepartmentId!.Value);

    /// <summary>Whether a board of department rows needs all its rows to be presented (some department is withheld, so the
    /// others are ranked again among themselves).</summary>
    public bool NeedsWholeBoard(BoardSnapshot snapshot) =>
        snapshot.Rows.Any(r => directory.Department(r.MemberId) is not null && visibility.Withheld(r.MemberId))
        || (snapshot.Board == BoardScope.Departments.Name && visibility.AnyWithheld(directory.Departments.Select(d => d.Id)));

    private BoardRowDto Person(BoardRowView row, Guid? viewer, bool smallDepartment)
    {
        var person = visibility.Person(row.MemberId, viewer);
        var employee = directory.Employee(row.MemberId);
        var department = employee is not null && GroupRules.NamesDepartment(person.Pseudonym) ? directory.Department(employee.DepartmentId)?.Name : null;
        return new BoardRowDto(GroupRules.ShownRank(row.Rank, smallDepartment), person.Id, person.Name, row.Score, department,
            person.Pseudonym, person.IsYou);
    }

    /// <summary>
    /// Department rows. A department below the minimum group size is shown without figures and unranked (rank 0, after
    /// the others); the others are ranked again among themselves, so no rank gap points at the withheld one. Expects all
    /// rows of the board when any department is withheld (<see cref="NeedsWholeBoard"/>).
    /// </summary>
    private BoardDto PresentDepartments(BoardSnapshot snapshot)
    {
        var all = snapshot.Rows.Select(r => new RankedRow(r.Rank, r.MemberId, r.Score)).ToList();
        BoardRowDto Row(DepartmentStanding d) =>
            new(d.Rank, d.DepartmentId, directory.Department(d.DepartmentId)?.Name ?? "unknown", d.Score, null, Withheld: d.Withheld);

        var rows = GroupRules.Departments(all, visibility.Withheld).Select(Row).OrderBy(r => r.Withheld).ThenBy(r => r.Withheld ? 0 : r.Rank)
            .ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        BoardRowDto? me = null;
        if (snapshot.Me is { } mine)
        {
            // Outside the rows read, the reader's department is ranked among the shown ones (all rows were read if any is withheld).
            var shown = all.Where(r => !visibility.Withheld(r.MemberId)).ToList();
            me = rows.FirstOrDefault(r => r.MemberId == mine.MemberId)
                ?? Row(GroupRules.Standing(new RankedRow(mine.Rank, mine.MemberId, mine.Score), shown, shown.Count == all.Count, visibility.Withheld));
        }

        return new BoardDto(snapshot.Board, snapshot.Window, snapshot.Period, snapshot.Version, rows, me);
    }
}
