using System.Collections.Concurrent;
using GamifyHub.Data;
using GamifyHub.Data.Entities;
using GamifyHub.Data.Reading;
using GamifyHub.Domain.Feedback;
using GamifyHub.Grains.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using GamifyHub.Testing;
using Orleans.TestingHost;

namespace GamifyHub.Grains.Tests;

/// <summary>
/// An in-process Orleans test cluster on a real SQLite file holding a tiny company: two departments,
/// three employees and a few feedback items.
/// </summary>
public sealed class GrainClusterFixture : IAsyncLifetime
{
    public string DatabasePath { get; } =
        Path.Combine(Path.GetTempPath(), "gamifyhub-grain-tests", Guid.NewGuid().ToString("N"), "grains.db");

    public RecordingNotifier Notifier { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public Guid Research { get; } = Guid.CreateVersion7();
    public Guid Service { get; } = Guid.CreateVersion7();
    public Guid Ada { get; } = Guid.CreateVersion7();
    public Guid Ben { get; } = Guid.CreateVersion7();
    public Guid Cleo { get; } = Guid.CreateVersion7();

    /// <summary>Items routed to Research only.</summary>
    public List<Guid> ResearchItems { get; } = [];

    public async Task InitializeAsync()
    {
        await using (var db = NewContext())
        {
            await SqliteDatabase.MigrateAsync(db);
            db.Departments.AddRange(
                new Department { Id = Research, Name = "Research", Slug = "rnd" },
                new Department { Id = Service, Name = "Service", Slug = "service", IsTriage = true });
            db.Employees.AddRange(
                new Employee { Id = Ada, Email = "ada@test", DisplayName = "Ada", DepartmentId = Research },
                new Employee { Id = Ben, Email = "ben@test", DisplayName = "Ben", DepartmentId = Research },
                new Employee { Id = Cleo, Email = "cleo@test", DisplayName = "Cleo", DepartmentId = Service });
            for (var i = 0; i < 8; i++)
            {
                var id = Guid.CreateVersion7();
                ResearchItems.Add(id);
                db.FeedbackItems.Add(new FeedbackItem
                {
                    Id = id, Channel = "x", ExternalId = $"item-{i}", Author = "@customer", Text = "The app crashes", Language = "en",
                    Sentiment = Sentiment.Negative, CreatedAt = DateTime.UtcNow, ReceivedAt = DateTime.UtcNow,
                    Routings = [new FeedbackRouting { FeedbackId = id, DepartmentId = Research, RoutedAt = DateTime.UtcNow }],
                });
            }

            await db.SaveChangesAsync();
        }

        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddGamifyData(_ => DatabasePath);
            silo.Services.AddGamifyGrains();
            silo.Services.AddSingleton<ILiveNotifier>(Notifier);
            silo.Services.AddSingleton<IChallengeNotifier>(Notifier);
            // Challenge reminders repeat every second here, so a start or end missed across a restart is caught up quickly.
            silo.Services.Configure<Challenges.ChallengeOptions>(o => o.ReminderPeriodSeconds = 1);
            silo.Services.AddHostedService<LoadCaches>();
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    /// <summary>
    /// Restarts the silo: every activation is gone and must rebuild from the database. Returns once the test client reaches
    /// the new silo: it reconnects in the background, and until it has, calls fail to connect (seen on a loaded machine).
    /// </summary>
    public async Task RestartSilo()
    {
        await Cluster.RestartSiloAsync(Cluster.Silos[0]);
        await Eventually.True(async () =>
        {
            try
            {
                await Grains.GetGrain<IBoardGrain>("departments/all").GetSnapshot(1, null, false, 0);
                return true;
            }
            catch (OrleansException)
            {
                return false;
            }
        }, timeoutMs: 60_000);
    }

    /// <summary>The silo's season calendar (the silo may have been restarted, so asked for each time).</summary>
    public SeasonBook Seasons => Cluster.Silos[0].ServiceProvider.GetRequiredService<SeasonBook>();

    /// <summary>An employee's stored points that occurred in [from, to).</summary>
    public async Task<long> PointsOf(Guid employeeId, DateTimeOffset from, DateTimeOffset to)
    {
        await using var db = NewContext();
        var (start, end) = (from.UtcDateTime, to.UtcDateTime);
        return await db.Awards.Where(a => a.EmployeeId == employeeId && a.OccurredAt >= start && a.OccurredAt < end)
            .SumAsync(a => (long)a.Points);
    }

    /// <summary>A challenge's stored status, read from its row without waking its grain.</summary>
    public async Task<string?> ChallengeStatus(Guid challengeId)
    {
        await using var db = NewContext();
        return (await db.Challenges.AsNoTracking().FirstOrDefaultAsync(c => c.Id == challengeId))?.Status.ToString();
    }

    public async Task<int> CountEvents(Guid eventId)
    {
        await using var db = NewContext();
        return await db.Events.CountAsync(e => e.EventId == eventId);
    }

    /// <summary>Those of <paramref name="eventIds"/> that are stored, in commit (log) order.</summary>
    public async Task<List<Guid>> InLogOrder(IReadOnlyCollection<Guid> eventIds)
    {
        await using var db = NewContext();
        return await db.Events.Where(e => eventIds.Contains(e.EventId)).OrderBy(e => e.Seq).Select(e => e.EventId).ToListAsync();
    }

    /// <summary>Runs SQL on the database file, beside the silo (e.g. a trigger that makes certain writes fail).</summary>
    public async Task Execute(string sql)
    {
        await using var db = NewContext();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    /// <summary>The stored award lines of one event, in the order they were written.</summary>
    public async Task<List<AwardEntry>> AwardsOf(Guid eventId)
    {
        await using var db = NewContext();
        return await db.Awards.AsNoTracking().Where(a => a.EventId == eventId).OrderBy(a => a.Id).ToListAsync();
    }

    /// <summary>An employee's stored notifications, oldest first: id, sequence and whether read.</summary>
    public async Task<List<(Guid Id, long Seq, bool Read)>> NotificationsOf(Guid employeeId)
    {
        await using var db = NewContext();
        var rows = await db.Notifications.AsNoTracking().Where(n => n.EmployeeId == employeeId).OrderBy(n => n.Seq)
            .Select(n => new { n.NotificationId, n.Seq, n.ReadAt }).ToListAsync();
        return [.. rows.Select(n => (n.NotificationId, n.Seq, n.ReadAt != null))];
    }

    /// <summary>The last sequence given to a notification row (AUTOINCREMENT: deleted rows keep theirs used).</summary>
    public async Task<long> LastNotificationSeq()
    {
        await using var db = NewContext();
        return await db.Database.SqlQueryRaw<long>("SELECT COALESCE(MAX(seq), 0) AS \"Value\" FROM sqlite_sequence WHERE name = 'Notifications'")
            .SingleAsync();
    }

    private GamifyDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<GamifyDbContext>();
        options.UseGamifySqlite(SqliteDatabase.ConnectionString(DatabasePath));
        return new GamifyDbContext(options.Options);
    }

    /// <summary>What the server's start-up does before taking traffic.</summary>
    private sealed class LoadCaches(RuleBook rules, SeasonBook seasons, CompanyDirectory directory) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await rules.LoadAsync(cancellationToken);
            await seasons.LoadAsync(cancellationToken);
            await directory.RefreshAsync(cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>Stands in for SignalR: records what grains push.</summary>
public sealed class RecordingNotifier : ILiveNotifier, IChallengeNotifier
{
    public ConcurrentQueue<ChallengeView> ChallengeChanges { get; } = new();

    public Task ChallengeChanged(ChallengeView challenge)
    {
        ChallengeChanges.Enqueue(challenge);
        return Task.CompletedTask;
    }

    public ConcurrentQueue<(DateTime At, BoardSnapshot Change)> BoardChanges { get; } = new();

    public ConcurrentQueue<(Guid Employee, LiveNotification Notification)> Notifications { get; } = new();

    public Task BoardChanged(BoardSnapshot change)
    {
        BoardChanges.Enqueue((DateTime.UtcNow, change));
        return Task.CompletedTask;
    }

    public Task Notify(Guid employeeId, LiveNotification notification)
    {
        Notifications.Enqueue((employeeId, notification));
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class GrainCluster : ICollectionFixture<GrainClusterFixture>
{
    public const string Name = "grain cluster";
}
