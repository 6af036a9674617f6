namespace GamifyHub.Domain.Boards;

public enum BoardKind { Employees, Departments, Department, Challenge }

/// <summary>Who is ranked on a board: all employees, all departments, the employees of one department, or the participants
/// of one challenge (employees, or departments in team-vs-team). For a challenge, <see cref="DepartmentId"/> holds the
/// challenge's id (see <see cref="ChallengeId"/>); a challenge board has no window of its own (it is the occurrence).</summary>
public sealed record BoardScope(BoardKind Kind, Guid? DepartmentId)
{
    public static BoardScope Challenge(Guid id) => new(BoardKind.Challenge, id);

    public Guid? ChallengeId => Kind == BoardKind.Challenge ? DepartmentId : null;

    public static readonly BoardScope Employees = new(BoardKind.Employees, null);
    public static readonly BoardScope Departments = new(BoardKind.Departments, null);

    public static BoardScope Department(Guid id) => new(BoardKind.Department, id);

    public string Name => Kind switch
    {
        BoardKind.Employees => "employees",
        BoardKind.Departments => "departments",
        BoardKind.Challenge => $"challenge-{DepartmentId:D}",
        _ => $"department-{DepartmentId:D}",
    };

    public static bool TryParse(string? value, out BoardScope scope)
    {
        scope = Employees;
        switch (value)
        {
            case "employees":
                return true;
            case "departments":
                scope = Departments;
                return true;
        }

        if (value is not null && value.StartsWith("department-", StringComparison.Ordinal)
            && Guid.TryParseExact(value["department-".Length..], "D", out var id))
        {
            scope = Department(id);
            return true;
        }

        if (value is not null && value.StartsWith("challenge-", StringComparison.Ordinal)
            && Guid.TryParseExact(value["challenge-".Length..], "D", out var challenge))
        {
            scope = Challenge(challenge);
            return true;
        }

        return false;
    }
}
