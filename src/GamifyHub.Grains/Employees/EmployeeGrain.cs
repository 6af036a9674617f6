using GamifyHub.Data.Reading;
using GamifyHub.Data.Writing;
using GamifyHub.Domain.Badges;
using GamifyHub.Domain.Challenges;
using GamifyHub.Domain.Scoring;
using GamifyHub.Grains.Live;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace GamifyHub.Grains.Employees;

/// <summary>
/// One employee: scores their events with their <see cref="EmployeeLedger"/> (rebuilt on activation from their ledger
/// snapshot and the stored events and award lines after it), keeps totals and recent awards live, and sends personal
/// notifications. Its projection belongs to the rules version it was loaded under: when a rescore puts another version in
/// force, it reloads before scoring or answering, and an event the writer refuses as scored under old rules is scored again.
/// <para>Reentrant, so that the next events score while earlier ones commit (EmployeeGrain.Writes.cs orders them). Every
/// change of state therefore happens in one synchronous stretch, after <see cref="Ready"/> where a reload could be due.</para>
/// </summary>
[Reentrant]
public sealed partial class EmployeeGrain(ProjectionReader reader, EngagementWriter writer, LedgerSnapshotStore snapshots, RuleBook rules,
    ILiveNotifier notifier, IOptions<CompanyOptions> company, CompanyDirectory directory, TimeProvider time, ILogger<EmployeeGrain> logger,
    IOptions<LedgerSnapshotOptions> snapshotOptions)
    : Grain, IEmployeeGrain
{
    private const int RecentCount = 20;
    private const int ObserveSlice = 4_096;
    // Events up to this sequence were included by the load; live updates at or below it are already counted.
    private long _highWater;
    private int _loadedUnder;
    private readonly Dictionary<PointCategory, long> _byCategory = [];
    private readonly LinkedList<EarnedAwards> _recent = new();
    private readonly TimeZoneInfo _zone = company.Value.Zone;
    private EmployeeLedger _ledger = null!;
    // Level and earned badges as last announced (or about to be, once the event that reached them commits), so crossing a
    // level or earning a badge is notified once.
    private int _level;
    private readonly HashSet<string> _earned = [];
    // The points notifications still being told, in order (see ApplyAwards).
    private Task? _telling;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => Load();

    private async Task Load()
    {
        var id = this.GetPrimaryKey();
        // Read the version first: a rescore switches it only after its commit, so the load cannot see older lines than it.
        var loadedUnder = rules.Current.Version;
        var history = await reader.LoadLedger(id, loadedUnder, RecentCount, StoredIdsKept);
        // Built aside, a slice at a time so a long history does not hold a thread; nothing reads it until it is swapped in.
        var ledger = await history.FoldAsync(id, _zone, ObserveSlice);

        // From here on synchronous: no other call sees the projection half rebuilt.
        _loadedUnder = loadedUnder;
        _ledger = ledger;
        _byCategory.Clear();
        foreach (var (category, points) in ledger.PointsWithLines())
        {
            _byCategory[category] = points;
        }

        _recent.Clear();
        foreach (var e in history.Recent)
        {
            _recent.AddFirst(new EarnedAwards(e.Seq, e.EventId, e.FeedbackId, e.OccurredAt.UtcDateTime, [.. e.Awards.Select(AwardView.From)],
                e.ActorId));
        }

        _earned.Clear();
        ForgetStored();
        foreach (var (eventId, points) in history.Stored)
        {
            RememberStored(eventId, points);
        }

        _highWater = history.HighWater;
        TakeMilestones();
        if (history.Entries.Count >= snapshotOptions.Value.SnapshotAfter)
        {
            // The ledger is exactly the log up to the high water now (nothing live observed yet): worth keeping.
            SaveSnapshot(id, loadedUnder, history.HighWater, history.Epoch, ledger.ToSnapshot());
        }
    }

    private void SaveSnapshot(Guid id, int rulesVersion, long seq, long epoch, byte[] data) =>
        _ = snapshots.SaveAsync(id, rulesVersion, seq, epoch, data).ContinueWith(t =>
            {
                // A snapshot is a cache: one lost while the host stops is simply taken later.
                if (t.Exception?.InnerException is not (System.Threading.Channels.ChannelClosedException or OperationCanceledException
                    or ObjectDisposedException))
                {
                    logger.LogWarning(t.Exception, "Could not store the ledger snapshot of employee {EmployeeId}", id);
                }
            },
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    public async Task<EmployeeProgress> GetProgress()
    {
        await Ready();
        var current = rules.Current;
        var level = Levels.For(current.LevelCurve, _ledger.TotalXp);
        var badges = BadgeEvaluator.Evaluate(current.Badges, _ledger.Stats, Today())
            .Where(b => b.Earned || !b.Badge.Secret)
            .Select(b => new BadgeView(b.Badge.Id, b.Badge.Name, b.Badge.Description, b.Badge.Tier.ToString().ToLowerInvariant(),
                b.Badge.Secret, b.Earned, Math.Min(b.Current, b.Target), b.Target))
            .ToList();
        return new EmployeeProgress(new LevelView(level.Level, level.XpIntoLevel, level.XpForNextLevel), badges);
    }

    private DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone).DateTime);

    /// <summary>Remembers the level and earned badges without announcing them (after a rebuild).</summary>
    private void TakeMilestones()
    {
        var current = rules.Current;
        _level = Levels.For(current.LevelCurve, _ledger.TotalXp).Level;
        foreach (var badge in BadgeEvaluator.Evaluate(current.Badges, _ledger.Stats, Today()).Where(b => b.Earned))
        {
            _earned.Add(badge.Badge.Id);
        }
    }

    /// <summary>A level crossed or a badge earned since the last look, to announce (null: nothing).</summary>
    private List<LiveNotification>? Milestones(DateTime occurredAt, List<LiveNotification>? told = null)
    {
        var current = rules.Current;
        var level = Levels.For(current.LevelCurve, _ledger.TotalXp).Level;
        if (level > _level)
        {
            (told ??= []).Add(NotificationTexts.LevelUp(level, occurredAt));
        }

        _level = level;
        var unearned = current.Badges.Where(b => !_earned.Contains(b.Id)).ToList();
        if (unearned.Count == 0)
        {
            return told;
        }

        foreach (var badge in BadgeEvaluator.Evaluate(unearned, _ledger.Stats, Today()).Where(b => b.Earned))
        {
            _earned.Add(badge.Badge.Id);
            (told ??= []).Add(NotificationTexts.Badge(badge.Badge, occurredAt));
        }

        return told;
    }

    /// <summary>Sends personal notifications one after the other, in order.</summary>
    private async Task Tell(List<LiveNotification>? notifications)
    {
        if (notifications is null)
        {
            return;
        }

        var me = this.GetPrimaryKey();
        foreach (var notification in notifications)
        {
            await notifier.Notify(me, notification);
        }
    }

    public async Task<EmployeeSummary> GetSummary()
    {
        await Ready();
        return new EmployeeSummary(
            this.GetPrimaryKey(), _byCategory.Values.Sum(), new Dictionary<PointCategory, long>(_byCategory), [.. _recent]);
    }

    /// <summary>The fact of a command, with the item as the caller saw it (null for an external event).</summary>
    public static EngagementFact FactOf(ActionCommand command, ItemFacts? item) =>
        new(command.EventId, command.EmployeeId, command.DepartmentId, command.Type,
            new DateTimeOffset(DateTime.SpecifyKind(command.OccurredAt, DateTimeKind.Utc)), command.Source, command.DwellSeconds, item);

    public static IEnumerable<AwardLine> OwnLines(IReadOnlyList<AwardLine> lines, Guid employeeId) =>
        lines.Where(l => l.EmployeeId == employeeId);

    private bool IsKudos(string rule) =>
        rules.Current.Rules.FirstOrDefault(r => r.Id == rule)?.Action == ActionType.Kudos;

    public async Task ApplyAwards(IReadOnlyList<EarnedAwards> earned)
    {
        await Ready();
        var me = this.GetPrimaryKey();
        List<LiveNotification>? told = null;
        // The points worth telling, all in one notification: a fan-out batch holds whole commits, so a person gets at most one
        // points notification per commit however many events it held.
        var points = new PointsNotice();
        foreach (var e in earned)
        {
            if (e.Seq <= _highWater)
            {
                continue;
            }

            foreach (var award in e.Awards)
            {
                _byCategory[award.Category] = _byCategory.GetValueOrDefault(award.Category) + award.Points;
            }

            var own = e.ActorId == me || e.ActorId == Guid.Empty;
            if (!own)
            {
                // Shared credit or a clawback from a colleague's event (own events were observed when scored here).
                _ledger.Credit([.. e.Awards.Select(a => new AwardLine(me, Guid.Empty, a.Points, a.Category, a.Rule, a.RuleVersion, a.Reason))]);
                told = Milestones(e.OccurredAt, told);
            }

            _recent.AddFirst(e);
            if (_recent.Count > RecentCount)
            {
                _recent.RemoveLast();
            }

            if (own && e.Awards.All(a => a.Rule == ChallengeRewards.RuleId))
            {
                // A challenge reward: the challenge sends its own "challenge-completed" notification.
                continue;
            }

            if (own && e.Awards.All(a => a.Points == 0))
            {
                // Rewarded but worth nothing today (a cap or diminishing returns): nothing to celebrate.
                continue;
            }

            if (own && e.Awards.All(a => IsKudos(a.Rule)))
            {
                // Points for a kudos received: the kudos notification (with giver and message) already says so.
                continue;
            }

            points.Add(e, own);
        }

        if (points.Notification(rules.Current) is { } notice)
        {
            // Before the milestones the points reached.
            (told ??= []).Insert(0, notice);
        }

        // Told after the state changed in one stretch (a reload cannot land in the middle of this batch), behind what earlier
        // batches told, once the fan-out has its answer: it waits for every recipient before its next batch, and each
        // notification is a delivery of its own.
        if (told is not null)
        {
            _telling = TellAfter(_telling, told);
        }
    }

    /// <summary>The award lines of one fan-out batch worth a points notification, gathered into one.</summary>
    private sealed class PointsNotice
    {
        private readonly List<AwardView> _lines = [];
        private EarnedAwards? _first;
        private DateTime _latest;
        private bool _own;

        public void Add(EarnedAwards e, bool own)
        {
            _first ??= e;
            _latest = e.OccurredAt > _latest ? e.OccurredAt : _latest;
            _own |= own;
            _lines.AddRange(e.Awards);
        }

        /// <summary>Named after the batch's first event (a repeated delivery of the batch is stored once). Typed "award" when any
        /// line is for the person's own event, otherwise by the sign of the total.</summary>
        public LiveNotification? Notification(RuleSet rules)
        {
            if (_first is null)
            {
                return null;
            }

            var type = _own ? NotificationTypes.Award : _lines.Sum(a => a.Points) < 0 ? NotificationTypes.Clawback : NotificationTypes.SharedCredit;
            return NotificationTexts.Points(_first.EventId, type, _lines, rules, _latest);
        }
    }

    private async Task TellAfter(Task? earlier, List<LiveNotification> notifications)
    {
        if (earlier is not null)
        {
            await earlier; // never faults: see below
        }

        try
        {
            await Tell(notifications);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not send {Count} notifications to employee {EmployeeId}", notifications.Count, this.GetPrimaryKey());
        }
    }
}
