using System.Collections.Concurrent;
using System.Security.Claims;
using GamifyHub.Data.Reading;
using GamifyHub.Domain.Boards;
using GamifyHub.Grains;
using GamifyHub.Server.Auth;
using Microsoft.Extensions.Options;

namespace GamifyHub.Server.Boards;

/// <summary>How the departments board ranks: by raw points, per head, or per routed feedback item.</summary>
public enum DepartmentView { Raw, PerHead, PerItem }

/// <summary>
/// Fair views of the departments board, computed at the edge: the raw board's rows (from its board grain)
/// divided by the department's headcount or by the number of feedback items routed to it in the period,
/// ranked again with the same competition ranking. Routed-item counts are cached for a few seconds.
/// </summary>
public sealed class DepartmentViews(IGrainFactory grains, CompanyDirectory directory, ProjectionReader reader,
    TimeProvider time, IOptions<CompanyOptions> company, SeasonBook seasons,
    Privacy.Visibility visibility)
{
    public static readonly TimeSpan CountsFreshFor = TimeSpan.FromSeconds(5);
    private const int AroundRadius = 5;

    /// <summary>Keyed by the whole period (window, key and bounds): a season's id may look like another window's key.</summary>
    private readonly ConcurrentDictionary<Period, (DateTimeOffset At, Task<Dictionary<Guid, int>> Counts)> _counts = new();

    public static string? Validate(string? view, BoardScope scope, out DepartmentView parsed)
    {
        parsed = DepartmentView.Raw;
        switch (view)
        {
            case null or "raw":
                return null;
            case "per-head" or "per-item" when scope.Kind != BoardKind.Departments:
                return "'view' per-head and per-item are only offered on the departments board.";
            case "per-head":
                parsed = DepartmentView.PerHead;
                return null;
            case "per-item":
                parsed = DepartmentView.PerItem;
                return null;
            default:
                return "'view' must be raw, per-head or per-item.";
        }
    }

    public static string Name(DepartmentView view) => view switch
    {
        DepartmentView.PerHead => "per-head",
        DepartmentView.PerItem => "per-item",
        _ => "raw",
    };

    public async Task<DepartmentBoardDto> Read(BoardWindow window, DepartmentView view, int top, bool aroundMe,
        ClaimsPrincipal user)
    {
        var snapshot = await grains.GetGrain<IBoardGrain>(BoardKey.For(BoardScope.Departments, window))
            .GetSnapshot(int.MaxValue, null, false, 0);
        var period = Period.Find(window, time.GetUtcNow(), company.Value.Zone, seasons.Current);
        var items = period is null ? new Dictionary<Guid, int>() : await RoutedItemCounts(period);

        var points = snapshot.Rows.ToDictionary(r => r.MemberId, r => r.Score);
        var board = new Leaderboard();
        // Departments below the minimum group size are not ranked and show no figures (they would point at a few people).
        var withheld = points.Keys.Where(visibility.Withheld).OrderBy(d => directory.Department(d)?.Name, StringComparer.Ordinal).ToList();
        foreach (var (department, raw) in points.Where(p => !visibility.Withheld(p.Key)))
        {
            board.Set(department, Score(view, raw, directory.Headcount(department), items.GetValueOrDefault(department)));
        }

        var me = user.GetDepartmentId() is { } mine ? board.RowOf(mine) : null;
        var rows = aroundMe && me is not null ? board.Around(me.MemberId, AroundRadius) : board.Top(top);
        var withheldRows = aroundMe ? [] : withheld.Take(Math.Max(0, top - rows.Count)).Select(Withheld).ToList();
        var myRow = me is not null ? Row(me)
            : user.GetDepartmentId() is { } own && withheld.Contains(own) ? Withheld(own) : null;
        return new DepartmentBoardDto(snapshot.Board, snapshot.Window, Name(view), snapshot.Period, snapshot.Version,
            [.. rows.Select(Row), .. withheldRows], myRow);

        DepartmentRowDto Withheld(Guid department) => new(0, department, directory.Department(department)?.Name ?? "unknown", 0, 0,
            directory.Headcount(department), 0, true);

        DepartmentRowDto Row(RankedRow row) => new(row.Rank, row.MemberId,
            directory.Department(row.MemberId)?.Name ?? "unknown", row.Score, points.GetValueOrDefault(row.MemberId),
            directory.Headcount(row.MemberId), items.GetValueOrDefault(row.MemberId));
    }

    /// <summary>The ranking score: raw points, or the ratio ×100 rounded half away from zero (0 when dividing by 0).</summary>
    public static long Score(DepartmentView view, long points, int headcount, int items)
    {
        var divisor = view switch
        {
            DepartmentView.PerHead => headcount,
            DepartmentView.PerItem => items,
            _ => 1,
        };

        return divisor == 0 ? 0 : (long)Math.Round(points * 100m / divisor, MidpointRounding.AwayFromZero);
    }

    private Task<Dictionary<Guid, int>> RoutedItemCounts(Period period)
    {
        var now = time.GetUtcNow();
        foreach (var (key, old) in _counts)
        {
            // Periods that rolled over are never asked for again.
            if (key != period && now - old.At > TimeSpan.FromMinutes(1))
            {
                _counts.TryRemove(key, out _);
            }
        }

        var entry = _counts.AddOrUpdate(period,
            _ => (now, reader.RoutedItemCounts(period)),
            (_, old) => now - old.At < CountsFreshFor && !old.Counts.IsFaulted ? old : (now, reader.RoutedItemCounts(period)));
        return entry.Counts;
    }
}
