using System.Text.Json;
using GamifyHub.Data.Auditing;
using GamifyHub.Data.Entities;
using GamifyHub.Data.Writing;
using GamifyHub.Domain.Analytics.Study;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Data.Reading;

/// <summary>The outcome of an edit: the document in force afterwards, and whether the edit replaced it (false: the
/// caller's version was not the current one, nothing changed).</summary>
public sealed record StudyEdit<T>(T Current, bool Replaced);

/// <summary>
/// The benchmarks document and the return model in force, held in memory and replaced as a whole when an admin edits
/// one. Stored as versioned rows in AnalyticsStudy (none of a kind: the shipped default, version 1); an edit must name
/// the version it was made from, so two admins cannot overwrite each other unseen. Every edit is audited.
/// </summary>
public sealed class AnalyticsStudyBook(IDbContextFactory<GamifyDbContext> dbFactory, EngagementWriter writer, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = BenchmarkDefaults.Json;

    private volatile BenchmarkDocument? _benchmarks;
    private volatile ReturnModel? _returnModel;

    public async Task<BenchmarkDocument> BenchmarksAsync(CancellationToken cancellationToken = default) =>
        _benchmarks ??= await LoadAsync(AnalyticsStudyVersion.BenchmarksKind, BenchmarkDefaults.Document,
            (row, doc) => doc with { Version = row.Version }, cancellationToken);

    public async Task<ReturnModel> ReturnModelAsync(CancellationToken cancellationToken = default) =>
        _returnModel ??= await LoadAsync(AnalyticsStudyVersion.ReturnModelKind, ReturnModel.Default,
            (row, model) => model with { Version = row.Version }, cancellationToken);

    /// <summary>Replaces the benchmarks document when <paramref name="fromVersion"/> is the one in force; the new one gets
    /// the next version and now as its update time.</summary>
    public async Task<StudyEdit<BenchmarkDocument>> ReplaceBenchmarksAsync(BenchmarkDocument proposed, int fromVersion, string actor)
    {
        var edit = await writer.ExclusiveAsync(async db =>
        {
            var current = await CurrentAsync(db, AnalyticsStudyVersion.BenchmarksKind, BenchmarkDefaults.Document,
                (row, doc) => doc with { Version = row.Version });
            if (current.Version != fromVersion)
            {
                return new StudyEdit<BenchmarkDocument>(current, false);
            }

            var next = proposed with { Version = current.Version + 1, UpdatedAt = time.GetUtcNow() };
            await WriteAsync(db, AnalyticsStudyVersion.BenchmarksKind, next.Version, next, AuditActions.BenchmarksChanged, actor);
            return new StudyEdit<BenchmarkDocument>(next, true);
        }, e => _benchmarks = e.Current);
        return edit;
    }

    /// <summary>Replaces the return model when <paramref name="fromVersion"/> is the one in force.</summary>
    public async Task<StudyEdit<ReturnModel>> ReplaceReturnModelAsync(ReturnModel proposed, int fromVersion, string actor)
    {
        var edit = await writer.ExclusiveAsync(async db =>
        {
            var current = await CurrentAsync(db, AnalyticsStudyVersion.ReturnModelKind, ReturnModel.Default,
                (row, model) => model with { Version = row.Version });
            if (current.Version != fromVersion)
            {
                return new StudyEdit<ReturnModel>(current, false);
            }

            var next = proposed with { Version = current.Version + 1 };
            await WriteAsync(db, AnalyticsStudyVersion.ReturnModelKind, next.Version, next, AuditActions.ReturnModelChanged, actor);
            return new StudyEdit<ReturnModel>(next, true);
        }, e => _returnModel = e.Current);
        return edit;
    }

    /// <summary>The benchmarks document as version <paramref name="version"/> stored it (1: the shipped one); null for a
    /// version there never was.</summary>
    public Task<BenchmarkDocument?> BenchmarksAtAsync(int version, CancellationToken cancellationToken = default) =>
        AtAsync(AnalyticsStudyVersion.BenchmarksKind, version, BenchmarkDefaults.Document, (row, doc) => doc with { Version = row.Version },
            cancellationToken);

    /// <summary>The return model as version <paramref name="version"/> stored it (1: the shipped one); null for a version
    /// there never was.</summary>
    public Task<ReturnModel?> ReturnModelAtAsync(int version, CancellationToken cancellationToken = default) =>
        AtAsync(AnalyticsStudyVersion.ReturnModelKind, version, ReturnModel.Default, (row, model) => model with { Version = row.Version },
            cancellationToken);

    private async Task<T?> AtAsync<T>(string kind, int version, T shipped, Func<AnalyticsStudyVersion, T, T> stamp,
        CancellationToken cancellationToken) where T : class
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.AnalyticsStudy.AsNoTracking().FirstOrDefaultAsync(x => x.Kind == kind && x.Version == version, cancellationToken);
        return row is not null ? stamp(row, JsonSerializer.Deserialize<T>(row.Document, Json)!) : version == 1 ? shipped : null;
    }

    private async Task<T> LoadAsync<T>(string kind, T shipped, Func<AnalyticsStudyVersion, T, T> stamp, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await CurrentAsync(db, kind, shipped, stamp, cancellationToken);
    }

    private static async Task<T> CurrentAsync<T>(GamifyDbContext db, string kind, T shipped, Func<AnalyticsStudyVersion, T, T> stamp,
        CancellationToken cancellationToken = default)
    {
        var row = await db.AnalyticsStudy.AsNoTracking().Where(x => x.Kind == kind).OrderByDescending(x => x.Version)
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? shipped : stamp(row, JsonSerializer.Deserialize<T>(row.Document, Json)!);
    }

    private async Task WriteAsync<T>(GamifyDbContext db, string kind, int version, T document, string action, string actor)
    {
        var at = time.GetUtcNow().UtcDateTime;
        var json = JsonSerializer.Serialize(document, Json);
        await using var tx = await db.Database.BeginTransactionAsync();
        db.AnalyticsStudy.Add(new AnalyticsStudyVersion { Kind = kind, Version = version, At = at, Document = json });
        db.Audit(at, actor, action, details: $"{{\"version\":{version},\"document\":{json}}}");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
    }
}
