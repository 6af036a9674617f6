using System.Text.Json;
using System.Text.Json.Nodes;
using GamifyHub.Data;
using GamifyHub.Data.Auditing;
using GamifyHub.Server.Auth;
using GamifyHub.Server.Problems;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Server.Admin;

/// <summary>The audit log, for admins: newest first, paged by id, optionally one action or one area ("rules.").</summary>
public static class AuditEndpoints
{
    /// <param name="Actor">Who did it as shown now: a person's current email (joined at read time; "former colleague" once
    /// they are erased), "system", or what the line stored.</param>
    /// <param name="ActorId">What the line stores: <c>user {id}</c>, <c>employee {id}</c>, <c>system</c>, …</param>
    /// <param name="SubjectName">When the subject is a person who still exists: their current name.</param>
    /// <param name="Details">The change; while the person it concerns exists, with the personal part kept beside the
    /// append-only line (e.g. a name before and after).</param>
    public sealed record AuditRow(long Id, DateTime At, string Actor, string Action, string? Subject, JsonElement Details,
        string ActorId, string? SubjectName);

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
        var lines = rows.Take(size).ToList();
        var people = await People.ReadAsync(db, lines, cancellationToken);
        var page = lines.Select(e => new AuditRow(e.Id, DateTime.SpecifyKind(e.At, DateTimeKind.Utc), people.Actor(e.Actor), e.Action,
            e.Subject, people.Details(e.Id, Parse(e.Details)), e.Actor, people.SubjectName(e.Subject))).ToList();
        return TypedResults.Ok(new AuditPage(page, rows.Count > size ? page[^1].Id : null));
    }

    /// <summary>The people a page of lines names by id, read once: emails for actors, names for subjects, personal details.</summary>
    private sealed class People
    {
        private AuditActors _actors = null!;
        private ILookup<long, string> _personal = Array.Empty<(long, string)>().ToLookup(p => p.Item1, p => p.Item2);

        public static async Task<People> ReadAsync(GamifyDbContext db, List<Data.Entities.AuditEntry> lines, CancellationToken cancellationToken)
        {
            var people = new People
            {
                _actors = await AuditActors.ReadAsync(db, lines.Select(l => l.Actor).Concat(lines.Select(l => l.Subject)), cancellationToken),
            };
            var ids = lines.Select(l => l.Id).ToList();
            people._personal = (await db.AuditPersonalData.AsNoTracking().Where(p => ids.Contains(p.AuditEntryId)).OrderBy(p => p.Id)
                .Select(p => new { p.AuditEntryId, p.Details }).ToListAsync(cancellationToken)).ToLookup(p => p.AuditEntryId, p => p.Details);
            return people;
        }

        public string Actor(string stored) => _actors.Actor(stored);

        public string? SubjectName(string? subject) => _actors.SubjectName(subject);

        public JsonElement Details(long id, JsonElement details)
        {
            if (!_personal[id].Any() || details.ValueKind != JsonValueKind.Object)
            {
                return details;
            }

            var merged = JsonNode.Parse(details.GetRawText())!.AsObject();
            foreach (var part in _personal[id])
            {
                if (JsonNode.Parse(part) is JsonObject extra)
                {
                    foreach (var (key, value) in extra.ToList())
                    {
                        extra.Remove(key);
                        merged[key] = value;
                    }
                }
            }

            return JsonSerializer.SerializeToElement(merged);
        }
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
