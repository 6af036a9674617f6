using GamifyHub.Data.Reading;
using GamifyHub.Data.Writing;
using GamifyHub.Domain.Badges;
using GamifyHub.Domain.Challenges;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;
using GamifyHub.Grains.Live;
using Microsoft.Extensions.Options;

namespace GamifyHub.Grains.Employees;

/// <summary>
/// One employee: scores their events with their <see cref="EmployeeLedger"/> (rebuilt on activation by observing their
/// stored events and award lines), keeps totals and recent awards live, and sends personal notifications. Its projection
/// belongs to the rules version it was loaded under: when a rescore puts another version in force, it reloads before
/// scoring or answering, and an event the writer refuses as scored under old rules is scored again.
/// </summary>
public sealed class EmployeeGrain(ProjectionReader reader, EngagementWriter writer, RuleBook rules, ILiveNotifier notifier,
    IOptions<CompanyOptions> company, CompanyDirectory directory, TimeProvider time)
    : Grain, IEmployeeGrain
{
    private const int RecentCount = 20;
    private const int StaleRetries = 3;
    // Events up to this sequence were included by the load; live updates at or below it are already counted.
    private long _highWater;
    private int _loadedUnder;
    private readonly Dictionary<PointCategory, long> _byCategory = [];
    private readonly LinkedList<EarnedAwards> _recent = new();
    private readonly TimeZoneInfo _zone = company.Value.Zone;
    private EmployeeLedger _ledger = null!;
    // Level and earned badges as last announced, so crossing a level or earning a badge is notified once.
    private int _level;
    private readonly HashSet<string> _earned = [];

    public override Task OnActivateAsync(CancellationToken cancellationToken) => Load();

    private async Task Load()
    {
        var id = this.GetPrimaryKey();
        // Read the version first: a rescore switches it only after its commit, so the load cannot see older lines than it.
        _loadedUnder = rules.Current.Version;
        _ledger = new EmployeeLedger(id);
        _byCategory.Clear();
        _recent.Clear();
        _earned.Clear();
        var history = await reader.LoadLedger(id);
        _highWater = history.HighWater;
        foreach (var entry in history.Entries)
        {
            _ledger.Observe(entry.Fact, entry.Awards, _zone);
            if (entry.Awards.Count == 0)
            {
                continue;
            }

            foreach (var line in entry.Awards)
            {
                _byCategory[line.Category] = _byCategory.GetValueOrDefault(line.Category) + line.Points;
            }

            _recent.AddFirst(new EarnedAwards(entry.Seq, entry.Fact.EventId, entry.Fact.Item?.ItemId, entry.Fact.OccurredAt.UtcDateTime,
                [.. entry.Awards.Select(AwardView.From)], entry.Fact.EmployeeId));
            if (_recent.Count > RecentCount)
            {
                _recent.RemoveLast();
            }
        }

        TakeMilestones();
    }

    /// <summary>Reloads the projection when a rescore put another rules version in force since it was loaded.</summary>
    private Task EnsureCurrent() => rules.Current.Version == _loadedUnder ? Task.CompletedTask : Load();

    public async Task<EmployeeProgress> GetProgress()
    {
        await EnsureCurrent();
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

    /// <summary>Announces a level crossed or a badge earned since the last look.</summary>
    private async Task AnnounceMilestones(DateTime occurredAt)
    {
        var current = rules.Current;
        var me = this.GetPrimaryKey();
        var level = Levels.For(current.LevelCurve, _ledger.TotalXp).Level;
        if (level > _level)
        {
            await notifier.Notify(me, NotificationTexts.LevelUp(level, occurredAt));
        }

        _level = level;
        var unearned = current.Badges.Where(b => !_earned.Contains(b.Id)).ToList();
        if (unearned.Count == 0)
        {
            return;
        }

        foreach (var badge in BadgeEvaluator.Evaluate(unearned, _ledger.Stats, Today()).Where(b => b.Earned))
        {
            _earned.Add(badge.Badge.Id);
            await notifier.Notify(me, NotificationTexts.Badge(badge.Badge, occurredAt));
        }
    }

    public async Task<EmployeeSummary> GetSummary()
    {
        await EnsureCurrent();
        return new EmployeeSummary(
            this.GetPrimaryKey(), _byCategory.Values.Sum(), new Dictionary<PointCategory, long>(_byCategory), [.. _recent]);
    }

    public async Task<ScoredEvent> Score(ScoreRequest request)
    {
        var command = request.Command;
        var newStatus = command.Type switch
        {
            ActionType.Resolve => FeedbackStatus.Resolved,
            ActionType.Reopen => FeedbackStatus.Open,
            _ => (FeedbackStatus?)null,
        };
        return await ScoreAndRecord(command, request.Fact, request.FeedbackId, newStatus, request.ItemRulesVersion);
    }

    public async Task<ActionOutcome> RecordExternal(ActionCommand command)
    {
        var fact = FactOf(command, null);
        var scored = await ScoreAndRecord(command, fact, null, null, null);
        return new ActionOutcome(ActionFailure.None, command.EventId, scored.Duplicate, scored.Points,
            [.. OwnLines(scored.Awards, command.EmployeeId).Select(AwardView.From)], null);
    }

    /// <summary>The fact of a command, with the item as the caller saw it (null for an external event).</summary>
    public static EngagementFact FactOf(ActionCommand command, ItemFacts? item) =>
        new(command.EventId, command.EmployeeId, command.DepartmentId, command.Type,
            new DateTimeOffset(DateTime.SpecifyKind(command.OccurredAt, DateTimeKind.Utc)), command.Source, command.DwellSeconds, item);

    public static IEnumerable<AwardLine> OwnLines(IReadOnlyList<AwardLine> lines, Guid employeeId) =>
        lines.Where(l => l.EmployeeId == employeeId);

    /// <param name="itemRulesVersion">The version the item's state was loaded under; null for an event without an item.</param>
    private async Task<ScoredEvent> ScoreAndRecord(ActionCommand command, EngagementFact fact, Guid? feedbackId,
        FeedbackStatus? newStatus, int? itemRulesVersion)
    {
        if (command.EmployeeId != this.GetPrimaryKey())
        {
            throw new ArgumentException($"Event {command.EventId} is not by employee {this.GetPrimaryKey()}.", nameof(command));
        }

        for (var attempt = 1; ; attempt++)
        {
            await EnsureCurrent();
            var ruleSet = rules.Current;
            if (ruleSet.Version != _loadedUnder)
            {
                continue; // switched while loading
            }

            if (itemRulesVersion is { } itemVersion && itemVersion != ruleSet.Version)
            {
                return ScoredEvent.Stale;
            }

            var result = _ledger.Score(ruleSet, fact, _zone);
            try
            {
                return await Record(command, fact, feedbackId, newStatus, result, ruleSet.Version);
            }
            catch (StaleRulesException) when (attempt < StaleRetries)
            {
                // A rescore committed after we scored; nothing was stored. The item's facts may be stale too.
                if (itemRulesVersion is not null)
                {
                    return ScoredEvent.Stale;
                }
            }
        }
    }

    private async Task<ScoredEvent> Record(ActionCommand command, EngagementFact fact, Guid? feedbackId, FeedbackStatus? newStatus,
        ScoreResult result, int rulesVersion)
    {
        var outcome = await writer.RecordAsync(new EngagementRecord(command.EventId, command.EmployeeId, command.DepartmentId,
            command.Type, feedbackId, command.OccurredAt, command.Source, result.Awards, command.TargetDepartmentId,
            command.Text, command.Url, newStatus, command.DwellSeconds, result.Flags, rulesVersion));
        if (outcome.Duplicate)
        {
            return new ScoredEvent(true, outcome.Points, [], []);
        }

        _ledger.Observe(fact, result.Awards, _zone);
        await AnnounceMilestones(command.OccurredAt);
        return new ScoredEvent(false, outcome.Points, result.Awards, result.Flags);
    }

    public async Task<bool> RecordReward(ChallengeReward reward)
    {
        await EnsureCurrent();
        var me = this.GetPrimaryKey();
        var department = directory.Employee(me)?.DepartmentId ?? Guid.Empty;
        // A 0-point line still records a badge-only reward (the badge is the event's text).
        var line = new AwardLine(me, department, reward.Points, reward.Category, ChallengeRewards.RuleId, rules.Current.Version,
            $"Challenge completed: {reward.ChallengeName}");
        var occurredAt = DateTime.SpecifyKind(reward.OccurredAt, DateTimeKind.Utc);
        // RulesVersion null: no rule decided this line, so a rescore in between does not make it stale.
        var outcome = await writer.RecordAsync(new EngagementRecord(reward.EventId, me, department, ActionType.Reward, null, occurredAt,
            EngagementSources.Challenge, [line], Text: reward.Badge));
        if (outcome.Duplicate)
        {
            return false;
        }

        _ledger.Observe(new EngagementFact(reward.EventId, me, department, ActionType.Reward, new DateTimeOffset(occurredAt),
            EngagementSources.Challenge, null, null), [line], _zone);
        await AnnounceMilestones(occurredAt);
        return true;
    }

    private bool IsKudos(string rule) =>
        rules.Current.Rules.FirstOrDefault(r => r.Id == rule)?.Action == ActionType.Kudos;

    public async Task ApplyAwards(IReadOnlyList<EarnedAwards> earned)
    {
        await EnsureCurrent();
        var me = this.GetPrimaryKey();
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
                await AnnounceMilestones(e.OccurredAt);
            }

            _recent.AddFirst(e);
            if (_recent.Count > RecentCount)
            {
                _recent.RemoveLast();
            }

            var points = e.Awards.Sum(a => a.Points);
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

            var type = own ? "award" : points < 0 ? "clawback" : "shared-credit";
            await notifier.Notify(me, NotificationTexts.Points(e.EventId, type, e.Awards, rules.Current, e.OccurredAt));
        }
    }
}
