using GamifyHub.Data;
using GamifyHub.Domain.Routing;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Server.Feedback;

/// <summary>The routing rules and triage department, as kept in the database; reloaded when they change.</summary>
public sealed class RoutingRuleCache(IDbContextFactory<GamifyDbContext> dbFactory)
{
    private volatile Snapshot? _snapshot;

    public async Task<(IReadOnlyList<RoutingRule> Rules, Guid TriageDepartmentId)> GetAsync()
    {
        var snapshot = _snapshot ?? await LoadAsync();
        return (snapshot.Rules, snapshot.Triage);
    }

    public void Invalidate() => _snapshot = null;

    private async Task<Snapshot> LoadAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var entries = await db.RoutingRules.AsNoTracking().OrderBy(r => r.Order).ToListAsync();
        var triage = await db.Departments.Where(d => d.IsTriage).Select(d => d.Id).FirstOrDefaultAsync();
        var rules = entries.Select(e => new RoutingRule(e.Order, e.Name, Split(e.Keywords), Split(e.Channels),
            [.. Split(e.DepartmentIds).Select(Guid.Parse)], Split(e.Topics), Split(e.Products))).ToList();
        var snapshot = new Snapshot(rules, triage);
        _snapshot = snapshot;
        return snapshot;
    }

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private sealed record Snapshot(IReadOnlyList<RoutingRule> Rules, Guid Triage);
}
