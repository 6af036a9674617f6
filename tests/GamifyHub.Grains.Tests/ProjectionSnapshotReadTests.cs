using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GamifyHub.Data;
using GamifyHub.Data.Entities;
using GamifyHub.Data.Privacy;
using GamifyHub.Data.Reading;
using GamifyHub.Data.Writing;
using GamifyHub.Domain.Boards;
using GamifyHub.Domain.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GamifyHub.Grains.Tests;

/// <summary>
/// Boards and department totals read from a snapshot plus the log after it (real SQLite file) are exactly what the whole log
/// adds up to: for every window, with award lines on both sides of the period's bounds, people, former colleagues and
/// negative points; and a snapshot of another epoch or period is never read.
/// </summary>
public sealed class ProjectionSnapshotReadTests : IAsyncLifetime
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    // A Sunday evening in Berlin, an hour before a new day, week and month (2026-03-01 is a Sunday; March starts after it).
    private static readonly DateTimeOffset Now = new(2026, 2, 28, 22, 30, 0, TimeSpan.Zero);

    private readonly string _path = Path.Combine(Path.GetTempPath(), "gamifyhub-grain-tests", Guid.NewGuid().ToString("N"), "snapshots.db");
    private ServiceProvider _services = null!;
    private ProjectionReader _reader = null!;

    public async Task InitializeAsync()
    {
        _services = new ServiceCollection().AddGamifyData(_ => _path).BuildServiceProvider();
        _reader = _services.GetRequiredService<ProjectionReader>();
        await using (var db = NewContext())
        {
            await SqliteDatabase.MigrateAsync(db);
        }

        // A log that is never empty: a snapshot always has a sequence above 0.
        await Append(await NewCompany(), PeriodOf(BoardWindow.All), [new Line(0, 0, 1, false, -100_000_000)]);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    /// <param name="Employee">0-2: an employee; 3: the department's former colleague (no employee row).</param>
    /// <param name="AtEnd">Whether the line lies around the period's end (else its start), <paramref name="Seconds"/> away.</param>
    public sealed record Line(int Employee, int Department, int Points, bool AtEnd, int Seconds);

    public sealed record LogCase(BoardWindow Window, int Split, Line[] Lines);

    private static readonly Gen<Line> AnyLine =
        from employee in Gen.Choose(0, 3)
        from department in Gen.Choose(0, 1)
        from points in Gen.Choose(-5, 20)
        from atEnd in Gen.Elements(false, true)
        from seconds in Gen.OneOf(Gen.Constant(0), Gen.Choose(-1, 1), Gen.Choose(-200_000, 200_000))
        select new Line(employee, department, points, atEnd, seconds);

    private static readonly Arbitrary<LogCase> AnyCase =
        (from window in Gen.Elements(BoardWindow.Day, BoardWindow.Week, BoardWindow.Month, BoardWindow.Season, BoardWindow.All)
         from lines in AnyLine.ArrayOf()
         from split in Gen.Choose(0, lines.Length)
         select new LogCase(window, split, lines)).ToArbitrary();

    [Property(MaxTest = 40)]
    public Property A_snapshot_plus_the_log_after_it_reads_what_the_whole_log_adds_up_to() =>
        Prop.ForAll(AnyCase, c => Check(c).GetAwaiter().GetResult().ToProperty());

    [Fact]
    public async Task A_snapshot_of_another_epoch_or_period_is_never_read()
    {
        var company = await NewCompany();
        var period = PeriodOf(BoardWindow.Week);
        await Append(company, period, [new Line(0, 0, 7, false, 60), new Line(1, 0, 3, true, -60)]);
        var key = ProjectionSnapshotFormat.BoardKey(BoardScope.Employees, BoardWindow.Week);
        var full = await _reader.LoadBoard(BoardScope.Employees, period);
        var bogus = ProjectionSnapshotFormat.WriteScores(new Dictionary<Guid, long> { [company.Employees[0]] = 1_000_000 });

        // Taken under an earlier epoch (before an erasure, say), then one of last week.
        await StoreSnapshot(key, ProjectionSnapshotFormat.PeriodText(period), full.Epoch - 1, full.HighWater, bogus);
        Assert.Equal(0, (await _reader.LoadBoard(BoardScope.Employees, period)).RestoredUpTo);
        await StoreSnapshot(key, ProjectionSnapshotFormat.PeriodText(Period.For(BoardWindow.Week, Now.AddDays(-7), Berlin)), full.Epoch,
            full.HighWater, bogus);
        var read = await _reader.LoadBoard(BoardScope.Employees, period);
        Assert.Equal(0, read.RestoredUpTo);
        Assert.Equal(Sorted(full.Scores), Sorted(read.Scores));

        // The same, of this epoch and period, is read (so the two above were refused for their epoch and period).
        await StoreSnapshot(key, ProjectionSnapshotFormat.PeriodText(period), full.Epoch, full.HighWater, bogus);
        Assert.Equal(full.HighWater, (await _reader.LoadBoard(BoardScope.Employees, period)).RestoredUpTo);
    }

    private async Task<bool> Check(LogCase c)
    {
        var company = await NewCompany();
        var period = PeriodOf(c.Window);
        BoardScope[] scopes = [BoardScope.Employees, BoardScope.Departments, BoardScope.Department(company.Departments[0])];

        await Append(company, period, c.Lines[..c.Split]);
        foreach (var scope in scopes)
        {
            var load = await _reader.LoadBoard(scope, period);
            await StoreSnapshot(ProjectionSnapshotFormat.BoardKey(scope, c.Window), ProjectionSnapshotFormat.PeriodText(period), load.Epoch,
                load.HighWater, ProjectionSnapshotFormat.WriteScores(load.Scores));
        }

        foreach (var department in company.Departments)
        {
            var load = await _reader.LoadDepartment(department);
            await StoreSnapshot(ProjectionSnapshotFormat.DepartmentKey(department), "", load.Epoch, load.HighWater,
                ProjectionSnapshotFormat.WriteTotals(load.Points, load.Events));
        }

        await Append(company, period, c.Lines[c.Split..]);
        foreach (var scope in scopes)
        {
            var key = ProjectionSnapshotFormat.BoardKey(scope, c.Window);
            var fromSnapshot = await _reader.LoadBoard(scope, period);
            await Forget(key);
            var fromLog = await _reader.LoadBoard(scope, period);
            Assert.True(fromSnapshot.RestoredUpTo > 0 && fromLog.RestoredUpTo == 0, $"{key}: {fromSnapshot.RestoredUpTo}, {fromLog.RestoredUpTo}");
            Assert.Equal(Sorted(fromLog.Scores), Sorted(fromSnapshot.Scores));
        }

        foreach (var department in company.Departments)
        {
            var fromSnapshot = await _reader.LoadDepartment(department);
            await Forget(ProjectionSnapshotFormat.DepartmentKey(department));
            var fromLog = await _reader.LoadDepartment(department);
            Assert.True(fromSnapshot.RestoredUpTo > 0 && fromLog.RestoredUpTo == 0);
            Assert.Equal((fromLog.Points, fromLog.Events), (fromSnapshot.Points, fromSnapshot.Events));
        }

        return true;
    }

    private static Period PeriodOf(BoardWindow window) => window == BoardWindow.Season
        ? new Period(BoardWindow.Season, "spring", Now.AddDays(-20), Now.AddHours(1))
        : Period.For(window, Now, Berlin);

    private static List<KeyValuePair<Guid, long>> Sorted(Dictionary<Guid, long> scores) => [.. scores.OrderBy(s => s.Key)];

    private sealed record Company(Guid[] Departments, Guid[] Employees);

    /// <summary>Two departments of their own and three people (the log and the employees board are shared by every case).</summary>
    private async Task<Company> NewCompany()
    {
        var company = new Company([Guid.CreateVersion7(), Guid.CreateVersion7()], [Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7()]);
        await using var db = NewContext();
        foreach (var department in company.Departments)
        {
            db.Departments.Add(new Department { Id = department, Name = $"D {department}", Slug = department.ToString("N") });
        }

        for (var i = 0; i < company.Employees.Length; i++)
        {
            var id = company.Employees[i];
            db.Employees.Add(new Employee { Id = id, Email = $"{id:N}@test", DisplayName = $"E{i}", DepartmentId = company.Departments[i % 2] });
        }

        await db.SaveChangesAsync();
        return company;
    }

    /// <summary>One event with one award line per line, in order.</summary>
    private async Task Append(Company company, Period period, IEnumerable<Line> lines)
    {
        await using var db = NewContext();
        var (start, end) = period.Window == BoardWindow.All ? (Now, Now) : (period.StartUtc, period.EndUtc);
        foreach (var line in lines)
        {
            var department = company.Departments[line.Department];
            var employee = line.Employee < 3 ? company.Employees[line.Employee] : FormerColleagues.PlaceholderFor(department);
            var at = (line.AtEnd ? end : start).AddSeconds(line.Seconds).UtcDateTime;
            var eventId = Guid.CreateVersion7();
            db.Events.Add(new EngagementEvent
            {
                EventId = eventId, EmployeeId = employee, DepartmentId = department, Type = ActionType.Read, OccurredAt = at, RecordedAt = at,
                Source = "test",
                Awards = [new AwardEntry
                {
                    EventId = eventId, EmployeeId = employee, DepartmentId = department, Points = line.Points, Category = PointCategory.Listening,
                    RuleId = "test", RuleVersion = 1, Reason = "test", OccurredAt = at,
                }],
            });
            await db.SaveChangesAsync(); // one commit each: sequences in the lines' order
        }
    }

    private async Task StoreSnapshot(string key, string period, long epoch, long seq, byte[] data)
    {
        await using var db = NewContext();
        await db.Database.ExecuteSqlAsync($"""
            INSERT OR REPLACE INTO ProjectionSnapshots (Key, Period, Epoch, Seq, Format, Data, TakenAt)
            VALUES ({key}, {period}, {epoch}, {seq}, {ProjectionSnapshotFormat.Current}, {data}, {DateTime.UtcNow})
            """);
    }

    private async Task Forget(string key)
    {
        await using var db = NewContext();
        await db.ProjectionSnapshots.Where(s => s.Key == key).ExecuteDeleteAsync();
    }

    private GamifyDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<GamifyDbContext>();
        options.UseGamifySqlite(SqliteDatabase.ConnectionString(_path));
        return new GamifyDbContext(options.Options);
    }
}
