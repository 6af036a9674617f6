using System.Diagnostics;
using GamifyHub.Data;
using GamifyHub.Data.Reading;
using GamifyHub.Data.Writing;
using GamifyHub.Domain.Boards;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GamifyHub.Bench;

/// <summary>
/// What a board or department grain's activation reads (issue 14, item 5): on the rescoring scenario's log (events with their
/// award lines), the employees and departments boards of window all and the busiest department's totals, loaded (a) from the
/// whole log, as every activation did before projection snapshots, and (b) from a snapshot taken <c>tail</c> events before the
/// log's end plus those events. Both must agree. Times the reader's load plus building the board (what the grain does).
/// </summary>
public static class ActivationScenario
{
    private const int Runs = 3;

    public static async Task RunAsync(string path, int count, int tail)
    {
        var seed = await RescoreScenario.SeedCopyAsync(path, count);
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file); // a run cut short leaves its write-ahead log, which does not belong to a fresh copy
        }

        File.Copy(seed, path);
        await using var services = new ServiceCollection().AddGamifyData(_ => path).BuildServiceProvider();
        var reader = services.GetRequiredService<ProjectionReader>();
        var all = Period.For(BoardWindow.All, DateTimeOffset.UtcNow, RescoreScenario.Zone);
        Guid department;
        long last;
        await using (var db = Open(path))
        {
            // The rescoring log's people have no Employees rows; individual boards list employees only.
            await db.Database.ExecuteSqlRawAsync("""
                INSERT OR IGNORE INTO Employees (Id, Email, DisplayName, DepartmentId, IsSimulated)
                SELECT EmployeeId, EmployeeId || '@bench', 'bench', min(DepartmentId), 1 FROM Events GROUP BY EmployeeId
                """);
            department = (await db.Events.GroupBy(e => e.DepartmentId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync());
            last = await db.Events.MaxAsync(e => e.Seq);
        }

        var loads = new (string Name, Func<Task<(long RestoredUpTo, object Result)>> Load)[]
        {
            ("employees/all board", async () => Board(await reader.LoadBoard(BoardScope.Employees, all))),
            ("departments/all board", async () => Board(await reader.LoadBoard(BoardScope.Departments, all))),
            ("busiest department's totals", async () =>
            {
                var d = await reader.LoadDepartment(department);
                return (d.RestoredUpTo, (d.Points, d.Events));
            }),
        };

        var before = await Time(loads);

        // Snapshots as of `tail` events before the end: read from a copy cut there, stored into the file under its epoch.
        var cut = path + ".cut";
        await using (var db = Open(path))
        {
            // Copied with everything in the file, not half of it in the write-ahead log.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        }

        SqliteConnection.ClearAllPools();
        File.Copy(path, cut, overwrite: true);
        var at = last - tail;
        await using (var db = Open(cut))
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM Awards WHERE EventSeq > {at}");
            await db.Database.ExecuteSqlAsync($"DELETE FROM Events WHERE Seq > {at}");
        }

        await using (var cutServices = new ServiceCollection().AddGamifyData(_ => cut).BuildServiceProvider())
        {
            var cutReader = cutServices.GetRequiredService<ProjectionReader>();
            var employees = await cutReader.LoadBoard(BoardScope.Employees, all);
            var departments = await cutReader.LoadBoard(BoardScope.Departments, all);
            var totals = await cutReader.LoadDepartment(department);
            await using var db = Open(path);
            await Store(db, ProjectionSnapshotFormat.BoardKey(BoardScope.Employees, BoardWindow.All), ProjectionSnapshotFormat.PeriodText(all),
                employees.Epoch, employees.HighWater, ProjectionSnapshotFormat.WriteScores(employees.Scores));
            await Store(db, ProjectionSnapshotFormat.BoardKey(BoardScope.Departments, BoardWindow.All), ProjectionSnapshotFormat.PeriodText(all),
                departments.Epoch, departments.HighWater, ProjectionSnapshotFormat.WriteScores(departments.Scores));
            await Store(db, ProjectionSnapshotFormat.DepartmentKey(department), "", totals.Epoch, totals.HighWater,
                ProjectionSnapshotFormat.WriteTotals(totals.Points, totals.Events));
        }

        SqliteConnection.ClearAllPools();
        File.Delete(cut);
        var after = await Time(loads);

        Console.WriteLine();
        Console.WriteLine($"Activation reads on a log of {last:N0} events ({BenchDatabase.Count(path, "SELECT count(*) FROM Awards"):N0} award lines); " +
                          $"snapshot {tail:N0} events before the end; best and first of {Runs} runs, ms; load average {Machine.LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| Load | whole log (before), best | first | snapshot + tail (after), best | first |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        for (var i = 0; i < loads.Length; i++)
        {
            if (!Equals(before[i].Result, after[i].Result))
            {
                throw new BenchFailure($"{loads[i].Name}: the snapshot plus its tail differs from the whole log.");
            }

            if (before[i].RestoredUpTo != 0 || after[i].RestoredUpTo != at)
            {
                throw new BenchFailure($"{loads[i].Name}: read from {before[i].RestoredUpTo} and {after[i].RestoredUpTo}, expected 0 and {at}.");
            }

            Console.WriteLine($"| {loads[i].Name} | {before[i].Best.TotalMilliseconds:N0} | {before[i].First.TotalMilliseconds:N0} | " +
                              $"{after[i].Best.TotalMilliseconds:N1} | {after[i].First.TotalMilliseconds:N1} |");
            Console.WriteLine($"RESULT activation load=\"{loads[i].Name}\" before_ms={before[i].Best.TotalMilliseconds:F1} " +
                              $"after_ms={after[i].Best.TotalMilliseconds:F1} events={last} tail={tail}");
        }
    }

    /// <summary>The scores as a comparable value, and the board built from them as the grain builds it.</summary>
    private static (long, object) Board(BoardLoad load)
    {
        var board = new Leaderboard();
        foreach (var (member, score) in load.Scores)
        {
            board.Set(member, score);
        }

        return (load.RestoredUpTo, string.Join(',', load.Scores.OrderBy(s => s.Key).Select(s => $"{s.Key}:{s.Value}")));
    }

    private static async Task<List<(TimeSpan Best, TimeSpan First, long RestoredUpTo, object Result)>> Time(
        (string Name, Func<Task<(long RestoredUpTo, object Result)>> Load)[] loads)
    {
        var timed = new List<(TimeSpan, TimeSpan, long, object)>();
        foreach (var (_, load) in loads)
        {
            var times = new List<TimeSpan>();
            (long RestoredUpTo, object Result) result = (0, "");
            for (var run = 0; run < Runs; run++)
            {
                var clock = Stopwatch.StartNew();
                result = await load();
                times.Add(clock.Elapsed);
            }

            timed.Add((times.Min(), times[0], result.RestoredUpTo, result.Result));
        }

        return timed;
    }

    private static async Task Store(GamifyDbContext db, string key, string period, long epoch, long seq, byte[] data) =>
        await db.Database.ExecuteSqlAsync($"""
            INSERT OR REPLACE INTO ProjectionSnapshots (Key, Period, Epoch, Seq, Format, Data, TakenAt)
            VALUES ({key}, {period}, {epoch}, {seq}, {ProjectionSnapshotFormat.Current}, {data}, {DateTime.UtcNow})
            """);

    private static GamifyDbContext Open(string path)
    {
        var builder = new DbContextOptionsBuilder<GamifyDbContext>();
        builder.UseGamifySqlite(SqliteDatabase.ConnectionString(path));
        return new GamifyDbContext(builder.Options);
    }
}
