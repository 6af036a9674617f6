namespace GamifyHub.Domain.Boards;

public enum BoardKind { Employees, Departments, Department }

/// <summary>Who is ranked on a board: all employees, all departments, or the employees of one department.</summary>
public sealed record BoardScope(BoardKind Kind, Guid? DepartmentId)
{
    public static readonly BoardScope Employees = new(BoardKind.Employees, null);
    public static readonly BoardScope Departments = new(BoardKind.Departments, null);

    public static BoardScope Department(Guid id) => new(BoardKind.Department, id);

    public string Name => Kind switch
    {
        BoardKind.Employees => "employees",
        BoardKind.Departments => "departments",
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

        return false;
    }
}
