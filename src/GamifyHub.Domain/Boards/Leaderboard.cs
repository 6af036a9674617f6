namespace GamifyHub.Domain.Boards;

/// <summary>
/// Scores of a board's members in rank order. Higher score first; equal scores share a rank (competition
/// ranking: 1, 2, 2, 4) and are listed in a stable order by member id. Updates cost O(log n).
/// </summary>
public sealed class Leaderboard
{
    private readonly Dictionary<Guid, long> _scores = [];
    private readonly SortedSet<(long Score, Guid Member)> _order = new(RankOrder.Instance);

    public int Count => _scores.Count;

    public long ScoreOf(Guid member) => _scores.GetValueOrDefault(member);

    public bool Contains(Guid member) => _scores.ContainsKey(member);

    public void Add(Guid member, long delta)
    {
        if (delta == 0 && _scores.ContainsKey(member))
        {
            return;
        }

        Set(member, _scores.GetValueOrDefault(member) + delta);
    }

    public void Set(Guid member, long score)
    {
        if (_scores.TryGetValue(member, out var old))
        {
            _order.Remove((old, member));
        }

        _scores[member] = score;
        _order.Add((score, member));
    }

    public IReadOnlyList<RankedRow> Top(int count)
    {
        var rows = new List<RankedRow>(Math.Min(count, _scores.Count));
        foreach (var row in Ranked())
        {
            if (rows.Count >= count)
            {
                break;
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The member's row with up to <paramref name="radius"/> rows either side.</summary>
    public IReadOnlyList<RankedRow> Around(Guid member, int radius)
    {
        if (!_scores.ContainsKey(member))
        {
            return [];
        }

        var window = new Queue<RankedRow>();
        var after = -1;
        var rows = new List<RankedRow>();
        foreach (var row in Ranked())
        {
            if (after >= 0)
            {
                rows.Add(row);
                if (++after >= radius)
                {
                    break;
                }

                continue;
            }

            if (row.MemberId == member)
            {
                rows.AddRange(window);
                rows.Add(row);
                after = 0;
                if (radius == 0)
                {
                    break;
                }

                continue;
            }

            window.Enqueue(row);
            if (window.Count > radius)
            {
                window.Dequeue();
            }
        }

        return rows;
    }

    public RankedRow? RowOf(Guid member) => Around(member, 0) is [var row] ? row : null;

    private IEnumerable<RankedRow> Ranked()
    {
        var position = 0;
        var rank = 0;
        long? previous = null;
        foreach (var (score, member) in _order)
        {
            position++;
            if (score != previous)
            {
                rank = position;
                previous = score;
            }

            yield return new RankedRow(rank, member, score);
        }
    }

    private sealed class RankOrder : IComparer<(long Score, Guid Member)>
    {
        public static readonly RankOrder Instance = new();

        public int Compare((long Score, Guid Member) x, (long Score, Guid Member) y)
        {
            var byScore = y.Score.CompareTo(x.Score);
            return byScore != 0 ? byScore : x.Member.CompareTo(y.Member);
        }
    }
}
