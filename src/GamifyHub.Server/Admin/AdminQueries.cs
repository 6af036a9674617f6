using System.Text.Json;
using GamifyHub.Data;
using GamifyHub.Data.Reading;
using GamifyHub.Domain.Scoring;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Server.Admin;

/// <summary>Read side of the admin area: anti-gaming flags and the rule change audit, straight from the database.</summary>
public sealed class AdminQueries(IDbContextFactory<GamifyDbContext> dbFactory, CompanyDirectory directory)
{
    private static readonly JsonSerializerOptions SummaryJson = new(JsonSerializerDefaults.Web);

    /// <summary>Flags newest first (ties by id, newest first), optionally of one kind and of one employee.</summary>
    public async Task<FlagPage> Flags(string? flag, Guid? employeeId, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var flags = db.GamingFlags.AsNoTracking();
        if (flag is not null)
        {
            flags = flags.Where(f => f.Flag == flag);
        }

        if (employeeId is { } employee)
        {
            flags = flags.Where(f => f.EmployeeId == employee);
        }

        var total = await flags.CountAsync(cancellationToken);
        var rows = await flags
            .OrderByDescending(f => f.OccurredAt).ThenByDescending(f => f.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Join(db.Events, f => f.EventId, e => e.EventId, (f, e) => new { f.Id, f.OccurredAt, f.EmployeeId, f.Flag, f.EventId, e.Type, e.FeedbackId, e.DepartmentId })
            .ToListAsync(cancellationToken);

        // The join keeps the order of the outer sequence on SQLite, but say it rather than rely on it.
        var items = rows.OrderByDescending(r => r.OccurredAt).ThenByDescending(r => r.Id).Select(r => new FlagRow(
            r.Id, DateTime.SpecifyKind(r.OccurredAt, DateTimeKind.Utc), r.EmployeeId, directory.Employee(r.EmployeeId)?.DisplayName ?? "former employee",
            r.DepartmentId, directory.Department(r.DepartmentId)?.Name ?? "unknown", r.Flag, r.EventId, ActionTypes.Name(r.Type),
            r.FeedbackId)).ToList();
        return new FlagPage(items, total, page, pageSize);
    }

    /// <summary>The audit of rule previews and applies, newest first, optionally of one kind.</summary>
    public async Task<RuleHistoryPage> RuleHistory(string? kind, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changes = db.RuleChanges.AsNoTracking();
        if (kind is not null)
        {
            changes = changes.Where(c => c.Kind == kind);
        }

        var total = await changes.CountAsync(cancellationToken);
        var rows = await changes.OrderByDescending(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new RuleHistoryPage(
            [.. rows.Select(c => new RuleChangeRow(c.Id, c.Kind, c.Version, c.Actor, DateTime.SpecifyKind(c.At, DateTimeKind.Utc), ReadSummary(c.Summary)))],
            total, page, pageSize);
    }

    /// <summary>Each employee's change with their name and department, in the diff's order.</summary>
    public IReadOnlyList<EmployeeRescoreView> Named(IReadOnlyList<EmployeeRescore> employees) =>
    [
        .. employees.Select(e =>
        {
            var employee = directory.Employee(e.EmployeeId);
            var department = employee is null ? null : directory.Department(employee.DepartmentId);
            return new EmployeeRescoreView(e.EmployeeId, employee?.DisplayName ?? "former employee", department?.Id, department?.Name,
                e.PointsBefore, e.PointsAfter, e.Delta, e.BadgesGained, e.BadgesLost);
        }),
    ];

    private static RuleChangeSummary? ReadSummary(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<RuleChangeSummary>(json, SummaryJson);
        }
        catch (JsonException)
        {
            return null; // an audit row is shown even when its summary cannot be read
        }
    }
}
