using System.Text.Json;
using GamifyHub.Data;
using GamifyHub.Data.Auditing;
using GamifyHub.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Server.Analytics;

/// <summary>
/// The versions of the benchmarks document and of the return model, newest first, with who saved each. The rows of
/// AnalyticsStudy say what and when; who is on the audit line written in the same transaction (same time, same version
/// in its details), by id, and is shown as the person's current email like the audit page does.
/// </summary>
public sealed class StudyHistoryQueries(IDbContextFactory<GamifyDbContext> dbFactory)
{
    public Task<StudyVersionPage> BenchmarkVersions(int page, int pageSize, CancellationToken cancellationToken) =>
        Versions(AnalyticsStudyVersion.BenchmarksKind, AuditActions.BenchmarksChanged, page, pageSize, cancellationToken);

    public Task<StudyVersionPage> ReturnModelVersions(int page, int pageSize, CancellationToken cancellationToken) =>
        Versions(AnalyticsStudyVersion.ReturnModelKind, AuditActions.ReturnModelChanged, page, pageSize, cancellationToken);

    private async Task<StudyVersionPage> Versions(string kind, string action, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Version and time only: the documents themselves are read one at a time, when an admin opens one.
        var stored = await db.AnalyticsStudy.AsNoTracking().Where(x => x.Kind == kind).OrderByDescending(x => x.Version)
            .Select(x => new { x.Version, x.At }).ToListAsync(cancellationToken);
        var all = stored.Select(x => (x.Version, At: (DateTime?)DateTime.SpecifyKind(x.At, DateTimeKind.Utc))).ToList();
        if (all.All(x => x.Version != 1))
        {
            all.Add((1, null)); // the shipped version: no row, no audit line
        }

        var shown = all.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        var authors = await AuthorsAsync(db, action, [.. shown.Where(x => x.At is not null).Select(x => x.At!.Value)], cancellationToken);
        return new StudyVersionPage(
            [.. shown.Select(x => new StudyVersionRow(x.Version, x.At, x.At is null ? null : authors.GetValueOrDefault(x.Version)))],
            all.Count, page, pageSize);
    }

    /// <summary>Who saved each version among the audit lines of <paramref name="action"/> at those times, by version.</summary>
    private static async Task<Dictionary<int, string>> AuthorsAsync(GamifyDbContext db, string action, List<DateTime> times,
        CancellationToken cancellationToken)
    {
        if (times.Count == 0)
        {
            return [];
        }

        var lines = await db.AuditLog.AsNoTracking().Where(e => e.Action == action && times.Contains(e.At))
            .Select(e => new { e.Actor, e.Details }).ToListAsync(cancellationToken);
        var byVersion = new Dictionary<int, string>();
        foreach (var line in lines)
        {
            if (VersionOf(line.Details) is { } version)
            {
                byVersion[version] = line.Actor;
            }
        }

        // As the audit page shows an actor: a person by their current email, an erased one as a former colleague.
        var actors = await AuditActors.ReadAsync(db, byVersion.Values, cancellationToken);
        return byVersion.ToDictionary(x => x.Key, x => actors.Actor(x.Value));
    }

    /// <summary>The version a study line records (details <c>{"version":n,"document":…}</c>); null if unreadable.</summary>
    private static int? VersionOf(string details)
    {
        try
        {
            using var document = JsonDocument.Parse(details);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("version", out var version) && version.TryGetInt32(out var n) ? n : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
