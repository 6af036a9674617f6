using GamifyHub.Data.Auditing;
using System.Security.Claims;
using System.Text.Json;
using GamifyHub.Data;
using GamifyHub.Data.Entities;
using GamifyHub.Data.Reading;
using GamifyHub.Data.Writing;
using GamifyHub.Domain.Classification;
using GamifyHub.Domain.Routing;
using GamifyHub.Server.Admin;
using GamifyHub.Server.Auth;
using GamifyHub.Server.Feedback;
using GamifyHub.Server.Problems;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Server.Routing;

/// <summary>
/// The ordered routing rules and the triage department: admins read and replace them as a whole. Every rule that matches
/// adds its departments, in rule order (an item often concerns several teams); what no rule matches goes to triage.
/// </summary>
public static class RoutingRuleEndpoints
{
    public sealed record RoutingRuleDto(string? Name, IReadOnlyList<string?>? Keywords, IReadOnlyList<string?>? Channels,
        IReadOnlyList<string?>? DepartmentIds, IReadOnlyList<string?>? Topics = null, IReadOnlyList<string?>? Products = null);

    public sealed record RoutingRulesDto(string? TriageDepartmentId, IReadOnlyList<RoutingRuleDto?>? Rules);

    public sealed record RoutingChangeDto(long Id, string Actor, DateTime At);

    public sealed record RoutingRulesView(string TriageDepartmentId, IReadOnlyList<RoutingRuleDto> Rules, IReadOnlyList<DepartmentRef> Departments,
        RoutingChangeDto? LastChange);

    private static readonly JsonSerializerOptions AuditJson = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapRoutingRuleEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/routing-rules").WithTags("Administration").RequireAuthorization(Policies.Admin);
        group.MapGet("", Get);
        group.MapPut("", Replace);
        return api;
    }

    private static async Task<RoutingRulesView> Get(RoutingRuleCache cache, CompanyDirectory directory,
        IDbContextFactory<GamifyDbContext> dbFactory, CancellationToken cancellationToken)
    {
        var (rules, triage) = await cache.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var last = await db.RoutingRuleChanges.AsNoTracking().OrderByDescending(c => c.Id)
            .Select(c => new RoutingChangeDto(c.Id, c.Actor, c.At)).FirstOrDefaultAsync(cancellationToken);
        return new RoutingRulesView(triage.ToString(), [.. rules.OrderBy(r => r.Order).Select(Dto)],
            [.. directory.Departments.OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => new DepartmentRef(d.Id, d.Name))], last);
    }

    /// <summary>Replaces the whole ordered list and the triage department; items already routed keep their departments.</summary>
    private static async Task<IResult> Replace(RoutingRulesDto? body, ClaimsPrincipal user, RoutingRuleCache cache,
        CompanyDirectory directory, TaxonomyBook taxonomy, IDbContextFactory<GamifyDbContext> dbFactory, EngagementWriter writer,
        TimeProvider time)
    {
        if (body is null)
        {
            return ApiProblems.Validation("body", "A body {\"triageDepartmentId\",\"rules\":[{\"name\",\"keywords\",\"channels\",\"topics\",\"products\",\"departmentIds\"}]} is required.");
        }

        var departments = directory.Departments.Select(d => d.Id).ToHashSet();
        var drafts = body.Rules?.Select(r => r is null ? null : new RoutingRuleDraft(r.Name, r.Keywords, r.Channels, r.DepartmentIds, r.Topics, r.Products)).ToList();
        var errors = RoutingRuleValidator.TryCreate(drafts, body.TriageDepartmentId, departments, await EmployeeNames(dbFactory),
            taxonomy.Current, out var rules, out var triage);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors.GroupBy(e => e.Path)
                .ToDictionary(g => g.Key, g => g.Select(e => $"{e.Path}: {e.Message}").ToArray()));
        }

        var actor = AdminEndpoints.Actor(user);
        await writer.ExclusiveAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.RoutingRules.ExecuteDeleteAsync();
            db.RoutingRules.AddRange(rules.Select(r => new RoutingRuleEntry
            {
                Id = Guid.CreateVersion7(), Order = r.Order, Name = r.Name, Keywords = string.Join(',', r.Keywords),
                Channels = string.Join(',', r.Channels), DepartmentIds = string.Join(',', r.DepartmentIds),
                Topics = string.Join(',', r.Topics), Products = string.Join(',', r.Products),
            }));
            await db.Departments.ExecuteUpdateAsync(s => s.SetProperty(d => d.IsTriage, d => d.Id == triage));
            var change = new RoutingRuleChange
            {
                Actor = actor,
                At = time.GetUtcNow().UtcDateTime,
                Rules = JsonSerializer.Serialize(new { TriageDepartmentId = triage, Rules = rules.Select(Dto) }, AuditJson),
            };
            db.RoutingRuleChanges.Add(change);
            db.Audit(change.At, actor, AuditActions.RoutingChanged, details: change.Rules);
            var written = await db.SaveChangesAsync();
            await tx.CommitAsync();
            return written;
        }, _ => cache.Invalidate());
        await directory.RefreshAsync();
        return TypedResults.Ok(new RoutingRulesDto(triage.ToString(), [.. rules.Select(Dto)]));
    }

    /// <summary>The employees' names, for refusing keywords that are a person's name.</summary>
    internal static async Task<EmployeeNameMatcher> EmployeeNames(IDbContextFactory<GamifyDbContext> dbFactory)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return new EmployeeNameMatcher(await db.Employees.AsNoTracking().Select(e => e.DisplayName).ToListAsync());
    }

    private static RoutingRuleDto Dto(RoutingRule r) =>
        new(r.Name, [.. r.Keywords], [.. r.Channels], [.. r.DepartmentIds.Select(d => (string?)d.ToString())], [.. r.Topics], [.. r.Products]);
}
