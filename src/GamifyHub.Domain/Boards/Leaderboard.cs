namespace GamifyHub.Domain.Boards;

/// <summary>
/// Scores of a board's members in rank order. Higher score first; equal scores share a rank (competition
/// ranking: 1, 2, 2, 4) and are listed in a stable order by member id.
/// </summary>
/// <remarks>
/// An order-statistic treap keyed by (score descending, member id ascending) with subtree sizes:
/// Add/Set/RowOf cost O(log n) expected, Around O(log n + radius), Top(n) O(log n + n).
/// A member's rank is 1 + the number of members with a strictly higher score.
/// </remarks>
public sealed class Leaderboard
{
    private readonly Dictionary<Guid, long> _scores = [];
    private Node? _root;
    private ulong _seed = 0x9E3779B97F4A7C15UL;

    public int Count => _scores.Count;

    /// <summary>
    /// How many ranks of a board that ranks <paramref name="ranked"/> people may be shown to others: its top half (at least
    /// one). Nobody's place in the bottom half is ever listed or announced to others; each person still sees their own.
    /// </summary>
    public static int VisibleRanks(int ranked) => Math.Max(1, (ranked + 1) / 2);

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
            if (old == score)
            {
                return;
            }

            _root = Remove(_root, old, member);
        }

        _scores[member] = score;
        var (left, right) = Split(_root, score, member);
        _root = Merge(Merge(left, new Node(score, member, NextPriority())), right);
    }

    public IReadOnlyList<RankedRow> Top(int count) => Rows(0, Math.Min((long)count, Count) - 1);

    /// <summary>The member's row with up to <paramref name="radius"/> rows either side.</summary>
    public IReadOnlyList<RankedRow> Around(Guid member, int radius)
    {
        if (!_scores.TryGetValue(member, out var score))
        {
            return [];
        }

        var index = IndexOf(score, member);
        var r = Math.Max(0L, radius);
        return Rows(Math.Max(0L, index - r), Math.Min(Count - 1L, index + r));
    }

    public RankedRow? RowOf(Guid member) =>
        _scores.TryGetValue(member, out var score) ? new RankedRow(RankOf(score), member, score) : null;

    /// <summary>Competition rank of a score: 1 + the number of members with a strictly higher score.</summary>
    private int RankOf(long score)
    {
        var higher = 0;
        var node = _root;
        while (node is not null)
        {
            if (node.Score > score)
            {
                higher += SizeOf(node.Left) + 1;
                node = node.Right;
            }
            else
            {
                node = node.Left;
            }
        }

        return higher + 1;
    }

    /// <summary>Zero-based position of an existing (score, member) in rank order.</summary>
    private int IndexOf(long score, Guid member)
    {
        var index = 0;
        var node = _root;
        while (node is not null)
        {
            var c = Compare(score, member, node);
            if (c == 0)
            {
                return index + SizeOf(node.Left);
            }

            if (c < 0)
            {
                node = node.Left;
            }
            else
            {
                index += SizeOf(node.Left) + 1;
                node = node.Right;
            }
        }

        throw new InvalidOperationException("Member is not on the board.");
    }

    /// <summary>Rows at zero-based positions <paramref name="from"/>..<paramref name="to"/> inclusive.</summary>
    private List<RankedRow> Rows(long from, long to)
    {
        if (from > to || _root is null)
        {
            return [];
        }

        var rows = new List<RankedRow>((int)(to - from + 1));

        // Descend to the from-th node, remembering the ancestors still to visit in order.
        var stack = new Stack<Node>();
        var node = _root;
        var skip = (int)from;
        while (node is not null)
        {
            var leftSize = SizeOf(node.Left);
            if (skip < leftSize)
            {
                stack.Push(node);
                node = node.Left;
            }
            else if (skip == leftSize)
            {
                stack.Push(node);
                break;
            }
            else
            {
                skip -= leftSize + 1;
                node = node.Right;
            }
        }

        var position = (int)from;
        var rank = 0;
        long previous = 0;
        while (stack.Count > 0 && position <= to)
        {
            var current = stack.Pop();
            if (position == from)
            {
                rank = RankOf(current.Score);
            }
            else if (current.Score != previous)
            {
                rank = position + 1;
            }

            previous = current.Score;
            rows.Add(new RankedRow(rank, current.Member, current.Score));
            position++;
            for (var next = current.Right; next is not null; next = next.Left)
            {
                stack.Push(next);
            }
        }

        return rows;
    }

    private ulong NextPriority()
    {
        // xorshift64*: deterministic, cheap, good enough to keep the treap balanced in expectation.
        _seed ^= _seed >> 12;
        _seed ^= _seed << 25;
        _seed ^= _seed >> 27;
        return _seed * 0x2545F4914F6CDD1DUL;
    }

    private static int SizeOf(Node? node) => node?.Size ?? 0;

    /// <summary>Negative when (score, member) ranks before the node.</summary>
    private static int Compare(long score, Guid member, Node node)
    {
        var byScore = node.Score.CompareTo(score);
        return byScore != 0 ? byScore : member.CompareTo(node.Member);
    }

    /// <summary>Splits into the nodes ranking before (score, member) and the rest.</summary>
    private static (Node? Before, Node? After) Split(Node? node, long score, Guid member)
    {
        if (node is null)
        {
            return (null, null);
        }

        if (Compare(score, member, node) > 0)
        {
            var (before, rest) = Split(node.Right, score, member);
            node.Right = before;
            node.Update();
            return (node, rest);
        }
        else
        {
            var (before, rest) = Split(node.Left, score, member);
            node.Left = rest;
            node.Update();
            return (before, node);
        }
    }

    private static Node? Merge(Node? left, Node? right)
    {
        if (left is null)
        {
            return right;
        }

        if (right is null)
        {
            return left;
        }

        if (left.Priority > right.Priority)
        {
            left.Right = Merge(left.Right, right);
            left.Update();
            return left;
        }

        right.Left = Merge(left, right.Left);
        right.Update();
        return right;
    }

    private static Node? Remove(Node? node, long score, Guid member)
    {
        if (node is null)
        {
            return null;
        }

        var c = Compare(score, member, node);
        if (c == 0)
        {
            return Merge(node.Left, node.Right);
        }

        if (c < 0)
        {
            node.Left = Remove(node.Left, score, member);
        }
        else
        {
            node.Right = Remove(node.Right, score, member);
        }

        node.Update();
        return node;
    }

    private sealed class Node(long score, Guid member, ulong priority)
    {
        public long Score { get; } = score;
        public Guid Member { get; } = member;
        public ulong Priority { get; } = priority;
        public Node? Left { get; set; }
        public Node? Right { get; set; }
        public int Size { get; private set; } = 1;

        public void Update() => Size = 1 + SizeOf(Left) + SizeOf(Right);
    }
}
