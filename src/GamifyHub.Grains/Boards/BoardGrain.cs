using GamifyHub.Data.Reading;
using GamifyHub.Data.Writing;
using GamifyHub.Domain.Boards;
using GamifyHub.Domain.Privacy;
using GamifyHub.Grains.Live;
using GamifyHub.Grains.Projections;
using Microsoft.Extensions.Options;

namespace GamifyHub.Grains.Boards;

/// <summary>
/// One leaderboard for the current period of its window. Deltas update it in O(log n); a timer pushes the
/// rows that changed at most <see cref="PushesPerSecond"/> times a second, however fast deltas arrive.
/// Every call and tick re-checks the period: when it rolls over (a new day, a season ending, an edited season calendar)
/// the board reloads from the log and watchers get a push with the new period. A season board has no period, and no
/// rows, while no season is running. It also reloads when a rescore puts another rules version in force. Loads start from
/// the board's snapshot of the period; a load that read a long tail, or a deactivation far past the snapshot, stores a new one.
/// </summary>
public sealed class BoardGrain(ProjectionReader reader, ILiveNotifier notifier, TimeProvider time,
    IOptions<CompanyOptions> company, SeasonBook seasons, RuleBook rules, ProjectionSnapshots snapshots) : Grain, IBoardGrain
{
    public const int PushesPerSecond = 4;
    private const int VisibleRows = 50;

    /// <summary>Entering this many of the employees' week board is worth a personal notification.</summary>
    public const int TopN = 10;

    private BoardScope _scope = BoardScope.Employees;
    private BoardWindow _window;
    private Period? _period;
    private int _loadedUnder;
    private Leaderboard _board = new();
    private long _highWater;
    private long _snapshotUpTo;
    private long _epoch;
    private long _seen;
    private long _version;
    private bool _dirty;
    private bool _periodChanged;
    private IReadOnlyList<RankedRow> _lastPushed = [];
    // Members in the top N as last seen (employees' week board only): who newly entered is told once.
    private HashSet<Guid> _topN = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_scope, _window) = BoardKey.Parse(this.GetPrimaryKeyString());
        await LoadPeriod(CurrentPeriod());
        this.RegisterGrainTimer(PushChanges, TimeSpan.FromMilliseconds(1000 / PushesPerSecond),
            TimeSpan.FromMilliseconds(1000 / PushesPerSecond));
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_period is { } period && snapshots.Due(_snapshotUpTo, _seen))
        {
            // From the log, not from memory: deltas may have come out of order, the log's sums are exact. Not after a rescore or
            // an erasure forgot the snapshots (they deactivate every grain at once): the next activation reads the log anyway.
            if (await reader.LoadBoard(_scope, period, _epoch) is { } load)
            {
                await Save(period, load);
            }
        }
    }

    public async Task<BoardSnapshot> GetSnapshot(int top, Guid? member, bool aroundMember, int radius)
    {
        await RollOverIfDue();
        var me = member is { } m ? _board.RowOf(m) : null;
        var rows = aroundMember && me is not null ? _board.Around(me.MemberId, radius) : _board.Top(top);
        return Snapshot(rows, me);
    }

    public async Task ApplyDeltas(IReadOnlyList<ScoreDelta> deltas)
    {
        await RollOverIfDue();
        foreach (var delta in deltas)
        {
            _seen = Math.Max(_seen, delta.Seq);
            if (delta.Seq > _highWater && _period is not null && _period.Contains(new DateTimeOffset(delta.OccurredAt, TimeSpan.Zero)))
            {
                _board.Add(delta.MemberId, delta.Points);
                _dirty = true;
            }
        }
    }

    private async Task PushChanges(CancellationToken cancellationToken)
    {
        await RollOverIfDue();
        if (!_dirty)
        {
            return;
        }

        _dirty = false;
        await AnnounceTopN();
        var top = _board.Top(VisibleRows);
        var changed = BoardDiff.Changed(_lastPushed, top, _board.RowOf);
        _lastPushed = top;
        if (_periodChanged)
        {
            // Watchers still show the old period: a push naming the new one (even with no rows) tells them to reload.
            _periodChanged = false;
            await notifier.BoardChanged(Snapshot(top, null));
        }
        else if (changed.Count > 0)
        {
            await notifier.BoardChanged(Snapshot(changed, null));
        }
    }

    private bool TracksTopN => _scope.Kind == BoardKind.Employees && _window == BoardWindow.Week;

    /// <summary>Members in the top N that is also the board's top half: the announcement lands in feeds and on the wallboard,
    /// so on a board of fewer than 2N people it must not point at a place in the bottom half.</summary>
    private HashSet<Guid> CurrentTopN()
    {
        var places = Math.Min(TopN, GroupRules.VisibleRanks(_board.Count));
        return [.. _board.Top(places).Where(r => r.Rank <= places && r.Score > 0).Select(r => r.MemberId)];
    }

    /// <summary>Tells each employee who moved into the top N since the last look (not after a reload: that is a new baseline).</summary>
    private async Task AnnounceTopN()
    {
        if (!TracksTopN || _periodChanged)
        {
            return;
        }

        var now = CurrentTopN();
        var entered = now.Where(m => !_topN.Contains(m)).ToList();
        _topN = now;
        foreach (var member in entered)
        {
            var row = _board.RowOf(member);
            await notifier.Notify(member, NotificationTexts.EnteredTop(TopN, row?.Rank ?? TopN, BoardWindows.Name(_window),
                time.GetUtcNow().UtcDateTime));
        }
    }

    private async Task RollOverIfDue()
    {
        var current = CurrentPeriod();
        // Records compare key and bounds: an edited season keeps its key but may change its dates.
        if (current != _period || rules.Current.Version != _loadedUnder)
        {
            await LoadPeriod(current);
            _dirty = true;
            _periodChanged = true;
        }
    }

    private async Task LoadPeriod(Period? period)
    {
        _loadedUnder = rules.Current.Version;
        var load = period is null ? null : await reader.LoadBoard(_scope, period);
        var board = new Leaderboard();
        foreach (var (member, score) in load?.Scores ?? [])
        {
            board.Set(member, score);
        }

        if (load is not null && snapshots.Due(load.RestoredUpTo, load.HighWater))
        {
            _ = Save(period!, load); // not awaited: the activation answers meanwhile
        }

        _period = period;
        _board = board;
        _highWater = load?.HighWater ?? 0;
        (_snapshotUpTo, _seen, _epoch) = (load?.RestoredUpTo ?? 0, _highWater, load?.Epoch ?? 0);
        _lastPushed = _board.Top(VisibleRows);
        _topN = TracksTopN ? CurrentTopN() : [];
        NextVersion();
    }

    private async Task Save(Period period, BoardLoad load)
    {
        // Encoded before the first await: the scores are not touched meanwhile.
        var data = ProjectionSnapshotFormat.WriteScores(load.Scores);
        if (await snapshots.SaveAsync(ProjectionSnapshotFormat.BoardKey(_scope, _window), ProjectionSnapshotFormat.PeriodText(period),
                load.HighWater, load.Epoch, data) && period == _period)
        {
            _snapshotUpTo = Math.Max(_snapshotUpTo, load.HighWater);
        }
    }

    private BoardSnapshot Snapshot(IReadOnlyList<RankedRow> rows, RankedRow? me) => new(
        _scope.Name, BoardWindows.Name(_window), _period?.Key, NextVersion(),
        [.. rows.Select(ToView)], me is null ? null : ToView(me), _board.Count);

    /// <summary>Versions only grow, across activations too, so clients can drop stale pushes.</summary>
    private long NextVersion() => _version = Math.Max(_version + 1, time.GetUtcNow().ToUnixTimeMilliseconds());

    private Period? CurrentPeriod() => Period.Find(_window, time.GetUtcNow(), company.Value.Zone, seasons.Current);

    private static BoardRowView ToView(RankedRow row) => new(row.Rank, row.MemberId, row.Score);
}
