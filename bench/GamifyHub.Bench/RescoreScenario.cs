using System.Diagnostics;
using System.Globalization;
using GamifyHub.Data;
using GamifyHub.Data.Writing;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Bench;

/// <summary>
/// Rescoring (issue 4), end to end: a synthetic log of engagement events over ~1,000 employees and ~100,000 items
/// (fixed seed) is stored in a SQLite file with the server's schema, together with the award lines and flags the default
/// rules give it (the state before the change). Then <see cref="Rescoring.ApplyAsync"/> applies a changed rule set
/// (read points doubled) exactly as <c>POST /api/admin/rules/apply</c> does inside the writer: load the log, replay it
/// under the current and the proposed rules, diff, replace the award lines and flags, store the version, commit.
/// </summary>
public static class RescoreScenario
{
    public const int Employees = 1_000;
    public const int Departments = 100;
    public const int Items = 100_000;

    /// <param name="Phases">The apply without a preview before it: both rule sets replayed.</param>
    /// <param name="Preview">The preview of the change (both rule sets replayed side by side, nothing written).</param>
    /// <param name="AfterPreviewPhases">The apply right after that preview, on a fresh copy of the same file: the admin's
    /// flow (preview, then apply), where the current rules' standings come from the preview.</param>
    public sealed record Outcome(IReadOnlyList<RescorePhase> Phases, TimeSpan Total, TimeSpan Preview,
        IReadOnlyList<RescorePhase> AfterPreviewPhases, TimeSpan AfterPreviewTotal, long Lines, long Flags,
        long PointsBefore, long PointsAfter, TimeSpan Generate, TimeSpan Seed, bool SeedReused, bool ServerGc);

    public static RuleSet Changed { get; } = RuleSet.Default with
    {
        Version = RuleSet.Default.Version + 1,
        Rules = [.. RuleSet.Default.Rules.Select(r => r.Action == ActionType.Read ? r with { Points = r.Points * 2 } : r)],
    };

    // Part of the kept seeded file's name: raise it when Generate or SeedAsync changes what they write.
    private const int SeedVersion = 1;

    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>
    /// Seeds <paramref name="path"/> (from a kept copy beside it when one exists for this size and schema: seeding takes
    /// longer than the rescore) and applies the changed rules, timing only the apply.
    /// </summary>
    public static async Task<Outcome> RunAsync(string path, int count)
    {
        var clock = Stopwatch.StartNew();
        var (events, items, meta) = Generate(count, seed: 20261128);
        var generate = clock.Elapsed;

        clock.Restart();
        var seedCopy = $"{path}.seed-v{SeedVersion}-{count}-{LatestMigration()}";
        var reused = File.Exists(seedCopy) || await MigrateOlderSeedAsync(seedCopy, $"{Path.GetFileName(path)}.seed-v{SeedVersion}-{count}-");
        if (!reused)
        {
            await SeedAsync(seedCopy, events, items, meta);
        }

        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        File.Copy(seedCopy, path);
        var seed = clock.Elapsed;
        events.Clear();
        meta.Clear();
        items.Clear();
        GC.Collect();

        // 1. Applied cold: nothing known about the current rules' standings.
        clock.Restart();
        var applied = await ApplyAsync(path, standings: null);
        var total = clock.Elapsed;
        Check(path, applied);

        // 2. The admin's flow on a fresh copy: a preview, then the apply.
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        File.Copy(seedCopy, path);
        GC.Collect();
        var standings = new StandingsCache();
        clock.Restart();
        RescoreDiff previewed;
        await using (var db = Open(path))
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            previewed = await Rescoring.PreviewAsync(db, RuleSet.Default, Changed, Zone, standings);
        }

        var preview = clock.Elapsed;
        clock.Restart();
        var afterPreview = await ApplyAsync(path, standings);
        var afterPreviewTotal = clock.Elapsed;
        Check(path, afterPreview);
        if (!afterPreview.Phases.Any(p => p.Name.Contains("known from the preview", StringComparison.Ordinal)))
        {
            throw new BenchFailure("The apply after the preview replayed the current rules again.");
        }

        if (previewed.TotalAfter != afterPreview.Diff.TotalAfter || applied.Diff.TotalAfter != afterPreview.Diff.TotalAfter ||
            applied.Diff.EmployeesAffected != afterPreview.Diff.EmployeesAffected)
        {
            throw new BenchFailure($"Preview, cold apply and apply after the preview disagree: {previewed.TotalAfter:N0} / " +
                                   $"{applied.Diff.TotalAfter:N0} / {afterPreview.Diff.TotalAfter:N0} points after.");
        }

        return new Outcome(applied.Phases, total, preview, afterPreview.Phases, afterPreviewTotal, applied.AwardLines, applied.Flags,
            applied.Diff.TotalBefore, applied.Diff.TotalAfter, generate, seed, reused, System.Runtime.GCSettings.IsServerGC);
    }

    /// <summary>The kept seeded file (log, award lines, flags) of <paramref name="count"/> events beside <paramref name="path"/>,
    /// seeded first when none is kept: the same file <see cref="RunAsync"/> starts from.</summary>
    public static async Task<string> SeedCopyAsync(string path, int count)
    {
        var seedCopy = $"{path}.seed-v{SeedVersion}-{count}-{LatestMigration()}";
        if (!File.Exists(seedCopy) && !await MigrateOlderSeedAsync(seedCopy, $"{Path.GetFileName(path)}.seed-v{SeedVersion}-{count}-"))
        {
            var (events, items, meta) = Generate(count, seed: 20261128);
            await SeedAsync(seedCopy, events, items, meta);
        }

        return seedCopy;
    }

    private static async Task<RescoreApplied> ApplyAsync(string path, StandingsCache? standings)
    {
        RescoreApplied applied;
        await using (var db = Open(path))
        {
            applied = await Rescoring.ApplyAsync(db, RuleSet.Default, Changed, "bench", DateTime.UtcNow, Zone, CancellationToken.None,
                standings);
        }

        SqliteConnection.ClearAllPools();
        return applied;
    }

    private static GamifyDbContext Open(string path)
    {
        var builder = new DbContextOptionsBuilder<GamifyDbContext>();
        builder.UseGamifySqlite(SqliteDatabase.ConnectionString(path));
        return new GamifyDbContext(builder.Options);
    }

    /// <summary>What the file holds now must be what the apply reported: every line, every point, every flag.</summary>
    private static void Check(string path, RescoreApplied applied)
    {
        using var check = BenchDatabase.OpenReadOnly(path);
        var storedLines = Scalar(check, """SELECT COUNT(*) FROM "Awards";""");
        var storedPoints = Scalar(check, """SELECT COALESCE(SUM("Points"), 0) FROM "Awards";""");
        var storedFlags = Scalar(check, """SELECT COUNT(*) FROM "GamingFlags";""");
        if (storedLines != applied.AwardLines || storedPoints != applied.Diff.TotalAfter || storedFlags != applied.Flags)
        {
            throw new BenchFailure($"Rescoring stored {storedLines:N0} lines / {storedPoints:N0} points / {storedFlags:N0} flags, " +
                                   $"but reported {applied.AwardLines:N0} / {applied.Diff.TotalAfter:N0} / {applied.Flags:N0}.");
        }
    }

    /// <summary>
    /// A kept seed of the same log from before the latest migrations, brought up to date (migrations only add here): a
    /// new migration then costs seconds instead of seeding a million events again.
    /// </summary>
    private static async Task<bool> MigrateOlderSeedAsync(string seedCopy, string prefix)
    {
        var older = Directory.GetFiles(Path.GetDirectoryName(seedCopy)!, prefix + "*")
            .Where(f => !f.EndsWith(".partial", StringComparison.Ordinal) && !f.EndsWith("-wal", StringComparison.Ordinal) &&
                        !f.EndsWith("-shm", StringComparison.Ordinal))
            .OrderByDescending(f => f, StringComparer.Ordinal)
            .FirstOrDefault();
        if (older is null)
        {
            return false;
        }

        Console.WriteLine($"  rescoring: migrating the kept seed {Path.GetFileName(older)} to the latest schema …");
        var partial = seedCopy + ".partial";
        File.Copy(older, partial, overwrite: true);
        await using (var db = Open(partial))
        {
            await SqliteDatabase.MigrateAsync(db);
        }

        SqliteConnection.ClearAllPools();
        File.Move(partial, seedCopy);
        foreach (var file in new[] { older, older + "-wal", older + "-shm" })
        {
            File.Delete(file);
        }

        return true;
    }

    private static string LatestMigration()
    {
        var options = new DbContextOptionsBuilder<GamifyDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new GamifyDbContext(options);
        return db.Database.GetMigrations().Last();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The log, its items and routings, and the default rules' award lines and flags, as the server would hold them.</summary>
    private static async Task SeedAsync(string path, List<ReplayEvent> events, Dictionary<Guid, ItemProfile> items,
        List<Rescoring.EventMeta> meta)
    {
        Console.WriteLine($"  rescoring: seeding {events.Count:N0} events and their award lines (kept as {Path.GetFileName(path)}) …");
        var partial = path + ".partial";
        await BenchDatabase.CreateAsync(partial);
        await using (var connection = new SqliteConnection(SqliteDatabase.ConnectionString(partial)))
        {
            await connection.OpenAsync();
            Exec(connection, null, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
            using (var item = Command(connection, tx, """
                       INSERT INTO "FeedbackItems" ("Id", "Channel", "ExternalId", "Author", "Text", "Url", "Language", "Sentiment",
                                                    "Priority", "Status", "ReplyCount", "CreatedAt", "ReceivedAt")
                       VALUES ($1, $2, $3, 'bench', 'synthetic feedback', NULL, $4, $5, $6, 'Open', 0, $7, $7)
                       """, 7))
            using (var routing = Command(connection, tx, """
                       INSERT INTO "FeedbackRoutings" ("FeedbackId", "DepartmentId", "RoutedAt", "ForwardedByEventId") VALUES ($1, $2, $3, NULL)
                       """, 3))
            {
                var n = 0;
                foreach (var profile in items.Values)
                {
                    var received = Rescoring.DateText(profile.ReceivedAt.UtcDateTime);
                    Run(item, Rescoring.GuidText(profile.ItemId), profile.Channel, $"bench-{n++}", profile.Language,
                        profile.Sentiment.ToString(), profile.Priority.ToString(), received);
                    foreach (var department in profile.RoutedDepartments)
                    {
                        Run(routing, Rescoring.GuidText(profile.ItemId), Rescoring.GuidText(department), received);
                    }
                }
            }

            using (var insert = Command(connection, tx, """
                       INSERT INTO "Events" ("Seq", "EventId", "EmployeeId", "DepartmentId", "Type", "FeedbackId", "OccurredAt",
                                             "RecordedAt", "Source", "TargetDepartmentId", "Text", "Url", "DwellSeconds")
                       VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9, NULL, NULL, $10)
                       """, 10))
            {
                for (var i = 0; i < events.Count; i++)
                {
                    var e = events[i];
                    Run(insert, meta[i].Seq, Rescoring.GuidText(e.EventId), Rescoring.GuidText(e.EmployeeId),
                        Rescoring.GuidText(e.DepartmentId), e.Action.ToString(), e.FeedbackId is { } f ? Rescoring.GuidText(f) : null,
                        Rescoring.DateText(meta[i].OccurredAt), e.Source,
                        e.TargetDepartmentId is { } t ? Rescoring.GuidText(t) : null, e.DwellSeconds);
                }
            }

            var before = ScoreReplay.Run(RuleSet.Default, events, items, Zone);
            Rescoring.WriteScoresBulk(connection, tx, meta, before.Events);
            using (var rules = Command(connection, tx, """
                       INSERT INTO "RuleSets" ("Version", "Json", "CreatedAt", "CreatedBy") VALUES ($1, $2, $3, 'bench')
                       """, 3))
            {
                Run(rules, RuleSet.Default.Version, RuleSetFormat.Write(RuleSet.Default), Rescoring.DateText(DateTime.UtcNow));
            }

            await tx.CommitAsync();
            Exec(connection, null, "PRAGMA wal_checkpoint(TRUNCATE);");
        }

        SqliteConnection.ClearAllPools();
        File.Delete(partial + "-wal");
        File.Delete(partial + "-shm");
        File.Move(partial, path, overwrite: true);
    }

    private static void Exec(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction tx, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter("$" + i.ToString(CultureInfo.InvariantCulture), null));
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    /// <summary>
    /// A plausible log: events spread over ~6 months, each on a random item by a random employee; reads dominate, items are
    /// resolved, sometimes reopened, forwarded between departments. Lifecycle order is respected per item.
    /// </summary>
    public static (List<ReplayEvent> Events, Dictionary<Guid, ItemProfile> Items, List<Rescoring.EventMeta> Meta) Generate(int count, int seed)
    {
        var random = new Random(seed);
        Guid NextGuid()
        {
            Span<byte> bytes = stackalloc byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes);
        }

        var departments = Enumerable.Range(0, Departments).Select(_ => NextGuid()).ToArray();
        var employees = Enumerable.Range(0, Employees).Select(i => (Id: NextGuid(), Department: departments[i % Departments])).ToArray();
        var start = new DateTimeOffset(2026, 1, 5, 7, 0, 0, TimeSpan.Zero);
        var channels = new[] { "email", "appstore", "web", "survey" };
        var itemIds = new Guid[Items];
        var resolved = new bool[Items];
        var items = new Dictionary<Guid, ItemProfile>(Items);
        for (var i = 0; i < Items; i++)
        {
            itemIds[i] = NextGuid();
            items[itemIds[i]] = new ItemProfile(itemIds[i], channels[i % channels.Length], (Sentiment)(i % 3), (Priority)(i % 3),
                i % 5 == 0 ? "de" : "en", start.AddSeconds(i * 150L), [departments[i % Departments]]);
        }

        var events = new List<ReplayEvent>(count);
        var meta = new List<Rescoring.EventMeta>(count);
        var span = TimeSpan.FromDays(180).Ticks / Math.Max(count, 1);
        for (var n = 0; n < count; n++)
        {
            var at = start.AddTicks(span * n);
            // Items become available over time: pick among those received by now.
            var available = Math.Clamp((int)((at - start).TotalSeconds / 150) + 1, 1, Items);
            var item = random.Next(available);
            var (employee, department) = employees[random.Next(Employees)];
            var roll = random.Next(100);
            var action = roll switch
            {
                < 55 => ActionType.Read,
                < 70 => ActionType.Reply,
                < 75 => ActionType.Tag,
                < 83 => ActionType.Forward,
                < 88 => ActionType.Insight,
                < 97 => ActionType.Resolve,
                _ => ActionType.Reopen,
            };
            if (action == ActionType.Resolve && resolved[item] || action == ActionType.Reopen && !resolved[item])
            {
                action = ActionType.Read;
            }

            if (action == ActionType.Resolve)
            {
                resolved[item] = true;
            }
            else if (action == ActionType.Reopen)
            {
                resolved[item] = false;
            }

            Guid? target = action == ActionType.Forward ? departments[random.Next(Departments)] : null;
            int? dwell = action == ActionType.Read ? random.Next(1, 240) : null;
            var eventId = NextGuid();
            events.Add(new ReplayEvent(eventId, employee, department, action, at, "api", itemIds[item], target, dwell));
            meta.Add(new Rescoring.EventMeta(n + 1, eventId, employee, itemIds[item], at.UtcDateTime));
        }

        return (events, items, meta);
    }
}
