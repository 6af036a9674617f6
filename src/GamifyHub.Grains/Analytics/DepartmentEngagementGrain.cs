using GamifyHub.Grains.Live;

namespace GamifyHub.Grains.Analytics;

/// <summary>
/// Coalesces a department's changes into at most one push per <see cref="PushInterval"/>. The figures themselves live in the
/// <see cref="EngagementProjection"/> (one ledger for every department, rebuilt from the log), so a restart or a
/// deactivation loses nothing but a pending push, and the next change pushes again.
/// </summary>
public sealed class DepartmentEngagementGrain(IEnumerable<IAnalyticsNotifier> notifiers) : Grain, IDepartmentEngagementGrain
{
    public static readonly TimeSpan PushInterval = TimeSpan.FromSeconds(1);
    private IGrainTimer? _timer;
    private DateTimeOffset _lastPush = DateTimeOffset.MinValue;
    private int _pushes;

    public Task Changed()
    {
        if (_timer is null)
        {
            var wait = _lastPush + PushInterval - DateTimeOffset.UtcNow;
            _timer = this.RegisterGrainTimer(Push, wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(50), Timeout.InfiniteTimeSpan);
        }

        return Task.CompletedTask;
    }

    public Task<int> Pushes() => Task.FromResult(_pushes);

    private async Task Push(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        _timer = null;
        _lastPush = DateTimeOffset.UtcNow;
        _pushes++;
        foreach (var notifier in notifiers)
        {
            await notifier.AnalyticsChanged(this.GetPrimaryKey());
        }
    }
}
