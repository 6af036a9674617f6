using System.Text.Json;
using GamifyHub.Data;
using GamifyHub.Server.Auth;
using GamifyHub.Server.Problems;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Server.Admin;

/// <summary>The audit log, for admins: newest first, paged by id, optionally one action or one area ("rules.").</summary>
public static class AuditEndpoints
{
    public sealed record AuditRow(long Id, DateTime At, string Actor, string Action, string? Subject, JsonElement Details);

    /// <summary><paramref name="NextBefore"/> continues the walk (pass it as <c>before</c>); null at the oldest entry.</summary>
    public sealed record AuditPage(IReadOnlyList<AuditRow> Entries, long? NextBefore);

    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/admin/audit", List).WithTags("Administration").RequireAuthorization(Policies.Admin);
        return api;
    }

    private static async Task<IResult> List(string? action, long? before, int? limit, IDbContextFactory<GamifyDbContext> dbFactory,
        CancellationToken cancellationToken)
    {
        if (limit is < 1 or > AdminEndpoints.MaxPageSize)
        {
            return ApiProblems.Validation("limit", $"'limit' is between 1 and {AdminEndpoints.MaxPageSize}.");
        }

        if (before is < 1)
        {
            return ApiProblems.Validation("before", "'before' is an entry id from an earlier page's nextBefore.");
        }

        if (action is { Length: > Data.Entities.AuditEntry.ActionMaxLength })
        {
            return ApiProblems.Validation("action", "'action' is an action name such as rules.applied, or an area such as rules.");
        }

        var size = limit ?? 50;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrEmpty(action))
        {
            // "rules." is an area (every rules action); anything else names one action.
            query = action.EndsWith('.') ? query.Where(e => e.Action.StartsWith(action)) : query.Where(e => e.Action == action);
        }

        if (before is { } id)
        {
            query = query.Where(e => e.Id < id);
        }

        var rows = await query.OrderByDescending(e => e.Id).Take(size + 1).ToListAsync(cancellationToken);
        var page = rows.Take(size).Select(e => new AuditRow(e.Id, DateTime.SpecifyKind(e.At, DateTimeKind.Utc), e.Actor, e.Action,
            e.Subject, Parse(e.Details))).ToList();
        return TypedResults.Ok(new AuditPage(page, rows.Count > size ? page[^1].Id : null));
    }

    private static JsonElement Parse(string details)
    {
        try
        {
            using var document = JsonDocument.Parse(details);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Written by us, so always JSON; should an old line not be, show it as text rather than fail the page.
            return JsonSerializer.SerializeToElement(details);
        }
    }
}
