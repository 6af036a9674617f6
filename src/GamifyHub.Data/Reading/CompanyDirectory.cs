using GamifyHub.Domain.Classification;
using GamifyHub.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Data.Reading;

/// <summary>Names of departments and employees, cached in memory: boards and pushes join names at the edge.</summary>
public sealed class CompanyDirectory(IDbContextFactory<GamifyDbContext> dbFactory)
{
    private volatile Snapshot _snapshot = new([], [], [], new EmployeeNameMatcher([]));

    public IReadOnlyCollection<Department> Departments => _snapshot.Departments.Values;

    public IReadOnlyCollection<Employee> Employees => _snapshot.Employees.Values;

    public Department? Department(Guid id) => _snapshot.Departments.GetValueOrDefault(id);

    public Employee? Employee(Guid id) => _snapshot.Employees.GetValueOrDefault(id);

    public Employee? EmployeeByEmail(string email) => _snapshot.ByEmail.GetValueOrDefault(email);

    /// <summary>Whether the text names any employee (display name, or first and last name). Says yes or no, never who.</summary>
    public bool MentionsEmployee(string text) => _snapshot.Names.MentionsAnyone(text);

    /// <summary>Ids of the employees of one department.</summary>
    public IReadOnlyList<Guid> EmployeesOf(Guid departmentId) =>
        [.. _snapshot.Employees.Values.Where(e => e.DepartmentId == departmentId).Select(e => e.Id)];

    public int Headcount(Guid departmentId) => _snapshot.Employees.Values.Count(e => e.DepartmentId == departmentId);

    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, cancellationToken);
        var employees = await db.Employees.AsNoTracking().ToDictionaryAsync(e => e.Id, cancellationToken);
        _snapshot = new Snapshot(departments, employees,
            employees.Values.ToDictionary(e => e.Email, StringComparer.OrdinalIgnoreCase),
            new EmployeeNameMatcher(employees.Values.SelectMany(e => NamesOf(e.DisplayName))));
    }

    /// <summary>The display name, and for names with middle parts also first and last name ("Anna Maria Schmidt" → "Anna Schmidt").</summary>
    private static IEnumerable<string> NamesOf(string displayName)
    {
        yield return displayName;
        var parts = displayName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 2)
        {
            yield return parts[0] + " " + parts[^1];
        }
    }

    private sealed record Snapshot(Dictionary<Guid, Department> Departments, Dictionary<Guid, Employee> Employees,
        Dictionary<string, Employee> ByEmail, EmployeeNameMatcher Names);
}
