using GamifyHub.Domain.Classification;
using GamifyHub.Domain.Routing;

namespace GamifyHub.Domain.Tests.Routing;

public class RoutingRuleValidatorTests
{
    private static readonly Guid A = Guid.Parse("0194a0b0-0000-7000-8000-000000000001");
    private static readonly Guid B = Guid.Parse("0194a0b0-0000-7000-8000-000000000002");
    private static readonly HashSet<Guid> Departments = [A, B];
    private static readonly EmployeeNameMatcher Names = new(["Lena Müller"]);

    [Fact]
    public void TheListOrderBecomesTheRuleOrderAndRoutingFollowsIt()
    {
        var errors = RoutingRuleValidator.TryCreate(
            [new("first", ["kettle"], null, [B.ToString()]), new("second", ["kettle"], ["x"], [A.ToString(), A.ToString()])],
            A.ToString(), Departments, Names, out var rules, out var triage);

        Assert.Empty(errors);
        Assert.Equal(A, triage);
        Assert.Equal(["first", "second"], rules.OrderBy(r => r.Order).Select(r => r.Name));
        Assert.Equal([A], rules[1].DepartmentIds);
        Assert.Equal([B, A], FeedbackRouter.Route("my kettle", "blog", rules, triage));
        Assert.Equal([A], FeedbackRouter.Route("hello", "blog", rules, triage));
    }

    [Fact]
    public void AnEmployeesNameIsNeverAKeyword()
    {
        var errors = RoutingRuleValidator.TryCreate([new("person", ["lena mueller"], null, [A.ToString()])], A.ToString(), Departments, Names,
            out var rules, out _);

        Assert.Equal("rules[0].keywords[0]", Assert.Single(errors).Path);
        Assert.Empty(rules);
    }

    [Fact]
    public void ARuleNeedsSomethingToMatchAndSomewhereToGo()
    {
        var errors = RoutingRuleValidator.TryCreate([new("empty", [], [], [])], "not-a-guid", Departments, Names, out _, out _);

        Assert.Equal(["triageDepartmentId", "rules[0]", "rules[0].departmentIds"], errors.Select(e => e.Path));
    }
}
