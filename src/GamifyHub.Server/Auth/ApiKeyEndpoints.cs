using System.Security.Claims;
using GamifyHub.Data;
using GamifyHub.Data.Auditing;
using GamifyHub.Data.Entities;
using GamifyHub.Data.Writing;
using GamifyHub.Server.Admin;
using GamifyHub.Server.Problems;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Server.Auth;

/// <summary>Admin → API keys: integration keys with scopes. A key is shown once; only its SHA-256 is stored.</summary>
public static class ApiKeyEndpoints
{
    public const int NameMaxLength = 100;

    public sealed record ApiKeyIn(string? Name, IReadOnlyList<string>? Scopes);

    public sealed record ApiKeyDto(Guid Id, string Name, IReadOnlyList<string> Scopes, DateTime CreatedAt, string? CreatedBy,
        DateTime? RevokedAt);

    /// <param name="Key">Shown once: only its hash is stored.</param>
    public sealed record CreatedApiKeyDto(Guid Id, string Name, IReadOnlyList<string> Scopes, DateTime CreatedAt, string CreatedBy, string Key);

    public static RouteGroupBuilder MapApiKeyEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/api-keys").WithTags("Administration").RequireAuthorization(Policies.Admin);
        group.MapGet("", List);
        group.MapPost("", Create);
        group.MapDelete("/{id:guid}", Revoke);
        return api;
    }

    private static async Task<List<ApiKeyDto>> List(IDbContextFactory<GamifyDbContext> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var keys = await db.ApiKeys.AsNoTracking().ToListAsync(cancellationToken);
        return [.. keys.OrderByDescending(k => k.CreatedAt).Select(ToDto)];
    }

    private static async Task<IResult> Create(ApiKeyIn? body, ClaimsPrincipal user, EngagementWriter writer, TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        var name = body?.Name?.Trim() ?? "";
        if (name.Length == 0 || name.Length > NameMaxLength || name.Any(char.IsControl))
        {
            errors["name"] = [$"A name is required (at most {NameMaxLength} characters), e.g. the integration's name."];
        }

        var scopes = (body?.Scopes ?? []).Select(s => s?.Trim() ?? "").Distinct().ToList();
        if (scopes.Count == 0 || scopes.Any(s => !ApiKeys.AllScopes.Contains(s)))
        {
            errors["scopes"] = [$"Choose one or more scopes of: {string.Join(", ", ApiKeys.AllScopes)}."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var key = ApiKeys.Generate();
        var entry = new ApiKey
        {
            Id = Guid.CreateVersion7(), Name = name, KeyHash = ApiKeys.Hash(key), Scopes = string.Join(' ', scopes),
            CreatedAt = time.GetUtcNow().UtcDateTime, CreatedBy = AdminEndpoints.Actor(user),
        };
        await writer.ExclusiveAsync(async db =>
        {
            db.ApiKeys.Add(entry);
            db.Audit(entry.CreatedAt, entry.CreatedBy, AuditActions.ApiKeyCreated, entry.Id.ToString(), new { entry.Name, scopes });
            return await db.SaveChangesAsync();
        });
        return TypedResults.Created($"/api/admin/api-keys/{entry.Id}",
            new CreatedApiKeyDto(entry.Id, entry.Name, scopes, entry.CreatedAt, entry.CreatedBy, key));
    }

    /// <summary>
    /// Revoking twice is fine (204 both times). The revocation evicts the cached key, so it stops at once; hub connections it
    /// opened (a wallboard-scoped key) are closed.
    /// </summary>
    private static async Task<IResult> Revoke(Guid id, ClaimsPrincipal user, EngagementWriter writer, TimeProvider time,
        ISessionRevocations revocations)
    {
        var actor = AdminEndpoints.Actor(user);
        var found = await writer.ExclusiveAsync(async db =>
        {
            var entry = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id);
            if (entry is null)
            {
                return false;
            }

            if (entry.RevokedAt is null)
            {
                entry.RevokedAt = time.GetUtcNow().UtcDateTime;
                db.Audit(entry.RevokedAt.Value, actor, AuditActions.ApiKeyRevoked, entry.Id.ToString(), new { entry.Name });
                await db.SaveChangesAsync();
            }

            return true;
        });
        if (!found)
        {
            return ApiProblems.NotFound($"There is no API key {id}.");
        }

        await revocations.RevokeAsync(SessionSubject.Credential(id));
        return TypedResults.NoContent();
    }

    private static ApiKeyDto ToDto(ApiKey k) => new(k.Id, k.Name, k.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        DateTime.SpecifyKind(k.CreatedAt, DateTimeKind.Utc), k.CreatedBy,
        k.RevokedAt is { } r ? DateTime.SpecifyKind(r, DateTimeKind.Utc) : null);
}
