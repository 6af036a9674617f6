using GamifyHub.Data;
using GamifyHub.Data.Reading;
using GamifyHub.Server.Auth;
using GamifyHub.Server.Feedback;
using GamifyHub.Server.Problems;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Server.Admin;

/// <summary>
/// Feedback that names an employee, for admins to look after (e.g. a complaint about a person). It lists the items only:
/// who was named is never stored, so this cannot become a record about anyone.
/// </summary>
public static class MentionEndpoints
{
    public sealed record MentionItem(Guid Id, string Channel, string Author, string Text, string Status, DateTime ReceivedAt,
        IReadOnlyList<DepartmentRef> Departments);

    public sealed record MentionPage(IReadOnlyList<MentionItem> Items, int Total, int Page, int PageSize);

    public static RouteGroupBuilder MapMentionEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/admin/mentions", List).WithTags("Administration").RequireAuthorization(Policies.Admin);
        return api;
    }

    private static async Task<IResult> List(int? page, int? pageSize, IDbContextFactory<GamifyDbContext> dbFactory,
        CompanyDirectory directory, CancellationToken cancellationToken)
    {
        if (page is < 1 || pageSize is < 1 or > AdminEndpoints.MaxPageSize)
        {
            return ApiProblems.Validation("page", $"'page' starts at 1 and 'pageSize' is between 1 and {AdminEndpoints.MaxPageSize}.");
        }

        var (number, size) = (page ?? 1, pageSize ?? 50);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.FeedbackItems.AsNoTracking().Where(f => f.MentionsEmployee);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(f => f.ReceivedAt).ThenByDescending(f => f.Id).Skip((number - 1) * size).Take(size)
            .Select(f => new { f.Id, f.Channel, f.Author, f.Text, f.Status, f.ReceivedAt, Departments = f.Routings.Select(r => r.DepartmentId).ToList() })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new MentionPage([.. rows.Select(r => new MentionItem(r.Id, r.Channel, r.Author, r.Text,
            r.Status.ToString().ToLowerInvariant(), r.ReceivedAt,
            [.. r.Departments.Select(d => new DepartmentRef(d, directory.Department(d)?.Name ?? "unknown"))]))], total, number, size));
    }
}
