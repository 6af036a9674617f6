using GamifyHub.Data.Reading;

namespace GamifyHub.Server.Departments;

public static class DepartmentEndpoints
{
    public sealed record DepartmentDto(Guid Id, string Name, string Slug, int Headcount);

    public static RouteGroupBuilder MapDepartmentEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/departments", (CompanyDirectory directory) => directory.Departments.OrderBy(d => d.Name)
            .Select(d => new DepartmentDto(d.Id, d.Name, d.Slug, directory.Headcount(d.Id))).ToList()).WithTags("Departments")
            .RequireAuthorization(Auth.Policies.SignedIn);
        return api;
    }
}
