using GamifyHub.Data.Reading;
using GamifyHub.Data.Writing;
using GamifyHub.Domain.Scoring;
using GamifyHub.Grains.Live;

namespace GamifyHub.Grains.Employees;

/// <summary>One employee's totals and recent awards, rebuilt from the log on activation and kept live.</summary>
public sealed class EmployeeGrain(ProjectionReader reader, EngagementWriter writer, RuleBook rules, ILiveNotifier notifier)
    : Grain, IEmployeeGrain
{
    private const int RecentCount = 20;
    // Events up to this sequence were included by the load; live updates at or below it are already counted.
    private long _highWater;
    private readonly Dictionary<PointCategory, long> _byCategory = [];
    private readonly LinkedList<EarnedAwards> _recent = new();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var projection = await reader.LoadEmployee(this.GetPrimaryKey(), RecentCount);
        _highWater = projection.HighWater;
        foreach (var (category, points) in projection.PointsByCategory)
        {
            _byCategory[category] = points;
        }

        foreach (var e in projection.Recent)
        {
            _recent.AddFirst(new EarnedAwards(e.Seq, e.EventId, e.FeedbackId, e.OccurredAt, [.. e.Awards.Select(AwardView.From)]));
        }
    }

    public Task<EmployeeSummary> GetSummary() => Task.FromResult(new EmployeeSummary(
        this.GetPrimaryKey(), _byCategory.Values.Sum(), new Dictionary<PointCategory, long>(_byCategory), [.. _recent]));

    public async Task<ActionOutcome> RecordExternal(ActionCommand command)
    {
        var awards = ScoringEngine.Score(rules.Current, new ScoringContext(command.Type, false, false));
        var outcome = await writer.RecordAsync(new EngagementRecord(command.EventId, command.EmployeeId, command.DepartmentId,
            command.Type, null, command.OccurredAt, command.Source, awards));
        return new ActionOutcome(ActionFailure.None, command.EventId, outcome.Duplicate, outcome.Points,
            outcome.Duplicate ? [] : [.. awards.Select(AwardView.From)], null);
    }

    public async Task ApplyAwards(IReadOnlyList<EarnedAwards> earned)
    {
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

            _recent.AddFirst(e);
            if (_recent.Count > RecentCount)
            {
                _recent.RemoveLast();
            }

            var points = e.Awards.Sum(a => a.Points);
            var reasons = string.Join("; ", e.Awards.Select(a => a.Reason));
            await notifier.Notify(this.GetPrimaryKey(),
                new LiveNotification(e.EventId, "award", $"+{points} points", reasons, points, e.OccurredAt));
        }
    }
}
