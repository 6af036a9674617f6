using System.Security.Claims;
using GamifyHub.Data.Reading;
using GamifyHub.Domain.Analytics.Study;
using GamifyHub.Server.Admin;
using GamifyHub.Server.Auth;
using GamifyHub.Server.Problems;

namespace GamifyHub.Server.Analytics;

/// <summary>The study as data: everyone signed in reads the benchmarks document (the UI names each figure's source);
/// admins replace it as a whole, from the version they read.</summary>
public static class BenchmarkEndpoints
{
    public static RouteGroupBuilder MapBenchmarkEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/analytics/benchmarks", Get).WithTags("Analytics").RequireAuthorization(Policies.SignedIn);
        api.MapPut("/admin/analytics/benchmarks", Replace).WithTags("Administration").RequireAuthorization(Policies.Admin);
        return api;
    }

    private static async Task<BenchmarkDocument> Get(AnalyticsStudyBook book, CancellationToken cancellationToken) =>
        await book.BenchmarksAsync(cancellationToken);

    private static async Task<IResult> Replace(BenchmarkDocumentBody? body, ClaimsPrincipal user, AnalyticsStudyBook book,
        CompanyDirectory directory)
    {
        if (body is null)
        {
            return ApiProblems.Validation("body",
                "A body {\"version\",\"studies\":[{\"id\",\"source\",\"year\",\"sampleSize\",\"url\",\"figures\":[{\"id\",\"label\",\"value\",\"meaning\"}]}],\"departmentFunctions\":[{\"departmentId\",\"function\"}]} is required.");
        }

        var document = body.ToDocument();
        var errors = BenchmarkValidator.Validate(document).ToList();
        if (body.Version is null)
        {
            errors.Insert(0, new("version", "The version the document was read at is required."));
        }

        if (document.DepartmentFunctions is { } assignments)
        {
            errors.AddRange(assignments.Select((a, i) => (a, i))
                .Where(x => x.a is not null && x.a.DepartmentId != Guid.Empty && directory.Department(x.a.DepartmentId) is null)
                .Select(x => new BenchmarkError($"departmentFunctions[{x.i}].departmentId", $"There is no department {x.a.DepartmentId}.")));
        }

        if (errors.Count > 0)
        {
            return Problems(errors);
        }

        var edit = await book.ReplaceBenchmarksAsync(document, body.Version!.Value, AdminEndpoints.Actor(user));
        return edit.Replaced
            ? TypedResults.Ok(edit.Current)
            : ApiProblems.Conflict($"The benchmarks document is at version {edit.Current.Version}, not {body.Version}: "
                + "someone changed it meanwhile. Reload it and make your change again.");
    }

    /// <summary>A 400 listing every problem by its JSON path (shared with the return model's PUT).</summary>
    internal static IResult Problems(IEnumerable<BenchmarkError> errors) =>
        ApiProblems.Validation(errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => $"{e.Path}: {e.Message}").ToArray()));
}
