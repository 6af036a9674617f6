using GamifyHub.Data.Reading;
using GamifyHub.Data.Writing;
using GamifyHub.Grains.Projections;

namespace GamifyHub.Grains.Departments;

/// <summary>
/// One department's engagement totals, reloaded when a rescore puts another rules version in force. Loads start from the
/// department's snapshot; a load that read a long tail, or a deactivation far past the snapshot, stores a new one.
/// </summary>
public sealed class DepartmentGrain(ProjectionReader reader, ProjectionSnapshots snapshots, RuleBook rules) : Grain, IDepartmentGrain
{
    private int _loadedUnder;
    private long _highWater;
    private long _points;
    private long _events;
    private long _snapshotUpTo;
    private long _epoch;
    private long _seen;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => Load();

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (snapshots.Due(_snapshotUpTo, _seen))
        {
            // From the log, not from memory: deltas may have come out of order, the log's sums are exact. Not after a rescore or
            // an erasure forgot the snapshots (they deactivate every grain at once): the next activation reads the log anyway.
            if (await reader.LoadDepartment(this.GetPrimaryKey(), _epoch) is { } load)
            {
                await Save(load);
            }
        }
    }

    private async Task Load()
    {
        _loadedUnder = rules.Current.Version;
        var load = await reader.LoadDepartment(this.GetPrimaryKey());
        (_highWater, _points, _events) = (load.HighWater, load.Points, load.Events);
        (_snapshotUpTo, _seen, _epoch) = (load.RestoredUpTo, load.HighWater, load.Epoch);
        if (snapshots.Due(load.RestoredUpTo, load.HighWater))
        {
            _ = Save(load); // not awaited: the activation answers meanwhile
        }
    }

    private async Task Save(DepartmentLoad load)
    {
        if (await snapshots.SaveAsync(ProjectionSnapshotFormat.DepartmentKey(this.GetPrimaryKey()), "", load.HighWater, load.Epoch,
                ProjectionSnapshotFormat.WriteTotals(load.Points, load.Events)))
        {
            _snapshotUpTo = Math.Max(_snapshotUpTo, load.HighWater);
        }
    }

    private Task EnsureCurrent() => rules.Current.Version == _loadedUnder ? Task.CompletedTask : Load();

    public async Task<DepartmentSummary> GetSummary()
    {
        await EnsureCurrent();
        return new DepartmentSummary(this.GetPrimaryKey(), _points, _events);
    }

    public async Task ApplyDeltas(IReadOnlyList<ScoreDelta> deltas)
    {
        await EnsureCurrent();
        foreach (var delta in deltas)
        {
            _seen = Math.Max(_seen, delta.Seq);
            if (delta.Seq <= _highWater)
            {
                continue;
            }

            _points += delta.Points;
            if (delta.CountsEvent)
            {
                _events++;
            }
        }
    }
}
