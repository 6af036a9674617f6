using GamifyHub.Data.Auditing;
using GamifyHub.Data.Entities;
using GamifyHub.Data.Reading;
using GamifyHub.Domain.Boards;
using GamifyHub.Domain.Challenges;
using GamifyHub.Domain.Scoring;
using GamifyHub.Grains.Live;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GamifyHub.Grains.Challenges;

/// <summary>
/// One challenge. Its row (definition, status, occurrence, who was rewarded) is its state, saved on every change; its progress
/// is derived: loaded from the event log on activation and kept up to date by the events the registry hands it. A durable
/// reminder wakes it when something is due (start, ending soon, end), also after a restart; every wake-up catches up with
/// whatever is due by then. Rewards go through the employee's grain under a deterministic event id, so each is stored once.
/// </summary>
public sealed partial class ChallengeGrain(ChallengeStore store, CompanyDirectory directory, ILiveNotifier notifier,
    IChallengeNotifier challengeNotifier, TimeProvider time, IOptions<ChallengeOptions> options, ILogger<ChallengeGrain> logger)
    : Grain, IChallengeGrain, IRemindable
{
    public const string ClockReminder = "challenge-clock";
    public const int PushesPerSecond = 4;
    private const int VisibleRows = 50;

    private ChallengeEntry? _row;
    private ChallengeDefinition? _definition;
    private readonly List<ChallengeFact> _facts = [];
    private long _highWater;
    private Dictionary<Guid, int> _routed = [];
    private ChallengeStanding _standing = new([], null, false);
    private IReadOnlyList<RankedRow> _lastPushed = [];
    private DateTimeOffset? _reminderDue;
    private bool _reminderCleared;
    private bool _dirty;
    private long _version;

    private Guid Id => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _row = await store.Get(Id);
        if (_row is null)
        {
            return;
        }

        _definition = Definition(_row);
        if (_row.Status == ChallengeStatus.Active)
        {
            await LoadProgress();
        }

        this.RegisterGrainTimer(Tick, TimeSpan.FromMilliseconds(1000 / PushesPerSecond), TimeSpan.FromMilliseconds(1000 / PushesPerSecond));
        // Catch up with what fell due while nobody looked (e.g. the silo was down), and make sure the reminder exists.
        await Advance();
    }

    public async Task<ChallengeView?> Get()
    {
        if (_row is null)
        {
            return null;
        }

        await Advance();
        return View();
    }

    public async Task<ChallengeChange> Create(ChallengeSpec spec, string createdBy, bool schedule)
    {
        if (_row is not null)
        {
            return new ChallengeChange(View(), "A challenge with this id exists already.");
        }

        var now = time.GetUtcNow();
        // The API validated this a moment ago; a minute's slack keeps a start it accepted from failing here.
        var errors = ChallengeValidator.Validate(Draft(spec), now.AddMinutes(-1), directory.Departments.Select(d => d.Id).ToHashSet(),
            out var definition);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors.Select(e => e.Message)), nameof(spec));
        }

        _definition = definition!;
        _row = new ChallengeEntry
        {
            Id = Id,
            Name = definition!.Name,
            Description = definition.Description,
            Metric = definition.Metric.Kind,
            MetricAction = definition.Metric.Action is { } a ? ActionTypes.Name(a) : null,
            MetricCategory = definition.Metric.Category is { } c ? ChallengeNames.Category(c) : null,
            Target = definition.Target,
            StartsAt = definition.StartsAt.UtcDateTime,
            EndsAt = definition.EndsAt.UtcDateTime,
            Scope = definition.Scope.Kind,
            DepartmentIds = string.Join(',', definition.Scope.DepartmentIds),
            RewardPoints = definition.RewardPoints,
            RewardBadge = definition.RewardBadge,
            Recurrence = definition.Recurrence,
            Status = ChallengeStatus.Draft,
            Occurrence = 1,
            Rewarded = "",
            CreatedBy = createdBy,
            CreatedAt = now.UtcDateTime,
            UpdatedAt = now.UtcDateTime,
        };
        await Save(Audit(createdBy, AuditActions.ChallengeCreated));
        this.RegisterGrainTimer(Tick, TimeSpan.FromMilliseconds(1000 / PushesPerSecond), TimeSpan.FromMilliseconds(1000 / PushesPerSecond));
        return schedule ? await Schedule(createdBy) : new ChallengeChange(View(), null);
    }

    public async Task<ChallengeChange> Schedule(string actor)
    {
        if (_row is null)
        {
            return new ChallengeChange(null, "No such challenge.");
        }

        if (ChallengeLifecycle.Next(_row.Status, ChallengeTrigger.Schedule) is not { } next)
        {
            return new ChallengeChange(View(), $"A {ChallengeNames.Status(_row.Status)} challenge cannot be scheduled.");
        }

        if (_definition!.EndsAt <= time.GetUtcNow())
        {
            return new ChallengeChange(View(), "The challenge's end lies in the past; create a new one.");
        }

        _row.Status = next;
        await Save(Audit(actor, AuditActions.ChallengeScheduled));
        await GrainFactory.GetGrain<IChallengeRegistryGrain>(0).Track(Id, live: true);
        await Advance();
        return new ChallengeChange(View(), null);
    }

    public async Task<ChallengeChange> Cancel(string actor)
    {
        if (_row is null)
        {
            return new ChallengeChange(null, "No such challenge.");
        }

        if (ChallengeLifecycle.Next(_row.Status, ChallengeTrigger.Cancel) is not { } next)
        {
            return new ChallengeChange(View(), $"A {ChallengeNames.Status(_row.Status)} challenge cannot be cancelled.");
        }

        _row.Status = next;
        await Save(Audit(actor, AuditActions.ChallengeCancelled));
        await GrainFactory.GetGrain<IChallengeRegistryGrain>(0).Track(Id, live: false);
        await SyncReminder();
        _dirty = true;
        return new ChallengeChange(View(), null);
    }

    public async Task ApplyEvents(IReadOnlyList<ChallengeEventView> events)
    {
        if (_row is not { Status: ChallengeStatus.Active } || _definition is null)
        {
            return;
        }

        foreach (var e in events)
        {
            if (e.Seq <= _highWater)
            {
                continue;
            }

            _highWater = e.Seq;
            var occurredAt = new DateTimeOffset(DateTime.SpecifyKind(e.OccurredAt, DateTimeKind.Utc));
            if (!EngagementSources.IsPersonAction(e.Source))
            {
                continue;
            }

            var fact = new ChallengeFact(e.Seq, e.EmployeeId, e.DepartmentId, e.Type, e.FeedbackId, occurredAt,
                [.. e.Points.Select(p => new ChallengePoints(p.EmployeeId, p.DepartmentId, p.Category, p.Points))]);
            if (!ChallengeProgress.Counts(fact, _definition.Scope, _definition.StartsAt, _definition.EndsAt))
            {
                continue;
            }

            if (_definition.Metric.Kind == ChallengeMetricKind.MedianFirstResponse && e.Type == ActionType.Reply && e.FeedbackId is { } item)
            {
                fact = fact with { ItemReceivedAt = await store.FirstReplyClock(item, e.Seq) };
            }

            _facts.Add(fact);
            _dirty = true;
        }
    }

    public async Task<BoardSnapshot> GetBoard(int top, Guid? member)
    {
        if (_row is null)
        {
            return new BoardSnapshot(BoardName, "all", null, NextVersion(), [], null);
        }

        await Advance();
        var rows = Rows();
        var me = member is { } m ? rows.FirstOrDefault(r => r.MemberId == m) : null;
        return Snapshot([.. rows.Take(top)], me);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ClockReminder)
        {
            return;
        }

        _reminderDue = null; // it fired: re-register for whatever is due next
        if (_row is null)
        {
            if (await this.GetReminder(ClockReminder) is { } orphan)
            {
                await this.UnregisterReminder(orphan);
            }

            return;
        }

        await Advance();
    }

    /// <summary>Moves the lifecycle on as far as the clock says, then keeps the reminder on the next due moment.</summary>
    private async Task Advance()
    {
        if (_row is null || _definition is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        for (var step = 0; step < 10; step++)
        {
            if (_row.Status == ChallengeStatus.Scheduled && now >= _definition.StartsAt)
            {
                await Start(now);
            }
            else if (_row.Status == ChallengeStatus.Active && now >= _definition.EndsAt)
            {
                await Finish(now);
            }
            else if (_row.Status == ChallengeStatus.Active && !_row.EndingSoonSent
                && now >= ChallengeSchedule.EndingSoonAt(_definition.StartsAt, _definition.EndsAt))
            {
                _row.EndingSoonSent = true;
                await Save();
                var rewarded = RewardedIds();
                var text = NotificationTexts.ChallengeEndingSoon(_definition.Name, _definition.EndsAt, now.UtcDateTime);
                await NotifyAll(Participants().Where(p => !rewarded.Contains(p)), text);
            }
            else
            {
                break;
            }
        }

        await SyncReminder();
    }

    private async Task Start(DateTimeOffset now)
    {
        _row!.Status = ChallengeStatus.Active;
        await Save();
        await LoadProgress();
        LogStarted(Id, _row.Occurrence);
        await NotifyAll(Participants(), NotificationTexts.ChallengeStarted(_definition!.Name, now.UtcDateTime));
        _dirty = true;
    }

    /// <summary>Ends the occurrence: final progress from the log, rewards due at the end, completed or expired, and the next
    /// weekly occurrence scheduled.</summary>
    private async Task Finish(DateTimeOffset now)
    {
        await LoadProgress();
        await GrantDue(ended: true);
        var trigger = ChallengeRewards.Outcome(_definition!, _standing, RewardedIds().Count);
        Close(trigger);
        await Save();
        LogFinished(Id, _row!.Occurrence, ChallengeNames.Status(_row.Status));
        _dirty = true;
        await PushNow();
        await RecurOrStop(now);
    }

    private void Close(ChallengeTrigger trigger)
    {
        _row!.Status = ChallengeLifecycle.Next(_row.Status, trigger) ?? _row.Status;
        _row.Winners = _definition!.Scope.Kind == ChallengeScopeKind.TeamVsTeam
            ? string.Join(',', ChallengeProgress.Winners(_definition.Metric, _standing.Units, _definition.Target))
            : null;
    }

    private async Task RecurOrStop(DateTimeOffset now)
    {
        if (_definition!.Recurrence == ChallengeRecurrence.Weekly && ChallengeLifecycle.Next(_row!.Status, ChallengeTrigger.Recur) is { } next)
        {
            var (start, end) = ChallengeSchedule.NextWeekly(_definition.StartsAt, _definition.EndsAt, now);
            _row.Status = next;
            _row.StartsAt = start.UtcDateTime;
            _row.EndsAt = end.UtcDateTime;
            _row.Occurrence++;
            _row.Rewarded = "";
            _row.EndingSoonSent = false;
            _definition = Definition(_row);
            await Save();
            return;
        }

        await GrainFactory.GetGrain<IChallengeRegistryGrain>(0).Track(Id, live: false);
    }

    private async Task Tick(CancellationToken cancellationToken)
    {
        if (!_dirty || _row is null)
        {
            return;
        }

        if (_row.Status == ChallengeStatus.Active)
        {
            await Recompute();
            await GrantDue(ended: false);
            if (_definition!.Scope.Kind == ChallengeScopeKind.Company && _standing.TotalReached)
            {
                // The collective goal is met: the occurrence is complete before its end.
                Close(ChallengeTrigger.Complete);
                await Save();
                await PushNow();
                await RecurOrStop(time.GetUtcNow());
                await SyncReminder();
                return;
            }
        }

        await PushNow();
    }

    /// <summary>Rewards everyone due who has not been rewarded in this occurrence. The event id makes a repeat a no-op, so a
    /// crash between the reward and saving the row costs nothing but a second look.</summary>
    private async Task GrantDue(bool ended)
    {
        var contributors = _facts.Where(f => ChallengeProgress.Counts(f, _definition!.Scope, _definition.StartsAt, _definition.EndsAt))
            .Select(f => f.EmployeeId).ToHashSet();
        var teams = _definition!.Scope.DepartmentIds.ToDictionary(d => d,
            d => (IReadOnlyList<Guid>)[.. directory.Employees.Where(e => e.DepartmentId == d).Select(e => e.Id)]);
        var rewarded = RewardedIds();
        var due = ChallengeRewards.Due(_definition, _standing, ended, contributors, teams).Where(e => !rewarded.Contains(e)).ToList();
        if (due.Count == 0)
        {
            return;
        }

        var at = time.GetUtcNow().UtcDateTime;
        var category = ChallengeRewards.Category(_definition.Metric);
        foreach (var employee in due)
        {
            var eventId = ChallengeRewards.EventId(Id, _row!.Occurrence, employee);
            var stored = await GrainFactory.GetGrain<IEmployeeGrain>(employee).RecordReward(
                new ChallengeReward(eventId, Id, _definition.Name, _definition.RewardPoints, category, _definition.RewardBadge, at));
            rewarded.Add(employee);
            _row.Rewarded = string.Join(',', rewarded);
            await Save();
            if (stored)
            {
                await notifier.Notify(employee,
                    NotificationTexts.ChallengeCompleted(Guid.CreateVersion7(), _definition.Name, _definition.RewardPoints, _definition.RewardBadge, at));
            }
        }

        _dirty = true;
    }

    private async Task LoadProgress()
    {
        var (highWater, facts) = await store.LoadFacts(_definition!.StartsAt.UtcDateTime, _definition.EndsAt.UtcDateTime);
        _highWater = highWater;
        _facts.Clear();
        _facts.AddRange(facts.Where(f => ChallengeProgress.Counts(f, _definition.Scope, _definition.StartsAt, _definition.EndsAt)));
        await Recompute();
    }

    private async Task Recompute()
    {
        if (_definition!.Metric.Kind == ChallengeMetricKind.ReadRate)
        {
            var until = Min(time.GetUtcNow(), _definition.EndsAt);
            _routed = await store.RoutedCounts(_definition.StartsAt.UtcDateTime, until.UtcDateTime);
        }

        var members = _definition.Scope.Kind == ChallengeScopeKind.TeamVsTeam
            ? new Dictionary<Guid, Guid>()
            : directory.Employees.ToDictionary(e => e.Id, e => e.DepartmentId);
        _standing = ChallengeProgress.Compute(_definition, _facts, _routed, members);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private async Task PushNow()
    {
        _dirty = false;
        var rows = Rows();
        var top = rows.Take(VisibleRows).ToList();
        var byId = rows.ToDictionary(r => r.MemberId);
        var changed = BoardDiff.Changed(_lastPushed, top, id => byId.GetValueOrDefault(id));
        _lastPushed = top;
        if (changed.Count > 0)
        {
            await notifier.BoardChanged(Snapshot(changed, null));
        }

        await challengeNotifier.ChallengeChanged(View());
    }

    private List<RankedRow> Rows() =>
        [.. ChallengeProgress.Rank(_definition!.Metric, _standing.Units)
            .Select(r => new RankedRow(r.Rank, r.Unit.Id, (long)Math.Round(r.Unit.Value ?? 0)))];

    private string BoardName => BoardScope.Challenge(Id).Name;

    private BoardSnapshot Snapshot(IReadOnlyList<RankedRow> rows, RankedRow? me) => new(BoardName, "all",
        _row is null ? null : $"occurrence-{_row.Occurrence}", NextVersion(),
        [.. rows.Select(r => new BoardRowView(r.Rank, r.MemberId, r.Score))], me is null ? null : new BoardRowView(me.Rank, me.MemberId, me.Score),
        _standing.Units.Count);

    /// <summary>Versions only grow, across activations too, so clients can drop stale pushes.</summary>
    private long NextVersion() => _version = Math.Max(_version + 1, time.GetUtcNow().ToUnixTimeMilliseconds());

    private ChallengeView View()
    {
        var d = _definition!;
        var r = _row!;
        var units = ChallengeProgress.Rank(d.Metric, _standing.Units).Take(VisibleRows)
            .Select(u => new ChallengeUnitView(u.Rank, u.Unit.Id, u.Unit.Value, u.Unit.Reached)).ToList();
        return new ChallengeView(r.Id, d.Name, d.Description, ChallengeNames.Metric(d.Metric.Kind), r.MetricAction, r.MetricCategory,
            d.Target, d.StartsAt, d.EndsAt, ChallengeNames.Scope(d.Scope.Kind), d.Scope.DepartmentIds, d.RewardPoints, d.RewardBadge,
            ChallengeNames.Recurrence(d.Recurrence), ChallengeNames.Status(r.Status), r.Occurrence, _standing.Total, _standing.TotalReached,
            units, [.. RewardedIds()], Ids(r.Winners), r.CreatedBy, NextVersion());
    }

    /// <summary>Everyone taking part: the scope's departments' employees, or everyone for a company-wide challenge.</summary>
    private IEnumerable<Guid> Participants() =>
        directory.Employees.Where(e => _definition!.Scope.Includes(e.DepartmentId)).Select(e => e.Id);

    private async Task NotifyAll(IEnumerable<Guid> employees, LiveNotification notification)
    {
        foreach (var employee in employees)
        {
            await notifier.Notify(employee, notification);
        }
    }

    private HashSet<Guid> RewardedIds() => [.. Ids(_row!.Rewarded)];

    private static List<Guid> Ids(string? csv) =>
        [.. (csv ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse)];

    /// <summary>Keeps one reminder on the next due moment while the challenge is scheduled or active; none after that.</summary>
    private async Task SyncReminder()
    {
        var due = ChallengeSchedule.NextDue(_row!.Status, _definition!.StartsAt, _definition.EndsAt, _row.EndingSoonSent);
        if (due is not { } at)
        {
            // Nothing due any more: remove the reminder once per activation (a finished challenge is asked often).
            if (!_reminderCleared)
            {
                if (await this.GetReminder(ClockReminder) is { } reminder)
                {
                    await this.UnregisterReminder(reminder);
                }

                _reminderCleared = true;
            }

            _reminderDue = null;
            return;
        }

        _reminderCleared = false;
        if (due == _reminderDue)
        {
            return;
        }

        var wait = at - time.GetUtcNow();
        await this.RegisterOrUpdateReminder(ClockReminder, wait < TimeSpan.Zero ? TimeSpan.Zero : wait, options.Value.ReminderPeriod);
        _reminderDue = due;
    }

    private async Task Save(AuditEntry? audit = null)
    {
        _row!.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await store.Save(_row, audit);
    }

    private AuditEntry Audit(string actor, string action) => AuditLog.Entry(time.GetUtcNow().UtcDateTime, actor, action, Id.ToString(),
        new { _row!.Name, Scope = _row.Scope.ToString(), _row.DepartmentIds, _row.Target, _row.StartsAt, _row.EndsAt });

    private static ChallengeDefinition Definition(ChallengeEntry row) => new(row.Name, row.Description,
        new ChallengeMetric(row.Metric,
            ActionTypes.TryParse(row.MetricAction, out var action) ? action : null,
            ChallengeNames.TryCategory(row.MetricCategory, out var category) ? category : null),
        row.Target, new DateTimeOffset(DateTime.SpecifyKind(row.StartsAt, DateTimeKind.Utc)),
        new DateTimeOffset(DateTime.SpecifyKind(row.EndsAt, DateTimeKind.Utc)),
        new ChallengeScope(row.Scope, Ids(row.DepartmentIds)), row.RewardPoints, row.RewardBadge, row.Recurrence);

    private static ChallengeDraft Draft(ChallengeSpec s) => new(s.Name, s.Description, s.Metric, s.Action, s.Category, s.Target,
        s.StartsAt, s.EndsAt, s.Scope, s.DepartmentIds, s.RewardPoints, s.RewardBadge, s.Recurrence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Challenge {Id} occurrence {Occurrence} started")]
    private partial void LogStarted(Guid id, int occurrence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Challenge {Id} occurrence {Occurrence} ended {Status}")]
    private partial void LogFinished(Guid id, int occurrence, string status);
}
