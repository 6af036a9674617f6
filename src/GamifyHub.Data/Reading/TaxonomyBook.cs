using GamifyHub.Data.Auditing;
using System.Text.Json;
using GamifyHub.Data.Entities;
using GamifyHub.Data.Writing;
using GamifyHub.Domain.Topics;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Data.Reading;

/// <summary>
/// The topics and products in force, held in memory for intake (which classifies every item with them) and replaced as a
/// whole when an admin edits them. Stored in TaxonomyEntries; every edit is audited in TaxonomyChanges. Items already
/// stored keep the topics and products they were given on arrival.
/// </summary>
public sealed class TaxonomyBook(IDbContextFactory<GamifyDbContext> dbFactory, EngagementWriter writer, TimeProvider time)
{
    public const string TopicKind = "topic";
    public const string ProductKind = "product";

    private static readonly JsonSerializerOptions AuditJson = new(JsonSerializerDefaults.Web);

    private volatile Taxonomy _current = Taxonomy.Empty;

    public Taxonomy Current => _current;

    /// <summary>Reads the stored taxonomy (start-up, before traffic).</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Taxonomy.AsNoTracking().OrderBy(t => t.Order).ToListAsync(cancellationToken);
        _current = new Taxonomy(Of(rows, TopicKind), Of(rows, ProductKind));
    }

    /// <summary>The last edit on record, if any.</summary>
    public async Task<TaxonomyChange?> LastChangeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.TaxonomyChanges.AsNoTracking().OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Replaces the stored taxonomy and records who did it, in one transaction through the single writer.</summary>
    public Task ReplaceAsync(Taxonomy taxonomy, string actor) =>
        writer.ExclusiveAsync(db => Write(db, taxonomy, actor, CancellationToken.None), _ => _current = taxonomy);

    /// <summary>
    /// Stores <paramref name="taxonomy"/> when none was ever set (no entries and no edit on record): the demo company's, also
    /// on a database made before topics existed. Runs at start-up, before the writer takes traffic. Answers whether it stored it.
    /// </summary>
    public async Task<bool> SeedIfNeverSetAsync(Taxonomy taxonomy, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.TaxonomyChanges.AnyAsync(cancellationToken) || await db.Taxonomy.AnyAsync(cancellationToken))
        {
            return false;
        }

        await Write(db, taxonomy, actor, cancellationToken);
        _current = taxonomy;
        return true;
    }

    private async Task<int> Write(GamifyDbContext db, Taxonomy taxonomy, string actor, CancellationToken cancellationToken)
    {
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Taxonomy.ExecuteDeleteAsync(cancellationToken);
        db.Taxonomy.AddRange(Rows(taxonomy.Topics, TopicKind).Concat(Rows(taxonomy.Products, ProductKind)));
        var change = new TaxonomyChange
        {
            Actor = actor,
            At = time.GetUtcNow().UtcDateTime,
            Taxonomy = JsonSerializer.Serialize(new { taxonomy.Topics, taxonomy.Products }, AuditJson),
        };
        db.TaxonomyChanges.Add(change);
        db.Audit(change.At, actor, AuditActions.TaxonomyChanged, details: change.Taxonomy);
        var written = await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return written;
    }

    private static IEnumerable<TaxonomyEntryRow> Rows(IReadOnlyList<TaxonomyEntry> entries, string kind) =>
        entries.Select((e, i) => new TaxonomyEntryRow
        {
            Id = Guid.CreateVersion7(), Kind = kind, Order = (i + 1) * 10, Name = e.Name, Keywords = string.Join(',', e.Keywords),
        });

    private static List<TaxonomyEntry> Of(IEnumerable<TaxonomyEntryRow> rows, string kind) =>
        [.. rows.Where(r => r.Kind == kind).Select(r => new TaxonomyEntry(r.Name,
            r.Keywords.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))];
}
