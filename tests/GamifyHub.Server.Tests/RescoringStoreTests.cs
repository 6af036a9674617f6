using GamifyHub.Data;
using GamifyHub.Data.Writing;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GamifyHub.Server.Tests;

/// <summary>
/// Rescoring's fast paths (the raw log reader, the in-place rewrite of Awards, the bulk writer) against the plain ones
/// (the EF Core log query, emptying the tables and <see cref="Rescoring.WriteScores"/>), on a generated log with every kind
/// of event in a real SQLite file with the server's schema: same log, same award lines in the same order, same flags.
/// </summary>
public sealed class RescoringStoreTests : IDisposable
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateTime Now = new(2026, 11, 28, 9, 0, 0, DateTimeKind.Utc);
    private readonly string _dir = Directory.CreateTempSubdirectory("gamifyhub-rescoring-").FullName;

    public static TheoryData<string> Changes => [.. ChangeNamed.Keys];

    private static Dictionary<string, RuleSet> ChangeNamed { get; } = new()
    {
        // Same lines, other points and reasons: every line is updated in place.
        ["read points doubled"] = RuleSet.Default with
        {
            Rules = [.. RuleSet.Default.Rules.Select(r => r.Action == ActionType.Read ? r with { Points = r.Points * 2 } : r)],
        },
        ["no shared credit"] = RuleSet.Default with { SharedCredit = new SharedCredit(0m) },
        ["more shared credit"] = RuleSet.Default with { SharedCredit = new SharedCredit(0.6m) },
        ["stricter anti-gaming"] = RuleSet.Default with { AntiGaming = new AntiGaming(MinReadSeconds: 20, BurstCount: 3, BurstWindowSeconds: 600) },
        ["no anti-gaming"] = RuleSet.Default with { AntiGaming = new AntiGaming(MinReadSeconds: 0, BurstCount: 0, BurstWindowSeconds: 60) },
        ["tight caps, steep diminishing"] = RuleSet.Default with
        {
            Limits = RuleSet.Default.Limits with
            {
                DailyCap = Enum.GetValues<PointCategory>().ToDictionary(c => c, _ => 7),
                DiminishAfter = 1,
                DiminishFactor = 0.5m,
            },
        },
    };

    [Fact]
    public async Task The_raw_log_reader_reads_what_the_EF_Core_query_reads()
    {
        var path = await SeedAsync("log.db", events: 3_000);
        await using var db = Open(path);
        await using var tx = await db.Database.BeginTransactionAsync();
        var expected = await ReferenceLoadAsync(db);
        var actual = await Rescoring.LoadLogAsync(db, CancellationToken.None);
        AssertSameLog(expected, actual);
    }

    [Fact]
    public async Task A_value_not_stored_as_EF_Core_stores_it_is_read_through_EF_Core()
    {
        var path = await SeedAsync("odd.db", events: 500);
        Exec(path, """UPDATE "Events" SET "OccurredAt" = replace("OccurredAt", ' ', 'T') WHERE "Seq" = 7""");
        Exec(path, """UPDATE "Events" SET "EmployeeId" = lower("EmployeeId") WHERE "Seq" % 5 = 0""");
        await using var db = Open(path);
        await using var tx = await db.Database.BeginTransactionAsync();
        AssertSameLog(await ReferenceLoadAsync(db), await Rescoring.LoadLogAsync(db, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Applying_a_rule_change_stores_exactly_what_the_simple_writer_stores(string change)
    {
        await AssertApplyMatchesSimpleWriter(await SeedAsync("apply.db", events: 4_000), ChangeNamed[change]);
    }

    [Fact]
    public async Task Applying_over_an_empty_Awards_table_inserts_every_line_and_keeps_the_indexes()
    {
        var path = await SeedAsync("empty.db", events: 2_000);
        Exec(path, """DELETE FROM "Awards"; DELETE FROM "GamingFlags";""");
        await AssertApplyMatchesSimpleWriter(path, ChangeNamed["read points doubled"]);
    }

    [Fact]
    public async Task Applying_a_change_to_most_lines_drops_and_rebuilds_the_indexes_and_still_matches()
    {
        // Most stored lines gone and the rest flagged away (every second action of a type within a day is a burst): far
        // more lines to insert and delete than the rewrite handles with the indexes in place (10,000 or 5 %).
        var path = await SeedAsync("many.db", events: 40_000);
        Exec(path, """DELETE FROM "Awards" WHERE "Id" % 4 <> 0""");
        await AssertApplyMatchesSimpleWriter(path, RuleSet.Default with { AntiGaming = new AntiGaming(600, 2, 24 * 60 * 60) });
        Assert.True(int.Parse(Rows(path, """SELECT COUNT(*) FROM "Awards" """)[0], System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task Stored_lines_not_in_the_writers_form_are_rewritten()
    {
        var path = await SeedAsync("lower.db", events: 2_000);
        Exec(path, """UPDATE "Awards" SET "EmployeeId" = lower("EmployeeId") WHERE "Id" % 7 = 0""");
        Exec(path, """UPDATE "Awards" SET "OccurredAt" = "OccurredAt" || '000' WHERE "Id" % 11 = 0 AND length("OccurredAt") = 23""");
        await AssertApplyMatchesSimpleWriter(path, ChangeNamed["read points doubled"]);
    }

    [Fact]
    public async Task The_bulk_writer_writes_what_the_simple_writer_writes()
    {
        var path = await SeedAsync("bulk.db", events: 3_000);
        var copy = Copy(path, "bulk-simple.db");
        var (bulk, simple) = (await WriteAsync(path, bulk: true), await WriteAsync(copy, bulk: false));
        Assert.Equal(simple, bulk);
        Assert.Equal(Rows(copy, AwardRows), Rows(path, AwardRows));
        Assert.Equal(Rows(copy, FlagRows), Rows(path, FlagRows));
        Assert.Equal(Rows(copy, Indexes), Rows(path, Indexes));
    }

    [Fact]
    public async Task An_apply_right_after_a_preview_takes_its_standings_and_reports_what_a_full_replay_reports()
    {
        var path = await SeedAsync("preview-then-apply.db", events: 3_000);
        var cold = Copy(path, "cold-apply.db");
        var proposed = ChangeNamed["read points doubled"];
        var cache = new StandingsCache();
        var input = await PreviewAsync(path, RuleSet.Default, cache);

        RescoreApplied warm, full;
        await using (var db = Open(path))
        {
            warm = await Rescoring.ApplyAsync(db, RuleSet.Default, proposed, "test", Now, Zone, CancellationToken.None, cache);
        }

        await using (var db = Open(cold))
        {
            full = await Rescoring.ApplyAsync(db, RuleSet.Default, proposed, "test", Now, Zone);
        }

        SqliteConnection.ClearAllPools();
        Assert.Contains(warm.Phases, p => p.Name.Contains("known from the preview", StringComparison.Ordinal));
        Assert.DoesNotContain(full.Phases, p => p.Name.Contains("known from the preview", StringComparison.Ordinal));
        Assert.Equal(Describe(full.Diff), Describe(warm.Diff));
        Assert.NotEqual(0, warm.Diff.TotalDelta);
        Assert.Equal(Rows(cold, AwardRows), Rows(path, AwardRows));

        // The apply leaves the new rules' standings for the next preview of the same log, and nothing for the old rules.
        Assert.NotNull(cache.Find(warm.Rules, Zone, input));
        Assert.Null(cache.Find(RuleSet.Default, Zone, input));
    }

    [Fact]
    public async Task Standings_of_another_log_or_other_rules_or_zone_are_not_taken()
    {
        var path = await SeedAsync("moved-on.db", events: 3_000);
        var cache = new StandingsCache();
        var input = await PreviewAsync(path, RuleSet.Default, cache);
        Assert.Null(cache.Find(ChangeNamed["no shared credit"], Zone, input));
        Assert.Null(cache.Find(RuleSet.Default, TimeZoneInfo.Utc, input));
        Assert.Null(cache.Find(RuleSet.Default, Zone, input with { Events = input.Events + 1 }));

        // One event less since the preview (as if the log had moved on): the apply replays the current rules itself.
        Exec(path, """DELETE FROM "Awards" WHERE "EventSeq" = (SELECT MAX("Seq") FROM "Events"); DELETE FROM "Events" WHERE "Seq" = (SELECT MAX("Seq") FROM "Events");""");
        RescoreApplied applied;
        await using (var db = Open(path))
        {
            applied = await Rescoring.ApplyAsync(db, RuleSet.Default, ChangeNamed["read points doubled"], "test", Now, Zone,
                CancellationToken.None, cache);
        }

        SqliteConnection.ClearAllPools();
        Assert.DoesNotContain(applied.Phases, p => p.Name.Contains("known from the preview", StringComparison.Ordinal));
    }

    /// <summary>A preview (as the endpoint makes it) of a change to <paramref name="current"/>; returns the log's identity.</summary>
    private static async Task<ReplayInput> PreviewAsync(string path, RuleSet current, StandingsCache cache)
    {
        await using var db = Open(path);
        await using var tx = await db.Database.BeginTransactionAsync();
        var diff = await Rescoring.PreviewAsync(db, current, ChangeNamed["read points doubled"], Zone, cache);
        Assert.True(diff.TotalAfter > diff.TotalBefore);
        var log = await Rescoring.LoadLogAsync(db, CancellationToken.None);
        var input = ReplayInput.Of(log.Events, log.Items);
        Assert.NotNull(cache.Find(current, Zone, input));
        return input;
    }

    private static List<string> Describe(RescoreDiff diff) =>
    [
        $"{diff.TotalBefore} {diff.TotalAfter} {diff.EmployeesAffected} {diff.BadgesGained} {diff.BadgesLost}",
        .. diff.Employees.Select(e => $"{e.EmployeeId} {e.PointsBefore} {e.PointsAfter} +{string.Join(',', e.BadgesGained)} -{string.Join(',', e.BadgesLost)}"),
    ];

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private const string AwardRows = """
        SELECT quote("EventSeq") || '|' || quote("EventId") || '|' || quote("EmployeeId") || '|' || quote("DepartmentId") || '|' ||
               quote("FeedbackId") || '|' || quote("Points") || '|' || quote("Category") || '|' || quote("RuleId") || '|' ||
               quote("RuleVersion") || '|' || quote("Reason") || '|' || quote("OccurredAt")
        FROM "Awards" ORDER BY "EventSeq", "Id"
        """;

    private const string FlagRows = """
        SELECT quote("EventId") || '|' || quote("EmployeeId") || '|' || quote("Flag") || '|' || quote("OccurredAt")
        FROM "GamingFlags" ORDER BY "Id"
        """;

    private const string Indexes = """
        SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('Awards', 'GamingFlags') AND sql IS NOT NULL ORDER BY name
        """;

    /// <summary>
    /// <see cref="Rescoring.ApplyAsync"/> on <paramref name="path"/> against what rescoring stored before it was made fast,
    /// on a copy: the log through EF Core, the tables emptied, every line through <see cref="Rescoring.WriteScores"/>.
    /// </summary>
    private async Task AssertApplyMatchesSimpleWriter(string path, RuleSet proposed)
    {
        var reference = Copy(path, Path.GetFileNameWithoutExtension(path) + "-reference.db");
        var indexes = Rows(path, Indexes);
        long referencePoints;
        await using (var db = Open(reference))
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var log = await ReferenceLoadAsync(db);
            var after = ScoreReplay.Run(proposed with { Version = 2 }, log.Events, log.Items, Zone);
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var transaction = (SqliteTransaction)tx.GetDbTransaction();
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "Awards"; DELETE FROM "GamingFlags";""");
            Rescoring.WriteScores(connection, transaction, log.Meta, after.Events);
            await tx.CommitAsync();
            referencePoints = after.Employees.Values.Sum(e => e.Total);
        }

        RescoreApplied applied;
        await using (var db = Open(path))
        {
            applied = await Rescoring.ApplyAsync(db, RuleSet.Default, proposed, "test", Now, Zone);
        }

        SqliteConnection.ClearAllPools();
        Assert.Equal(2, applied.Rules.Version);
        Assert.Equal(referencePoints, applied.Diff.TotalAfter);
        var expected = Rows(reference, AwardRows);
        var actual = Rows(path, AwardRows);
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Count, applied.AwardLines);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i] == actual[i], $"Award line {i}: expected {expected[i]}, stored {actual[i]}");
        }

        Assert.Equal(Rows(reference, FlagRows), Rows(path, FlagRows));
        Assert.Equal(indexes, Rows(path, Indexes));
        Assert.Equal(new List<string> { "1", "0" }, Rows(path, """SELECT COUNT(*) FROM "RuleSets" WHERE "Version" = 2 UNION ALL SELECT COUNT(*) FROM pragma_foreign_key_check"""));
    }

    /// <summary>The default rules' lines for the seeded log, through the bulk or the simple writer.</summary>
    private async Task<(int, int)> WriteAsync(string path, bool bulk)
    {
        await using var db = Open(path);
        await using var tx = await db.Database.BeginTransactionAsync();
        var log = await ReferenceLoadAsync(db);
        var scores = ScoreReplay.Run(RuleSet.Default with { Version = 3 }, log.Events, log.Items, Zone).Events;
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var transaction = (SqliteTransaction)tx.GetDbTransaction();
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "Awards"; DELETE FROM "GamingFlags";""");
        var written = bulk
            ? Rescoring.WriteScoresBulk(connection, transaction, log.Meta, scores)
            : Rescoring.WriteScores(connection, transaction, log.Meta, scores);
        await tx.CommitAsync();
        return written;
    }

    /// <summary>The log as rescoring read it before it had a reader of its own: the EF Core query, kept here as the reference.</summary>
    private static async Task<(List<ReplayEvent> Events, Dictionary<Guid, ItemProfile> Items, List<Rescoring.EventMeta> Meta)> ReferenceLoadAsync(
        GamifyDbContext db)
    {
        var rows = await db.Events.AsNoTracking().OrderBy(e => e.Seq)
            .Select(e => new { e.Seq, e.EventId, e.EmployeeId, e.DepartmentId, e.Type, e.OccurredAt, e.Source, e.FeedbackId, e.TargetDepartmentId, e.DwellSeconds })
            .ToListAsync();
        var routings = (await db.FeedbackRoutings.AsNoTracking().Where(r => r.ForwardedByEventId == null)
                .OrderBy(r => r.RoutedAt).Select(r => new { r.FeedbackId, r.DepartmentId }).ToListAsync())
            .ToLookup(r => r.FeedbackId, r => r.DepartmentId);
        var items = await db.FeedbackItems.AsNoTracking()
            .Select(f => new { f.Id, f.Channel, f.Sentiment, f.Priority, f.Language, f.ReceivedAt })
            .ToListAsync();
        static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
        return ([.. rows.Select(e => new ReplayEvent(e.EventId, e.EmployeeId, e.DepartmentId, e.Type, Utc(e.OccurredAt), e.Source,
                e.FeedbackId, e.TargetDepartmentId, e.DwellSeconds))],
            items.ToDictionary(i => i.Id,
                i => new ItemProfile(i.Id, i.Channel, i.Sentiment, i.Priority, i.Language, Utc(i.ReceivedAt), [.. routings[i.Id]])),
            [.. rows.Select(e => new Rescoring.EventMeta(e.Seq, e.EventId, e.EmployeeId, e.FeedbackId, e.OccurredAt))]);
    }

    private static void AssertSameLog(
        (List<ReplayEvent> Events, Dictionary<Guid, ItemProfile> Items, List<Rescoring.EventMeta> Meta) expected,
        (List<ReplayEvent> Events, Dictionary<Guid, ItemProfile> Items, List<Rescoring.EventMeta> Meta) actual)
    {
        Assert.Equal(expected.Events, actual.Events);
        Assert.Equal(expected.Meta, actual.Meta);
        Assert.Equal(expected.Meta.Select(m => m.OccurredAt.Kind), actual.Meta.Select(m => m.OccurredAt.Kind));
        Assert.Equal(expected.Items.Count, actual.Items.Count);
        foreach (var (id, item) in expected.Items)
        {
            var other = actual.Items[id];
            Assert.Equal(item with { RoutedDepartments = [] }, other with { RoutedDepartments = [] });
            Assert.Equal(item.RoutedDepartments, other.RoutedDepartments);
        }
    }

    /// <summary>
    /// A log with every kind of event: reads (some too fast, some in bursts), replies, tags, forwards (shared credit),
    /// insights, resolves and reopens (clawbacks), automation, events about no item; items routed to several departments at
    /// the same instant (ties the reader must keep in the database's order). The default rules' lines and flags stored.
    /// </summary>
    private async Task<string> SeedAsync(string name, int events)
    {
        var path = Path.Combine(_dir, name);
        await using (var db = Open(path))
        {
            await SqliteDatabase.MigrateAsync(db);
        }

        var random = new Random(20261128);
        Guid NextGuid()
        {
            Span<byte> bytes = stackalloc byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes);
        }

        var departments = Enumerable.Range(0, 8).Select(_ => NextGuid()).ToArray();
        var employees = Enumerable.Range(0, 30).Select(i => (Id: NextGuid(), Department: departments[i % departments.Length])).ToArray();
        var start = new DateTime(2026, 3, 20, 6, 0, 0, DateTimeKind.Utc); // across the change to summer time in Berlin
        var items = Enumerable.Range(0, 400).Select(i => (Id: NextGuid(), Received: start.AddMinutes(i * 7))).ToArray();
        await using var connection = new SqliteConnection(SqliteDatabase.ConnectionString(path));
        await connection.OpenAsync();
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        void Insert(string sql, params object?[] values)
        {
            using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = sql;
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters.AddWithValue($"$p{i}", values[i] ?? DBNull.Value);
            }

            command.ExecuteNonQuery();
        }

        string[] channels = ["email", "appstore", "web", "survey"];
        for (var i = 0; i < items.Length; i++)
        {
            var (id, received) = items[i];
            Insert("""
                INSERT INTO "FeedbackItems" ("Id", "Channel", "ExternalId", "Author", "Text", "Url", "Language", "Sentiment", "Priority",
                                             "Status", "ReplyCount", "CreatedAt", "ReceivedAt")
                VALUES ($p0, $p1, $p2, 'someone', 'feedback', NULL, $p3, $p4, $p5, 'Open', 0, $p6, $p6)
                """, Rescoring.GuidText(id), channels[i % channels.Length], $"x-{i}", i % 4 == 0 ? "de" : "en",
                ((Sentiment)(i % 3)).ToString(), ((Priority)(i % 3)).ToString(), Rescoring.DateText(received));
            // Routed to one to three departments at the same instant: ties on RoutedAt.
            foreach (var department in departments.OrderBy(_ => random.Next()).Take(1 + i % 3))
            {
                Insert("""INSERT INTO "FeedbackRoutings" ("FeedbackId", "DepartmentId", "RoutedAt", "ForwardedByEventId") VALUES ($p0, $p1, $p2, NULL)""",
                    Rescoring.GuidText(id), Rescoring.GuidText(department), Rescoring.DateText(received));
            }
        }

        var resolved = new bool[items.Length];
        var at = start;
        for (var n = 1; n <= events; n++)
        {
            // Mostly minutes apart, sometimes seconds (bursts), now and then a fraction of a second.
            at = at.AddTicks(random.Next(10) switch
            {
                0 => TimeSpan.TicksPerSecond * random.Next(1, 5),
                1 => random.Next(1, 9_999_999),
                _ => TimeSpan.TicksPerMinute * random.Next(1, 20),
            });
            var itemIndex = Math.Min(items.Length - 1, random.Next((int)((at - start).TotalMinutes / 7) + 1));
            var (employee, department) = employees[random.Next(employees.Length)];
            var action = random.Next(100) switch
            {
                < 50 => ActionType.Read,
                < 62 => ActionType.Reply,
                < 67 => ActionType.Tag,
                < 77 => ActionType.Forward,
                < 84 => ActionType.Insight,
                < 94 => ActionType.Resolve,
                _ => ActionType.Reopen,
            };
            if ((action == ActionType.Resolve && resolved[itemIndex]) || (action == ActionType.Reopen && !resolved[itemIndex]))
            {
                action = ActionType.Read;
            }

            resolved[itemIndex] = action == ActionType.Resolve || (resolved[itemIndex] && action != ActionType.Reopen);
            var itemless = random.Next(40) == 0;
            var source = random.Next(25) == 0 ? EngagementSources.Automation : random.Next(2) == 0 ? "web" : "api";
            var target = action == ActionType.Forward ? departments[random.Next(departments.Length)] : (Guid?)null;
            int? dwell = action == ActionType.Read && random.Next(4) > 0 ? random.Next(0, 60) : null;
            Insert("""
                INSERT INTO "Events" ("Seq", "EventId", "EmployeeId", "DepartmentId", "Type", "FeedbackId", "OccurredAt", "RecordedAt",
                                      "Source", "TargetDepartmentId", "Text", "Url", "DwellSeconds")
                VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p6, $p7, $p8, NULL, NULL, $p9)
                """, n, Rescoring.GuidText(NextGuid()), Rescoring.GuidText(employee), Rescoring.GuidText(department), action.ToString(),
                itemless ? null : Rescoring.GuidText(items[itemIndex].Id), Rescoring.DateText(at), source,
                target is { } t ? Rescoring.GuidText(t) : null, dwell);
        }

        await tx.CommitAsync();
        await connection.CloseAsync();

        // The state before the change: the default rules' lines, as the simple writer stores them.
        await using (var db = Open(path))
        {
            await using var seedTx = await db.Database.BeginTransactionAsync();
            var log = await ReferenceLoadAsync(db);
            var before = ScoreReplay.Run(RuleSet.Default, log.Events, log.Items, Zone);
            Rescoring.WriteScores((SqliteConnection)db.Database.GetDbConnection(), (SqliteTransaction)seedTx.GetDbTransaction(), log.Meta,
                before.Events);
            db.RuleSets.Add(new Data.Entities.RuleSetEntry { Version = 1, Json = RuleSetFormat.Write(RuleSet.Default), CreatedAt = Now });
            await db.SaveChangesAsync();
            await seedTx.CommitAsync();
        }

        SqliteConnection.ClearAllPools();
        return path;
    }

    private static GamifyDbContext Open(string path)
    {
        var options = new DbContextOptionsBuilder<GamifyDbContext>();
        options.UseGamifySqlite(SqliteDatabase.ConnectionString(path));
        return new GamifyDbContext(options.Options);
    }

    private string Copy(string path, string name)
    {
        SqliteConnection.ClearAllPools();
        var copy = Path.Combine(_dir, name);
        File.Copy(path, copy);
        return copy;
    }

    private static void Exec(string path, string sql)
    {
        using var connection = new SqliteConnection(SqliteDatabase.ConnectionString(path));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<string> Rows(string path, string sql)
    {
        using var connection = new SqliteConnection(SqliteDatabase.ConnectionString(path));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return rows;
    }
}
