using GamifyHub.Data;
using GamifyHub.Data.Entities;
using GamifyHub.Data.Reading;
using GamifyHub.Data.Writing;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GamifyHub.Server.Tests;

/// <summary>
/// The event writer on its own, against a real SQLite file with the server's schema: exactly-once decided by the unique
/// index, rows identical to what EF Core stores, a failing write isolated from its group, a lost file reopened.
/// </summary>
public sealed class EngagementWriterTests : IAsyncLifetime
{
    private static readonly Guid Ravi = Guid.Parse("3f0c7a5e-5b7d-4c55-9a1e-0d1f8e6b2c11");
    private static readonly Guid Lena = Guid.Parse("a81d4b60-2e9f-4b1a-8c3d-7e5f9a0b1c22");
    private static readonly Guid Support = Guid.Parse("c4e2f7a9-1b3d-4e5f-a6b7-c8d9e0f1a233");
    private static readonly Guid Product = Guid.Parse("d5f3a8b0-2c4e-4f60-b7c8-d9e0f1a2b344");
    private static readonly Guid Item = Guid.Parse("e6a4b9c1-3d5f-4071-c8d9-e0f1a2b3c455");

    private readonly string _dir = Directory.CreateTempSubdirectory("gamifyhub-writer-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 17, 40, 12, 345, TimeSpan.Zero).AddTicks(6789));
    private readonly Recorder _observer = new();
    private readonly List<EngagementWriter> _writers = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var writer in _writers)
        {
            await writer.StopAsync(CancellationToken.None);
            writer.Dispose();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task The_unique_index_answers_a_repeated_event_id_in_the_same_group_and_a_later_one_as_the_first_with_one_row()
    {
        var path = await CreateAsync("once.db");
        var writer = await StartAsync(path);
        var id = Guid.CreateVersion7();
        // Ravi's read also passes shared credit to Lena: the answer is what it earned Ravi alone.
        var record = Read(id, Ravi, Support, new AwardLine(Ravi, Support, 5, PointCategory.Listening, "read", 1, "Read an item"),
            new AwardLine(Lena, Product, 2, PointCategory.Collaboration, "read:shared", 1, "Shared credit"));

        // Held behind an exclusive write, both copies (and a fresh event between them) wait for the same group commit.
        var (release, held) = await HoldAsync(writer);
        var first = writer.RecordAsync(record);
        var fresh = Read(Guid.CreateVersion7(), Lena, Product);
        var other = writer.RecordAsync(fresh);
        var again = writer.RecordAsync(record with { Awards = [] });
        release();
        await held;
        var (a, b) = (await first, await again);
        await other;
        await Drained(writer);

        Assert.False(a.Duplicate);
        Assert.Equal(5, a.Points);
        Assert.Equal(new RecordOutcome(id, true, a.Seq, 5), b);
        Assert.Equal([id, fresh.EventId], _observer.Groups.Single().Select(e => e.Record.EventId)); // one group commit

        // A retry long after: the index turns it away, the stored event's Seq and points answer it.
        var later = await writer.RecordAsync(record with { Awards = [new AwardLine(Ravi, Support, 50, PointCategory.Listening, "read", 1, "x")] });
        Assert.Equal(new RecordOutcome(id, true, a.Seq, 5), later);
        await Drained(writer);

        Assert.Equal(1, await Scalar(path, $"SELECT COUNT(*) FROM Events WHERE EventId = '{Text(id)}'"));
        Assert.Equal(2, await Scalar(path, $"SELECT COUNT(*) FROM Awards WHERE EventSeq = {a.Seq}"));
        Assert.Equal(7, await Scalar(path, $"SELECT SUM(Points) FROM Awards WHERE EventSeq = {a.Seq}"));
        Assert.Single(_observer.Groups.SelectMany(g => g), e => e.Record.EventId == id); // projections hear of it once
    }

    [Fact]
    public async Task Stored_rows_are_byte_for_byte_the_rows_EF_Core_stores()
    {
        var records = Records();
        var now = _time.GetUtcNow().UtcDateTime;

        var reference = await CreateAsync("ef.db");
        await SeedItemAsync(reference);
        await using (var db = Context(reference))
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            foreach (var r in records)
            {
                await StoreThroughEfCore(db, r, now);
            }

            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }

        var path = await CreateAsync("raw.db");
        await SeedItemAsync(path);
        var writer = await StartAsync(path);
        var (release, held) = await HoldAsync(writer);
        var answers = records.Select(r => writer.RecordAsync(r)).ToList();
        release();
        await held;
        await Task.WhenAll(answers);

        foreach (var table in new[] { "Events", "Awards", "GamingFlags", "FeedbackItems", "FeedbackRoutings" })
        {
            var expected = await Rows(reference, table);
            var actual = await Rows(path, table);
            Assert.True(expected.Count > 0, $"{table}: the reference stored nothing");
            Assert.Equal(expected, actual);
        }

        Assert.Equal(records.Count, (await Rows(path, "Events")).Count);
    }

    [Fact]
    public async Task A_write_that_fails_fails_alone_and_the_rest_of_its_group_commits()
    {
        var path = await CreateAsync("isolated.db");
        var writer = await StartAsync(path);
        var good = Enumerable.Range(0, 5).Select(_ => Read(Guid.CreateVersion7(), Ravi, Support)).ToList();
        // A forward of an item that does not exist: its routing breaks the foreign key, so the statement fails.
        var bad = Read(Guid.CreateVersion7(), Lena, Product) with
        {
            Type = ActionType.Forward, FeedbackId = Guid.NewGuid(), TargetDepartmentId = Support,
        };

        var (release, held) = await HoldAsync(writer);
        var answers = good.Take(2).Append(bad).Concat(good.Skip(2)).Select(r => writer.RecordAsync(r)).ToList();
        release();
        await held;

        var failure = await Assert.ThrowsAsync<SqliteException>(() => answers[2]);
        Assert.Contains("FOREIGN KEY", failure.Message, StringComparison.OrdinalIgnoreCase);
        foreach (var answer in answers.Where((_, i) => i != 2))
        {
            Assert.False((await answer).Duplicate);
        }

        Assert.Equal(5, await Scalar(path, "SELECT COUNT(*) FROM Events"));
        Assert.Equal(0, await Scalar(path, $"SELECT COUNT(*) FROM Events WHERE EventId = '{Text(bad.EventId)}'"));
        Assert.True(writer.IsRunning);
        Assert.False((await writer.RecordAsync(Read(Guid.CreateVersion7(), Ravi, Support))).Duplicate);
        Assert.Equal(6, await Scalar(path, "SELECT COUNT(*) FROM Events"));
    }

    [Fact]
    public async Task When_the_database_file_goes_away_writes_fail_and_the_writer_opens_it_again_once_it_is_back()
    {
        var path = await CreateAsync("gone.db");
        var writer = await StartAsync(path);
        Assert.False((await writer.RecordAsync(Read(Guid.CreateVersion7(), Ravi, Support))).Duplicate);

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        // Not acknowledged into the deleted file (SQLite in WAL mode would write there without a word), and not a new empty file.
        await Assert.ThrowsAsync<SqliteException>(() => writer.RecordAsync(Read(Guid.CreateVersion7(), Ravi, Support)));
        Assert.False(File.Exists(path));

        await CreateAsync("gone.db");
        var after = Read(Guid.CreateVersion7(), Lena, Product);
        Assert.False((await writer.RecordAsync(after)).Duplicate);
        Assert.True(writer.IsRunning);
        Assert.Equal(1, await Scalar(path, "SELECT COUNT(*) FROM Events"));
        Assert.Equal(1, await Scalar(path, $"SELECT COUNT(*) FROM Events WHERE EventId = '{Text(after.EventId)}'"));
    }

    /// <summary>Every column the writer fills: items and none, replies, a status change, a forward (and a repeated one, which
    /// routes once), flags, texts with non-ASCII, dwell times, 0-point and shared-credit lines, times with and without a fraction.</summary>
    private static List<EngagementRecord> Records()
    {
        var at = new DateTime(2026, 12, 7, 9, 15, 0, DateTimeKind.Utc);
        AwardLine Line(Guid who, Guid department, int points, string rule = "rule") =>
            new(who, department, points, PointCategory.Responding, rule, 3, $"Reason für {rule}");
        return
        [
            Read(Guid.CreateVersion7(), Ravi, Support, Line(Ravi, Support, 5)) with { OccurredAt = at, DwellSeconds = 42, Url = "" },
            new(Guid.CreateVersion7(), Lena, Product, ActionType.Reply, Item, at.AddTicks(1_234_500), "web",
                [Line(Lena, Product, 10), Line(Ravi, Support, 0, "reply:shared")], Text: "Danke, wir prüfen das 🙂"),
            new(Guid.CreateVersion7(), Ravi, Support, ActionType.Forward, Item, at.AddSeconds(3), "api", [Line(Ravi, Support, 2)],
                TargetDepartmentId: Product),
            new(Guid.CreateVersion7(), Ravi, Support, ActionType.Forward, Item, at.AddSeconds(4), "api", [], TargetDepartmentId: Product),
            new(Guid.CreateVersion7(), Lena, Product, ActionType.Insight, Item, at.AddMilliseconds(5_001), "web", [Line(Lena, Product, 8)],
                Url: "https://example.com/ä?q=1"),
            new(Guid.CreateVersion7(), Lena, Product, ActionType.Resolve, Item, at.AddMinutes(1), "web",
                [Line(Lena, Product, 20), Line(Ravi, Support, 4, "resolve:shared")], NewStatus: FeedbackStatus.Resolved, Text: "Fixed"),
            Read(Guid.CreateVersion7(), Ravi, Support) with { OccurredAt = at.AddMinutes(2), Flags = ["read-too-fast", "burst"] },
            new(Guid.CreateVersion7(), Ravi, Support, ActionType.Reopen, Item, at.AddMinutes(3), "api",
                [Line(Lena, Product, -20, "resolve:clawback")], NewStatus: FeedbackStatus.Open),
        ];
    }

    /// <summary>What the writer did through EF Core before it had statements of its own.</summary>
    private static async Task StoreThroughEfCore(GamifyDbContext db, EngagementRecord r, DateTime now)
    {
        db.Events.Add(EngagementEventFactory.Create(r, now));
        db.GamingFlags.AddRange(EngagementEventFactory.Flags(r));
        if (r.FeedbackId is not { } feedbackId)
        {
            return;
        }

        if ((r.NewStatus is not null || r.Type == ActionType.Reply) && await db.FeedbackItems.FindAsync(feedbackId) is { } item)
        {
            item.Status = r.NewStatus ?? item.Status;
            item.ReplyCount += r.Type == ActionType.Reply ? 1 : 0;
        }

        if (r.TargetDepartmentId is { } target && r.Type == ActionType.Forward && await db.FeedbackRoutings.FindAsync(feedbackId, target) is null)
        {
            db.FeedbackRoutings.Add(new FeedbackRouting { FeedbackId = feedbackId, DepartmentId = target, RoutedAt = now, ForwardedByEventId = r.EventId });
        }
    }

    private static EngagementRecord Read(Guid id, Guid employee, Guid department, params AwardLine[] awards) =>
        new(id, employee, department, ActionType.Read, null, new DateTime(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc), "api", awards);

    /// <summary>Occupies the writer with an exclusive write until released, so that what is queued meanwhile commits as one group.</summary>
    private static async Task<(Action Release, Task Held)> HoldAsync(EngagementWriter writer)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = writer.ExclusiveAsync(async _ =>
        {
            started.SetResult();
            await gate.Task;
            return 0;
        });
        await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return (() => gate.SetResult(), held);
    }

    /// <summary>Returns once the writer has finished what was queued before (observers included): it runs one thing at a time.</summary>
    private static Task Drained(EngagementWriter writer) => writer.ExclusiveAsync(_ => Task.FromResult(0));

    private async Task<string> CreateAsync(string name)
    {
        var path = Path.Combine(_dir, name);
        await using var db = Context(path);
        await SqliteDatabase.MigrateAsync(db);
        return path;
    }

    private async Task<EngagementWriter> StartAsync(string path)
    {
        var factory = new Factory(Options(path));
        var writer = new EngagementWriter(factory, [_observer], new RuleBook(factory, _time), Microsoft.Extensions.Options.Options.Create(new WriterOptions()), _time,
            NullLogger<EngagementWriter>.Instance);
        _writers.Add(writer);
        await writer.StartAsync(CancellationToken.None);
        return writer;
    }

    private static async Task SeedItemAsync(string path)
    {
        await using var db = Context(path);
        db.FeedbackItems.Add(new FeedbackItem
        {
            Id = Item, Channel = "email", ExternalId = "x-1", Author = "someone", Text = "The app crashes", Language = "en",
            CreatedAt = new DateTime(2026, 12, 1, 8, 0, 0), ReceivedAt = new DateTime(2026, 12, 1, 8, 0, 0),
            Routings = [new FeedbackRouting { FeedbackId = Item, DepartmentId = Support, RoutedAt = new DateTime(2026, 12, 1, 8, 0, 0) }],
        });
        await db.SaveChangesAsync();
    }

    private static GamifyDbContext Context(string path) => new(Options(path));

    private static DbContextOptions<GamifyDbContext> Options(string path)
    {
        var options = new DbContextOptionsBuilder<GamifyDbContext>();
        options.UseGamifySqlite(SqliteDatabase.ConnectionString(path));
        return options.Options;
    }

    /// <summary>Every column of every row, quoted as SQLite holds it (type and bytes), in rowid order.</summary>
    private static async Task<List<string>> Rows(string path, string table)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        var columns = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = $"SELECT name FROM pragma_table_info('{table}') ORDER BY cid";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT {string.Join(" || '|' || ", columns.Select(c => $"quote(hex(\"{c}\")) || ':' || typeof(\"{c}\")"))} FROM \"{table}\" ORDER BY rowid";
        var rows = new List<string>();
        await using (var reader = await select.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }
        }

        return rows;
    }

    private static async Task<long> Scalar(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Text(Guid id) => Rescoring.GuidText(id);

    private sealed class Factory(DbContextOptions<GamifyDbContext> options) : IDbContextFactory<GamifyDbContext>
    {
        public GamifyDbContext CreateDbContext() => new(options);
    }

    /// <summary>The committed events, one list per group commit (the writer calls it from its one loop).</summary>
    private sealed class Recorder : ICommittedEventsObserver
    {
        public List<IReadOnlyList<CommittedEvent>> Groups { get; } = [];

        public void OnCommitted(IReadOnlyList<CommittedEvent> events) => Groups.Add([.. events]);
    }
}
