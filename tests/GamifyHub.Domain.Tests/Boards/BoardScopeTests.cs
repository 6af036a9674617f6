using GamifyHub.Domain.Boards;

namespace GamifyHub.Domain.Tests.Boards;

public class BoardScopeTests
{
    private const string DepartmentId = "0f8fad5b-d9cb-469f-a165-70867728950e";

    [Fact]
    public void ParsesEmployees()
    {
        Assert.True(BoardScope.TryParse("employees", out var scope));
        Assert.Equal(BoardScope.Employees, scope);
        Assert.Equal(new BoardScope(BoardKind.Employees, null), scope);
        Assert.Equal("employees", scope.Name);
    }

    [Fact]
    public void ParsesDepartments()
    {
        Assert.True(BoardScope.TryParse("departments", out var scope));
        Assert.Equal(BoardScope.Departments, scope);
        Assert.Equal("departments", scope.Name);
    }

    [Fact]
    public void ParsesTheEmployeesOfOneDepartment()
    {
        Assert.True(BoardScope.TryParse($"department-{DepartmentId}", out var scope));
        Assert.Equal(BoardKind.Department, scope.Kind);
        Assert.Equal(Guid.Parse(DepartmentId), scope.DepartmentId);
        Assert.Equal(BoardScope.Department(Guid.Parse(DepartmentId)), scope);
    }

    [Fact]
    public void DepartmentNameRoundTrips()
    {
        var scope = BoardScope.Department(Guid.Parse(DepartmentId));

        Assert.Equal($"department-{DepartmentId}", scope.Name);
        Assert.True(BoardScope.TryParse(scope.Name, out var parsed));
        Assert.Equal(scope, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Employees")]
    [InlineData("EMPLOYEES")]
    [InlineData(" employees")]
    [InlineData("employee")]
    [InlineData("department")]
    [InlineData("department-")]
    [InlineData("department-42")]
    [InlineData("department-not-a-guid")]
    [InlineData("Department-" + DepartmentId)]
    [InlineData("departments-" + DepartmentId)]
    [InlineData("department-{" + DepartmentId + "}")]
    [InlineData("department-(" + DepartmentId + ")")]
    [InlineData("department-0f8fad5bd9cb469fa16570867728950e")]
    [InlineData("department-" + DepartmentId + "x")]
    public void RejectsInvalidScopes(string? value)
    {
        Assert.False(BoardScope.TryParse(value, out _));
    }
}
