using GamifyHub.Data;
using GamifyHub.Data.Entities;
using GamifyHub.Data.Reading;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Server.Feedback;

/// <summary>Read side of the inbox: straight from the database, never through grains.</summary>
public sealed class FeedbackQueries(IDbContextFactory<GamifyDbContext> dbFactory, CompanyDirectory directory)
{
    public async Task<FeedbackPage> Inbox(Guid departmentId, Guid employeeId, FeedbackStatus? status, int page, int pageSize)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var query = db.FeedbackItems.AsNoTracking().Where(f => f.Routings.Any(r => r.DepartmentId == departmentId));
        if (status is { } s)
        {
            query = query.Where(f => f.Status == s);
        }

        var total = await query.CountAsync();
        var rows = await query.OrderByDescending(f => f.ReceivedAt).ThenByDescending(f => f.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(f => new
            {
                Item = f,
                Departments = f.Routings.Select(r => r.DepartmentId).ToList(),
                ReadByMe = db.Events.Any(e => e.FeedbackId == f.Id && e.EmployeeId == employeeId && e.Type == ActionType.Read),
            })
            .ToListAsync();
        return new FeedbackPage([.. rows.Select(r => ToDto(r.Item, r.Departments, r.ReadByMe))], total, page, pageSize);
    }

    public async Task<FeedbackDetail?> Detail(Guid id, Guid? employeeId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var item = await db.FeedbackItems.AsNoTracking().Include(f => f.Routings).FirstOrDefaultAsync(f => f.Id == id);
        if (item is null)
        {
            return null;
        }

        var events = await db.Events.AsNoTracking().Where(e => e.FeedbackId == id).OrderBy(e => e.Seq).ToListAsync();
        var history = events.Select(e => new HistoryEntry(e.EventId, ActionTypes.Name(e.Type),
            directory.Employee(e.EmployeeId)?.DisplayName ?? "former employee",
            directory.Department(e.DepartmentId)?.Name ?? "unknown", e.OccurredAt, Describe(e))).ToList();
        var readByMe = employeeId is { } me && events.Any(e => e.EmployeeId == me && e.Type == ActionType.Read);
        return new FeedbackDetail(ToDto(item, [.. item.Routings.Select(r => r.DepartmentId)], readByMe), history);
    }

    public async Task<bool> IsRoutedTo(Guid id, Guid departmentId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.FeedbackRoutings.AnyAsync(r => r.FeedbackId == id && r.DepartmentId == departmentId);
    }

    private string? Describe(EngagementEvent e) => e.Type switch
    {
        ActionType.Forward => $"to {directory.Department(e.TargetDepartmentId ?? Guid.Empty)?.Name ?? "unknown"}" +
            (e.Text is null ? "" : $": {e.Text}"),
        _ => e.Text,
    };

    private FeedbackItemDto ToDto(FeedbackItem f, IEnumerable<Guid> departments, bool readByMe) => new(
        f.Id, f.Channel, f.ExternalId, f.Author, f.Text, f.Url, f.Language,
        f.Sentiment.ToString().ToLowerInvariant(), f.Priority.ToString().ToLowerInvariant(), f.Status.ToString().ToLowerInvariant(),
        [.. departments.Select(d => new DepartmentRef(d, directory.Department(d)?.Name ?? "unknown"))],
        f.CreatedAt, f.ReplyCount, readByMe, f.ReceivedAt, f.DuplicateOfId);
}
