using System.Threading.Channels;
using GamifyHub.Data.Writing;
using GamifyHub.Domain.Scoring;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GamifyHub.Grains.Challenges;

/// <summary>
/// Feeds committed events to the running challenges in batches, behind the writer like <see cref="Fanout.AwardFanout"/>. A
/// challenge that misses a batch (a crash) rebuilds its progress from the log when it activates again.
/// </summary>
public sealed partial class ChallengeFanout(IGrainFactory grains, ILogger<ChallengeFanout> logger) : BackgroundService, ICommittedEventsObserver
{
    private const int MaxCall = 5_000;
    private readonly Channel<CommittedEvent> _committed = Channel.CreateUnbounded<CommittedEvent>(
        new UnboundedChannelOptions { SingleReader = true });

    // Counted by hand: a single-reader unbounded channel cannot count its items.
    private int _backlog;

    public int Backlog => Volatile.Read(ref _backlog);

    public void OnCommitted(IReadOnlyList<CommittedEvent> events)
    {
        foreach (var e in events)
        {
            // Rewards and automation are nobody's action: no challenge counts them.
            if (e.Record.Type != ActionType.Reward && EngagementSources.IsPersonAction(e.Record.Source))
            {
                if (_committed.Writer.TryWrite(e))
                {
                    Interlocked.Increment(ref _backlog);
                }
            }
        }
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        _committed.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<ChallengeEventView>();
        while (await _committed.Reader.WaitToReadAsync(CancellationToken.None))
        {
            // Everything committed so far in one go (commits arriving meanwhile gather for the next call), in calls of at most
            // MaxCall events so no message grows without bound. No pause: a backlog drains at the registry's speed.
            while (_committed.Reader.TryRead(out var e))
            {
                var r = e.Record;
                batch.Add(new ChallengeEventView(e.Seq, r.EmployeeId, r.DepartmentId, r.Type, r.FeedbackId, r.OccurredAt, r.Source,
                    [.. r.Awards.Select(a => new ChallengePointsView(a.EmployeeId, a.DepartmentId, a.Category, a.Points))]));
                if (batch.Count == MaxCall)
                {
                    await Deliver(batch);
                }
            }

            if (batch.Count > 0)
            {
                await Deliver(batch);
            }
        }
    }

    private async Task Deliver(List<ChallengeEventView> batch)
    {
        Interlocked.Add(ref _backlog, -batch.Count);
        try
        {
            await grains.GetGrain<IChallengeRegistryGrain>(0).Deliver(batch);
        }
        catch (Exception ex)
        {
            LogDeliveryFailed(ex, batch.Count);
        }

        batch.Clear();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Feeding {Count} committed events to challenges failed")]
    private partial void LogDeliveryFailed(Exception ex, int count);
}
