using GamifyHub.Data.Writing;
using GamifyHub.Domain.Challenges;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;
using GamifyHub.Grains.Live;

namespace GamifyHub.Grains.Employees;

/// <summary>
/// The employee's writes, in order, several in flight at once.
/// <list type="bullet">
/// <item>A call queues its events (<see cref="_waiting"/>, in its list order) and <see cref="Pump"/> takes them in one
/// synchronous stretch each: dedupe, score, observe at once (so the next one scores on top of it), then hands the stretch's
/// events to the writer as one piece, each after the one before (the first after the previous write). The writer commits
/// them in one group commit, in order, and refuses, unstored, whatever follows a failed write, so the log never holds an
/// event scored on top of one it lacks; the fan-out then sees them together (one points notification for the lot).</item>
/// <item><see cref="Settle"/> is the one loop that awaits the commits, oldest first: answers and milestone notifications
/// go out in order, and no call holds the grain's turn while its writes commit.</item>
/// <item>A failed write or a rules change stops scoring; <see cref="DrainAndReload"/> lets the writes in flight settle,
/// reloads from the log, scores again (in order, before anything newer) the events refused as scored under old rules,
/// and fails the events queued behind a write that failed for good.</item>
/// </list>
/// Simpler than a lock or a queue in the writer: the order is decided by this grain's own state before any await.
/// </summary>
public sealed partial class EmployeeGrain
{
    private const int StaleRetries = 3;
    // Own event ids kept (about 50 bytes each) to answer a retry without scoring it: enough for a retried batch of the
    // largest size. An older retry is scored, the writer's unique index finds it stored, and this grain reloads, as its
    // observation was wrong; events scored on top of it meanwhile keep what they were given.
    private const int StoredIdsKept = 1_000;

    private readonly LinkedList<Pending> _waiting = new();
    private readonly Queue<Pending> _writing = new();
    private readonly Dictionary<Guid, Pending> _writingById = [];
    private readonly List<Pending> _again = [];
    // Scored in this stretch of Pump, handed to the writer together at its end.
    private readonly List<Pending> _unsent = [];
    private readonly List<EngagementRecord> _unsentRecords = [];
    private readonly Dictionary<Guid, int> _stored = [];
    private readonly Queue<Guid> _storedOrder = new();
    private Task? _lastWrite;
    private Task? _settling;
    private Task? _reload;
    // A write failed, or was a repeat this grain did not know: the observed state is wrong until the reload.
    private bool _broken;
    // A write failed for good since the last reload: every event after it fails too, rather than commit out of order.
    private Exception? _givenUp;

    public Task<ScoredEvent> Score(ScoreRequest request)
    {
        var command = request.Command;
        CheckMine(command);
        var newStatus = command.Type switch
        {
            ActionType.Resolve => FeedbackStatus.Resolved,
            ActionType.Reopen => FeedbackStatus.Open,
            _ => (FeedbackStatus?)null,
        };
        var done = Accept(new Pending(request.Fact)
        {
            Command = command, FeedbackId = request.FeedbackId, NewStatus = newStatus, ItemRulesVersion = request.ItemRulesVersion,
        });
        Pump();
        return done;
    }

    public async Task<ActionOutcome> RecordExternal(ActionCommand command) => (await RecordExternalBatch([command]))[0];

    public async Task<IReadOnlyList<ActionOutcome>> RecordExternalBatch(IReadOnlyList<ActionCommand> commands)
    {
        foreach (var command in commands)
        {
            CheckMine(command);
        }

        var scored = new Task<ScoredEvent>[commands.Count];
        for (var i = 0; i < commands.Count; i++)
        {
            scored[i] = Accept(new Pending(FactOf(commands[i], null)) { Command = commands[i] });
        }

        Pump();
        await Task.WhenAll(scored);
        var outcomes = new ActionOutcome[commands.Count];
        for (var i = 0; i < commands.Count; i++)
        {
            var (command, result) = (commands[i], scored[i].Result);
            outcomes[i] = result.StaleRules
                ? throw new StaleRulesException(_loadedUnder, rules.Current.Version) // a repeat of an item's event that went stale
                : new ActionOutcome(ActionFailure.None, command.EventId, result.Duplicate, result.Points,
                    [.. OwnLines(result.Awards, command.EmployeeId).Select(AwardView.From)], null);
        }

        return outcomes;
    }

    public async Task<bool> RecordReward(ChallengeReward reward)
    {
        var me = this.GetPrimaryKey();
        var department = directory.Employee(me)?.DepartmentId ?? Guid.Empty;
        var occurredAt = new DateTimeOffset(DateTime.SpecifyKind(reward.OccurredAt, DateTimeKind.Utc));
        var done = Accept(new Pending(new EngagementFact(reward.EventId, me, department, ActionType.Reward, occurredAt,
            EngagementSources.Challenge, null, null)) { Reward = reward });
        Pump();
        return !(await done).Duplicate;
    }

    private void CheckMine(ActionCommand command)
    {
        if (command.EmployeeId != this.GetPrimaryKey())
        {
            throw new ArgumentException($"Event {command.EventId} is not by employee {this.GetPrimaryKey()}.", nameof(command));
        }
    }

    private Task<ScoredEvent> Accept(Pending pending)
    {
        _waiting.AddLast(pending);
        return pending.Done.Task;
    }

    /// <summary>Waits until no reload is due or running (starting one if a write failed or the rules changed).</summary>
    private async Task Ready()
    {
        Pump();
        while (_reload is { } reload)
        {
            await reload;
            Pump();
        }
    }

    /// <summary>Scores and sends the waiting events in order, until none is left or a reload is due.</summary>
    private void Pump()
    {
        ScoreWaiting();
        Dispatch();
    }

    private void ScoreWaiting()
    {
        while (_reload is null)
        {
            if (_broken || rules.Current.Version != _loadedUnder)
            {
                _reload = DrainAndReload();
                return;
            }

            if (_waiting.First is not { } first)
            {
                return;
            }

            _waiting.RemoveFirst();
            Send(first.Value);
        }
    }

    private void Send(Pending e)
    {
        var eventId = e.Fact.EventId;
        if (_writingById.TryGetValue(eventId, out var earlier))
        {
            // The same event again while it is on its way: answered with it, as a repeat.
            (earlier.Repeats ??= []).Add(e);
            return;
        }

        if (_stored.TryGetValue(eventId, out var points))
        {
            Finish(e, new ScoredEvent(true, points, [], []));
            return;
        }

        if (e.ItemRulesVersion is { } itemVersion && itemVersion != _loadedUnder)
        {
            Finish(e, ScoredEvent.Stale);
            return;
        }

        try
        {
            // Rules newer than the projection (a rescore just switched) score it too, but the record carries the version
            // the projection was loaded under, so the writer refuses it and it is scored again after the reload.
            e.Scored = e.Reward is { } reward ? RewardLines(reward, e.Fact) : _ledger.Score(rules.Current, e.Fact, _zone);
            _ledger.Observe(e.Fact, e.Scored.Awards, _zone);
        }
        catch (Exception ex)
        {
            Fail(e, ex);
            return;
        }

        e.Milestones = Milestones(e.Fact.OccurredAt.UtcDateTime);
        _unsent.Add(e);
        _unsentRecords.Add(RecordOf(e));
        _writing.Enqueue(e);
        _writingById[eventId] = e;
    }

    /// <summary>Hands what this stretch scored to the writer, as one piece after the previous write.</summary>
    private void Dispatch()
    {
        if (_unsent.Count == 0)
        {
            return;
        }

        var writes = writer.RecordAsync(_unsentRecords, _lastWrite ?? Task.CompletedTask);
        for (var i = 0; i < writes.Length; i++)
        {
            _unsent[i].Write = writes[i];
        }

        _lastWrite = writes[^1];
        _unsent.Clear();
        _unsentRecords.Clear();
        _settling ??= Settle();
        // Refused at once (a full queue): nothing more goes on top of it.
        _broken |= _lastWrite.IsFaulted;
    }

    private ScoreResult RewardLines(ChallengeReward reward, EngagementFact fact) =>
        // A 0-point line still records a badge-only reward (the badge is the event's text).
        new([new AwardLine(fact.EmployeeId, fact.DepartmentId, reward.Points, reward.Category, ChallengeRewards.RuleId,
            rules.Current.Version, $"Challenge completed: {reward.ChallengeName}")], []);

    private EngagementRecord RecordOf(Pending e)
    {
        if (e.Reward is { } reward)
        {
            // RulesVersion null: no rule decided this line, so a rescore in between does not make it stale.
            return new EngagementRecord(reward.EventId, e.Fact.EmployeeId, e.Fact.DepartmentId, ActionType.Reward, null,
                e.Fact.OccurredAt.UtcDateTime, EngagementSources.Challenge, e.Scored.Awards, Text: reward.Badge);
        }

        var c = e.Command!;
        return new EngagementRecord(c.EventId, c.EmployeeId, c.DepartmentId, c.Type, e.FeedbackId, c.OccurredAt, c.Source,
            e.Scored.Awards, c.TargetDepartmentId, c.Text, c.Url, e.NewStatus, c.DwellSeconds, e.Scored.Flags, _loadedUnder);
    }

    /// <summary>Awaits the writes oldest first and answers each; ends when none is in flight.</summary>
    private async Task Settle()
    {
        // Runs on after _settling is set, even when the first write was decided already.
        await Task.Yield();
        while (_writing.TryPeek(out var head))
        {
            RecordOutcome outcome;
            try
            {
                outcome = await head.Write!;
            }
            catch (Exception ex)
            {
                Settled(head);
                _broken = true;
                Refused(head, ex);
                continue;
            }

            Settled(head);
            RememberStored(head.Fact.EventId, outcome.Points);
            if (outcome.Duplicate)
            {
                _broken = true;
                Finish(head, new ScoredEvent(true, outcome.Points, [], []));
                continue;
            }

            try
            {
                await Tell(head.Milestones);
            }
            catch (Exception ex)
            {
                Fail(head, ex);
                continue;
            }

            Finish(head, new ScoredEvent(false, outcome.Points, head.Scored.Awards, head.Scored.Flags));
        }

        _settling = null;
        Pump();
    }

    private void Settled(Pending e)
    {
        _writing.Dequeue();
        _writingById.Remove(e.Fact.EventId);
    }

    /// <summary>Nothing of <paramref name="e"/> was stored: it is scored again after the reload, or its caller is told.</summary>
    private void Refused(Pending e, Exception ex)
    {
        if (_givenUp is null && ex is StaleRulesException)
        {
            if (e.ItemRulesVersion is not null)
            {
                // The item's state may be stale too: its grain reloads and asks again.
                Finish(e, ScoredEvent.Stale);
                return;
            }

            if (++e.Attempts < StaleRetries)
            {
                _again.Add(e);
                return;
            }
        }

        _givenUp ??= ex;
        Fail(e, ex);
        while (_waiting.First is { } later)
        {
            _waiting.RemoveFirst();
            Fail(later.Value, ex);
        }
    }

    /// <summary>Lets the writes in flight settle, reloads from the log, then scores the waiting events again.</summary>
    private async Task DrainAndReload()
    {
        // Runs on after _reload is set, so no event is scored meanwhile.
        await Task.Yield();
        try
        {
            while (_settling is { } settling)
            {
                await settling;
            }

            await Load();
        }
        catch (Exception ex)
        {
            // Nothing can be scored on an unknown state: those waiting are told, and the next call tries again.
            foreach (var e in _again.Concat(_waiting).ToList())
            {
                Fail(e, ex);
            }

            _again.Clear();
            _waiting.Clear();
            throw;
        }
        finally
        {
            _reload = null;
        }

        _broken = false;
        _givenUp = null;
        _lastWrite = null;
        // Refused as scored under old rules: scored again first, in their order, before anything that came later.
        for (var i = _again.Count - 1; i >= 0; i--)
        {
            _waiting.AddFirst(_again[i]);
        }

        _again.Clear();
        Pump();
    }

    private static void Finish(Pending e, ScoredEvent result)
    {
        e.Done.TrySetResult(result);
        foreach (var repeat in e.Repeats ?? [])
        {
            Finish(repeat, result.StaleRules ? result : new ScoredEvent(true, result.Points, [], []));
        }
    }

    private static void Fail(Pending e, Exception ex)
    {
        e.Done.TrySetException(ex);
        foreach (var repeat in e.Repeats ?? [])
        {
            Fail(repeat, ex);
        }
    }

    private void RememberStored(Guid eventId, int points)
    {
        if (!_stored.TryAdd(eventId, points))
        {
            return;
        }

        _storedOrder.Enqueue(eventId);
        if (_storedOrder.Count > StoredIdsKept)
        {
            _stored.Remove(_storedOrder.Dequeue());
        }
    }

    private void ForgetStored()
    {
        _stored.Clear();
        _storedOrder.Clear();
    }

    /// <summary>An event accepted by a call, until it is answered.</summary>
    private sealed class Pending(EngagementFact fact)
    {
        public EngagementFact Fact { get; } = fact;

        public ActionCommand? Command { get; init; }

        public Guid? FeedbackId { get; init; }

        public FeedbackStatus? NewStatus { get; init; }

        /// <summary>The rules version the item's state was loaded under; null for an event without an item.</summary>
        public int? ItemRulesVersion { get; init; }

        public ChallengeReward? Reward { get; init; }

        public int Attempts { get; set; }

        public ScoreResult Scored { get; set; } = ScoreResult.Nothing;

        public Task<RecordOutcome>? Write { get; set; }

        public List<LiveNotification>? Milestones { get; set; }

        /// <summary>The same event id sent again while this one was on its way.</summary>
        public List<Pending>? Repeats { get; set; }

        public TaskCompletionSource<ScoredEvent> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
