using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Data.Privacy;

/// <summary>The consent history is personal data: in "export my data", and gone with "erase me".</summary>
public sealed class ConsentHistorySection : IPersonalDataSection
{
    public string Name => "consentHistory";

    public async Task<object?> ExportAsync(GamifyDbContext db, Guid employeeId, CancellationToken cancellationToken) =>
        await db.ConsentChanges.AsNoTracking().Where(c => c.EmployeeId == employeeId).OrderBy(c => c.Id)
            .Select(c => new { c.RankedByName, At = DateTime.SpecifyKind(c.At, DateTimeKind.Utc) }).ToListAsync(cancellationToken);

    public Task EraseAsync(GamifyDbContext db, Guid employeeId, CancellationToken cancellationToken) =>
        db.ConsentChanges.Where(c => c.EmployeeId == employeeId).ExecuteDeleteAsync(cancellationToken);
}
