using System.Threading.Channels;
using GamifyHub.Data.Entities;
using GamifyHub.Data.Notifications;
using GamifyHub.Data.Reading;
using GamifyHub.Domain.Feedback;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GamifyHub.Data.Writing;

/// <summary>
/// The single writer of the event log and feedback intake. Callers enqueue and await; the writer commits
/// queued writes in one transaction (group commit) and completes each caller only after the commit, so an
/// acknowledged write is durable. Events go through statements prepared once on the writer's own long-lived connection
/// (<see cref="EventRows"/>), and the unique index on EventId decides a repeat; notification-centre changes go through statements
/// prepared on it too (<see cref="NotificationRows"/>); intake goes through EF Core on that connection, in the same transaction.
/// </summary>
public sealed class EngagementWriter : BackgroundService
{
    private readonly Channel<PendingWrite> _queue;
    private readonly IDbContextFactory<GamifyDbContext> _dbFactory;
    private readonly IEnumerable<ICommittedEventsObserver> _observers;
    private readonly RuleBook _rules;
    private readonly TimeProvider _time;
    private readonly ILogger<EngagementWriter> _logger;
    private readonly int _maxBatch;
    private readonly TimeSpan _queueWait;
    private readonly int _maxBacklog;
    private int _pending;
    private string? _connectionString;
    private EventRows? _rows;

    public EngagementWriter(IDbContextFactory<GamifyDbContext> dbFactory, IEnumerable<ICommittedEventsObserver> observers,
        RuleBook rules, IOptions<WriterOptions> options, TimeProvider time, ILogger<EngagementWriter> logger)
    {
        _dbFactory = dbFactory;
        _observers = observers;
        _rules = rules;
        _time = time;
        _logger = logger;
        _maxBatch = options.Value.MaxBatch;
        _queueWait = TimeSpan.FromMilliseconds(options.Value.QueueWaitMilliseconds);
        _maxBacklog = options.Value.MaxProjectionBacklog;
        _queue = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Writes waiting to be committed.</summary>
    public int Pending => Volatile.Read(ref _pending);

    public bool IsRunning => ExecuteTask is { IsCompleted: false };

    /// <summary>Committed events the slowest projection has not handled yet.</summary>
    public int ProjectionBacklog
    {
        get
        {
            var most = 0;
            foreach (var observer in _observers)
            {
                most = Math.Max(most, observer.Backlog);
            }

            return most;
        }
    }

    /// <param name="after">The caller's previous write, when this record was decided on top of it (an employee's events
    /// scored in order): if that one fails, this one fails with the same exception, unstored. A sequenced write never waits
    /// for room in a full queue, so its caller learns at once and sends nothing more on top of it.</param>
    public Task<RecordOutcome> RecordAsync(EngagementRecord record, Task? after = null) => ProjectionBacklog > _maxBacklog
        ? Task.FromException<RecordOutcome>(new WriterQueueFullException())
        : Enqueue(new EventWrite(record, after));

    /// <summary>
    /// Records in order, each after the one before it (the first after <paramref name="after"/>), queued as one piece: they
    /// commit in the same group commit (unless a failure splits it), so what follows a commit — the fan-out, one coalesced
    /// points notification per employee — sees them together. Refused all at once when the queue has no room.
    /// </summary>
    public Task<RecordOutcome>[] RecordAsync(IReadOnlyList<EngagementRecord> records, Task? after)
    {
        var writes = new EventWrite[records.Count];
        var previous = after;
        for (var i = 0; i < writes.Length; i++)
        {
            writes[i] = new EventWrite(records[i], previous);
            previous = writes[i].Completion.Task;
        }

        if (ProjectionBacklog > _maxBacklog || !_queue.Writer.TryWrite(new EventGroup(writes)))
        {
            var full = new WriterQueueFullException();
            foreach (var write in writes)
            {
                write.Fail(full);
            }
        }
        else
        {
            Interlocked.Add(ref _pending, writes.Length);
        }

        return [.. writes.Select(w => w.Completion.Task)];
    }

    public Task<IntakeOutcome> IngestAsync(FeedbackIntake intake) => Enqueue(new IntakeWrite(intake));

    /// <summary>
    /// Changes one notification centre in the next group commit (one fsync for many, no write transaction of its own), through
    /// statements prepared once: a repeated notification is refused by the unique index, a trim is a plain delete.
    /// </summary>
    public Task<NotificationChanged> ChangeNotificationsAsync(NotificationChange change) => Enqueue(new NotificationWrite(change));

    /// <summary>
    /// Runs <paramref name="statement"/> on the writer's connection inside the next group commit (no transaction and no fsync
    /// of its own): for small cache writes such as projection snapshots. Answers what the statement answered, once committed.
    /// </summary>
    public Task<int> InGroupCommitAsync(Func<SqliteConnection, SqliteTransaction, int> statement) =>
        Enqueue(new StatementWrite(statement));

    /// <summary>
    /// Runs <paramref name="work"/> alone, between two group commits: writes queued before it commit first, writes queued
    /// after it wait until it is done (and <paramref name="afterCommit"/> has run). The work gets a fresh context and owns
    /// its transaction. Used for rebuilds (rescoring) that must see and replace the log with no event committing in between.
    /// </summary>
    public Task<T> ExclusiveAsync<T>(Func<GamifyDbContext, Task<T>> work, Action<T>? afterCommit = null) =>
        Enqueue(new ExclusiveWrite<T>(work, afterCommit));

    private Task<T> Enqueue<T>(PendingWrite<T> write)
    {
        if (_queue.Writer.TryWrite(write))
        {
            Interlocked.Increment(ref _pending);
            // The writer's own task, complete the moment the writer decided (a sequenced write after it checks it then).
            return write.Completion.Task;
        }

        return write is EventWrite { After: not null } ? Task.FromException<T>(new WriterQueueFullException()) : EnqueueWhenRoom(write);
    }

    private async Task<T> EnqueueWhenRoom<T>(PendingWrite<T> write)
    {
        // Full: wait a little for room, then push back on the caller instead of growing memory.
        using (var timeout = new CancellationTokenSource(_queueWait))
        {
            try
            {
                await _queue.Writer.WriteAsync(write, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new WriterQueueFullException();
            }
        }

        Interlocked.Increment(ref _pending);
        return await write.Completion.Task;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Finish what was accepted before stopping: nothing acknowledged-to-be may be dropped.
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingWrite>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            IExclusiveWrite? exclusive = null;
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var write))
            {
                if (write is IExclusiveWrite x)
                {
                    exclusive = x;
                    break;
                }

                if (write is EventGroup group)
                {
                    // Taken whole, even past the batch's size: a group is one caller's events in order.
                    foreach (var e in group.Writes)
                    {
                        Take(batch, e);
                    }

                    continue;
                }

                Take(batch, write);
            }

            if (batch.Count > 0)
            {
                await CommitIsolatingFailures(batch);
                Interlocked.Add(ref _pending, -batch.Count);
                batch.Clear();
            }

            if (exclusive is not null)
            {
                await RunExclusive(exclusive);
                Interlocked.Decrement(ref _pending);
            }
        }

        CloseRows(); // stopped: the queue is drained
    }

    private void Take(List<PendingWrite> batch, PendingWrite write)
    {
        if (RefusedAfterFailure(write))
        {
            Interlocked.Decrement(ref _pending);
            return;
        }

        batch.Add(write);
    }

    private async Task CommitIsolatingFailures(List<PendingWrite> batch)
    {
        try
        {
            await Commit(batch);
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            // In halves, in order: one bad write among n costs about 2·log2(n) commits instead of n, and the rest commit. Each
            // half is taken only once everything before it is decided, so a write whose predecessor failed is refused, unstored.
            _logger.LogWarning(ex, "Group commit of {Count} writes failed; retrying it in halves", batch.Count);
            var half = batch.Count / 2;
            await Retry(batch.GetRange(0, half));
            await Retry(batch.GetRange(half, batch.Count - half));
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Write failed");
            batch[0].Fail(ex);
        }
    }

    private Task Retry(List<PendingWrite> writes)
    {
        var left = writes.Where(w => !RefusedAfterFailure(w)).ToList();
        return left.Count == 0 ? Task.CompletedTask : CommitIsolatingFailures(left);
    }

    /// <summary>Fails, unstored, a write whose predecessor (<see cref="RecordAsync"/>'s <c>after</c>) failed.</summary>
    private static bool RefusedAfterFailure(PendingWrite write)
    {
        if (write is not EventWrite { After: { IsFaulted: true } or { IsCanceled: true } } e)
        {
            return false;
        }

        e.Fail(e.After.Exception?.InnerException ?? new OperationCanceledException("The write this one follows was cancelled."));
        return true;
    }

    private async Task RunExclusive(IExclusiveWrite write)
    {
        try
        {
            await using var db = await _dbFactory.CreateDbContextAsync();
            await write.RunAsync(db);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Exclusive write failed");
            write.Fail(ex);
        }
    }

    private async Task Commit(List<PendingWrite> batch)
    {
        var rows = OpenRows();
        try
        {
            await Commit(rows, batch);
        }
        catch
        {
            // Whatever broke (a disk error, a statement left half run) stays behind: the next write gets a fresh connection.
            CloseRows();
            throw;
        }
    }

    /// <summary>The writer's connection, opened on first use and again after a failure or when the database file went away.</summary>
    private EventRows OpenRows()
    {
        if (_rows is { FileIsGone: true })
        {
            _logger.LogWarning("The database file is gone from under the writer's connection; opening it anew");
            CloseRows();
        }

        if (_rows is null)
        {
            if (_connectionString is null)
            {
                using var db = _dbFactory.CreateDbContext();
                _connectionString = db.Database.GetConnectionString()
                                    ?? throw new InvalidOperationException("The database has no connection string.");
            }

            _rows = EventRows.Open(_connectionString);
        }

        return _rows;
    }

    private void CloseRows()
    {
        _rows?.Dispose();
        _rows = null;
    }

    private async Task Commit(EventRows rows, List<PendingWrite> batch)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        using var tx = rows.Connection.BeginTransaction(); // IMMEDIATE: the write lock first, busy_timeout waits for it
        rows.RecordedAt(now);

        // The rarer intake goes through EF Core on the same connection, in the same transaction.
        var intakes = new List<IntakeWrite>();
        var notifications = new List<NotificationWrite>();
        foreach (var write in batch)
        {
            if (write is IntakeWrite i)
            {
                intakes.Add(i);
            }
            else if (write is NotificationWrite n)
            {
                notifications.Add(n);
            }
        }

        await using var db = intakes.Count > 0 ? await Context(rows, tx) : null;
        var knownItems = db is null ? [] : await KnownItems(db, intakes);
        var fingerprints = intakes.ToDictionary(i => i, i => NearDuplicates.Fingerprint(i.Intake.Text));
        var originals = db is null ? [] : await Originals(db, fingerprints.Values);

        var stored = new List<(EventWrite Write, long Seq)>();
        var inBatch = new Dictionary<Guid, (long Seq, int Points)>();
        var storedItems = new List<(IntakeWrite Write, FeedbackItem Entity)>();
        var forwards = new List<CommittedRouting>();
        var results = new List<Action>();
        // Rescores run in this loop too, so the version in force cannot change while this batch commits.
        var inForce = _rules.Current.Version;
        foreach (var write in batch)
        {
            switch (write)
            {
                case EventWrite e when inBatch.TryGetValue(e.Record.EventId, out var first):
                    results.Add(() => e.Completion.TrySetResult(new RecordOutcome(e.Record.EventId, true, first.Seq, first.Points)));
                    break;
                case EventWrite e when e.Record.RulesVersion is { } scoredUnder && scoredUnder != inForce:
                    // Stored already (a retry) answers as before; new, it was scored under rules no longer in force.
                    if (rows.Earlier(e.Record.EventId) is { } known)
                    {
                        results.Add(() => e.Completion.TrySetResult(new RecordOutcome(e.Record.EventId, true, known.Seq, known.Points)));
                    }
                    else
                    {
                        results.Add(() => e.Completion.TrySetException(new StaleRulesException(scoredUnder, inForce)));
                    }

                    break;
                case EventWrite e:
                    // The unique index on EventId decides exactly-once: no row back means it is stored already.
                    if (rows.TryInsert(e.Record) is { } seq)
                    {
                        if (rows.AddConsequences(seq, e.Record))
                        {
                            forwards.Add(new CommittedRouting(e.Record.FeedbackId!.Value, e.Record.TargetDepartmentId!.Value, now, true, null));
                        }

                        stored.Add((e, seq));
                        inBatch[e.Record.EventId] = (seq, e.Record.ActorPoints);
                    }
                    else
                    {
                        var earlier = rows.Earlier(e.Record.EventId)
                                      ?? throw new InvalidOperationException($"Event {e.Record.EventId} conflicts but is not stored.");
                        results.Add(() => e.Completion.TrySetResult(new RecordOutcome(e.Record.EventId, true, earlier.Seq, earlier.Points)));
                    }

                    break;
                case StatementWrite w:
                    var changed = w.Statement(rows.Connection, tx);
                    results.Add(() => w.Completion.TrySetResult(changed));
                    break;
                case IntakeWrite i when knownItems.TryGetValue((i.Intake.Channel, i.Intake.ExternalId), out var existing):
                    results.Add(() => i.Completion.TrySetResult(existing));
                    break;
                case NotificationWrite n:
                    n.Result = rows.Notifications.Apply(n.Change);
                    break;
                case IntakeWrite i:
                    var fingerprint = fingerprints[i];
                    Guid? duplicateOf = fingerprint is not null && originals.TryGetValue(fingerprint, out var original) ? original : null;
                    var item = FeedbackItemFactory.Create(i.Intake, now, fingerprint, duplicateOf);
                    db!.FeedbackItems.Add(item);
                    storedItems.Add((i, item));
                    if (fingerprint is not null && duplicateOf is null)
                    {
                        originals[fingerprint] = item.Id;
                    }

                    knownItems[(i.Intake.Channel, i.Intake.ExternalId)] = new IntakeOutcome(item.Id, true, i.Intake.DepartmentIds, duplicateOf);
                    break;
            }
        }

        rows.Flush();
        if (db is not null)
        {
            await db.SaveChangesAsync();
        }

        tx.Commit();

        foreach (var (write, entity) in storedItems)
        {
            write.Completion.TrySetResult(new IntakeOutcome(entity.Id, false, write.Intake.DepartmentIds, entity.DuplicateOfId));
        }

        foreach (var write in notifications)
        {
            write.Completion.TrySetResult(write.Result);
        }

        var committed = new List<CommittedEvent>(stored.Count);
        foreach (var (write, seq) in stored)
        {
            committed.Add(new CommittedEvent(seq, write.Record));
            write.Completion.TrySetResult(new RecordOutcome(write.Record.EventId, false, seq, write.Record.ActorPoints));
        }

        var routings = storedItems.Count + forwards.Count > 0 ? NewRoutings(storedItems, forwards) : [];
        foreach (var complete in results)
        {
            complete();
        }

        if (committed.Count > 0)
        {
            foreach (var observer in _observers)
            {
                observer.OnCommitted(committed);
            }
        }

        if (routings.Count > 0)
        {
            foreach (var observer in _observers)
            {
                observer.OnRoutingsCommitted(routings);
            }
        }
    }

    /// <summary>A context on the writer's connection and inside its transaction.</summary>
    private async Task<GamifyDbContext> Context(EventRows rows, SqliteTransaction tx)
    {
        var db = await _dbFactory.CreateDbContextAsync();
        db.Database.SetDbConnection(rows.Connection, contextOwnsConnection: false);
        db.Database.AutoSavepointsEnabled = false; // the writer's transaction is all or nothing anyway
        await db.Database.UseTransactionAsync(tx);
        return db;
    }

    /// <summary>The routings this batch stored: the new items' and the forwards'.</summary>
    private static List<CommittedRouting> NewRoutings(List<(IntakeWrite Write, FeedbackItem Entity)> items, List<CommittedRouting> forwards)
    {
        var routings = new List<CommittedRouting>(items.Count + forwards.Count);
        foreach (var (_, f) in items)
        {
            var item = new CommittedItem(f.Id, f.Channel, f.Priority, f.Sentiment, f.ReceivedAt);
            routings.AddRange(f.Routings.Select(r => new CommittedRouting(f.Id, r.DepartmentId, r.RoutedAt, false, item)));
        }

        routings.AddRange(forwards);
        return routings;
    }

    private static async Task<Dictionary<(string, string), IntakeOutcome>> KnownItems(GamifyDbContext db, List<IntakeWrite> writes)
    {
        if (writes.Count == 0)
        {
            return [];
        }

        var externalIds = writes.Select(w => w.Intake.ExternalId).Distinct().ToList();
        var channels = writes.Select(w => w.Intake.Channel).Distinct().ToList();
        // Both columns, so SQLite searches the (Channel, ExternalId) index instead of scanning every item per batch.
        var items = await db.FeedbackItems.AsNoTracking()
            .Where(f => channels.Contains(f.Channel) && externalIds.Contains(f.ExternalId))
            .Select(f => new { f.Id, f.Channel, f.ExternalId, f.DuplicateOfId, Departments = f.Routings.Select(r => r.DepartmentId).ToList() })
            .ToListAsync();
        var wanted = writes.Select(w => (w.Intake.Channel, w.Intake.ExternalId)).ToHashSet();
        return items.Where(i => wanted.Contains((i.Channel, i.ExternalId)))
            .ToDictionary(i => (i.Channel, i.ExternalId), i => new IntakeOutcome(i.Id, true, i.Departments, i.DuplicateOfId));
    }

    /// <summary>The original (first) item per fingerprint, by the fingerprint index: reposts point at it, never at each other.</summary>
    private static async Task<Dictionary<string, Guid>> Originals(GamifyDbContext db, IEnumerable<string?> fingerprints)
    {
        var wanted = fingerprints.OfType<string>().Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var found = await db.FeedbackItems.AsNoTracking()
            .Where(f => f.Fingerprint != null && wanted.Contains(f.Fingerprint) && f.DuplicateOfId == null)
            .Select(f => new { Fingerprint = f.Fingerprint!, f.Id, f.ReceivedAt })
            .ToListAsync();
        return found.GroupBy(f => f.Fingerprint).ToDictionary(g => g.Key, g => g.MinBy(f => f.ReceivedAt)!.Id);
    }

    private abstract class PendingWrite
    {
        public abstract void Fail(Exception ex);
    }

    private abstract class PendingWrite<T> : PendingWrite
    {
        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Fail(Exception ex) => Completion.TrySetException(ex);
    }

    private sealed class EventWrite(EngagementRecord record, Task? after) : PendingWrite<RecordOutcome>
    {
        public EngagementRecord Record { get; } = record;

        public Task? After { get; } = after;
    }

    private interface IExclusiveWrite
    {
        Task RunAsync(GamifyDbContext db);

        void Fail(Exception ex);
    }

    private sealed class ExclusiveWrite<T>(Func<GamifyDbContext, Task<T>> work, Action<T>? afterCommit) : PendingWrite<T>, IExclusiveWrite
    {
        public async Task RunAsync(GamifyDbContext db)
        {
            var result = await work(db);
            // Still inside the writer loop: nothing queued behind this write commits before this has run.
            afterCommit?.Invoke(result);
            Completion.TrySetResult(result);
        }
    }

    /// <summary>One caller's events in order, queued as one piece (see <see cref="RecordAsync(IReadOnlyList{EngagementRecord}, Task?)"/>).</summary>
    private sealed class EventGroup(EventWrite[] writes) : PendingWrite
    {
        public EventWrite[] Writes { get; } = writes;

        public override void Fail(Exception ex)
        {
            foreach (var write in Writes)
            {
                write.Fail(ex);
            }
        }
    }

    private sealed class NotificationWrite(NotificationChange change) : PendingWrite<NotificationChanged>
    {
        public NotificationChange Change { get; } = change;

        public NotificationChanged Result { get; set; } = NotificationChanged.None;
    }

    private sealed class StatementWrite(Func<SqliteConnection, SqliteTransaction, int> statement) : PendingWrite<int>
    {
        public Func<SqliteConnection, SqliteTransaction, int> Statement { get; } = statement;
    }

    private sealed class IntakeWrite(FeedbackIntake intake) : PendingWrite<IntakeOutcome>
    {
        public FeedbackIntake Intake { get; } = intake;
    }
}
