using System.Globalization;
using GamifyHub.Data.Reading;
using GamifyHub.Server.Admin;
using GamifyHub.Server.Auth;
using GamifyHub.Server.Problems;

namespace GamifyHub.Server.Analytics;

/// <summary>
/// The history of the benchmarks document and of the return model, for admins: every version with when and by whom, and
/// any version's whole document. Going back is an ordinary edit: the admin PUTs an old version's content with the
/// version in force, so it is checked, versioned and audited like any other.
/// </summary>
public static class StudyHistoryEndpoints
{
    public static RouteGroupBuilder MapStudyHistoryEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/analytics").WithTags("Administration").RequireAuthorization(Policies.Admin);
        group.MapGet("/benchmarks/versions", BenchmarkVersions);
        group.MapGet("/benchmarks/versions/{version}", BenchmarkVersion);
        group.MapGet("/return-model/versions", ReturnModelVersions);
        group.MapGet("/return-model/versions/{version}", ReturnModelVersion);
        return api;
    }

    private static async Task<IResult> BenchmarkVersions(string? page, string? pageSize, StudyHistoryQueries queries,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var (pageNumber, size) = AdminEndpoints.Paging(page, pageSize, 20, errors);
        return errors.Count > 0
            ? ApiProblems.Validation(errors)
            : TypedResults.Ok(await queries.BenchmarkVersions(pageNumber, size, cancellationToken));
    }

    private static async Task<IResult> ReturnModelVersions(string? page, string? pageSize, StudyHistoryQueries queries,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var (pageNumber, size) = AdminEndpoints.Paging(page, pageSize, 20, errors);
        return errors.Count > 0
            ? ApiProblems.Validation(errors)
            : TypedResults.Ok(await queries.ReturnModelVersions(pageNumber, size, cancellationToken));
    }

    private static async Task<IResult> BenchmarkVersion(string version, AnalyticsStudyBook book, CancellationToken cancellationToken)
    {
        if (ReadVersion(version) is not { } number)
        {
            return BadVersion();
        }

        return await book.BenchmarksAtAsync(number, cancellationToken) is { } document
            ? TypedResults.Ok(document)
            : ApiProblems.NotFound($"The benchmarks document has no version {number}.");
    }

    private static async Task<IResult> ReturnModelVersion(string version, AnalyticsStudyBook book, CancellationToken cancellationToken)
    {
        if (ReadVersion(version) is not { } number)
        {
            return BadVersion();
        }

        return await book.ReturnModelAtAsync(number, cancellationToken) is { } model
            ? TypedResults.Ok(model)
            : ApiProblems.NotFound($"The return model has no version {number}.");
    }

    /// <summary>Read by hand so "0", "-3" and "two" are a 400 naming the version, not an unmatched route.</summary>
    private static int? ReadVersion(string version) =>
        int.TryParse(version, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : null;

    private static IResult BadVersion() => ApiProblems.Validation("version", "'version' must be a whole number from 1.");
}
