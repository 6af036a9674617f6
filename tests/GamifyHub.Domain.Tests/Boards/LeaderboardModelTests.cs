using FsCheck.Xunit;
using GamifyHub.Domain.Boards;

namespace GamifyHub.Domain.Tests.Boards;

/// <summary>
/// The order-statistic leaderboard against a naive model: a dictionary of scores, sorted on every read.
/// </summary>
public class LeaderboardModelTests
{
    private sealed class Model
    {
        public Dictionary<Guid, long> Scores { get; } = [];

        public void Add(Guid member, long delta) => Scores[member] = Scores.GetValueOrDefault(member) + delta;

        public void Set(Guid member, long score) => Scores[member] = score;

        public List<RankedRow> Full()
        {
            var sorted = Scores.OrderByDescending(p => p.Value).ThenBy(p => p.Key).ToList();
            var rows = new List<RankedRow>(sorted.Count);
            for (var i = 0; i < sorted.Count; i++)
            {
                var rank = i > 0 && sorted[i].Value == sorted[i - 1].Value ? rows[i - 1].Rank : i + 1;
                rows.Add(new RankedRow(rank, sorted[i].Key, sorted[i].Value));
            }

            return rows;
        }
    }

    private static Guid Member(Random random, int pool) => Ids.Of(random.Next(pool) + 1);

    /// <summary>Random Add/Set on both; a small score range so ties are common.</summary>
    private static (Leaderboard Board, Model Model) Run(int seed, int pool, int operations, int scoreRange)
    {
        var random = new Random(seed);
        var board = new Leaderboard();
        var model = new Model();
        for (var i = 0; i < operations; i++)
        {
            var member = Member(random, pool);
            if (random.Next(3) == 0)
            {
                var score = random.Next(-scoreRange, scoreRange + 1);
                board.Set(member, score);
                model.Set(member, score);
            }
            else
            {
                var delta = random.Next(-scoreRange / 4, scoreRange / 4 + 1);
                board.Add(member, delta);
                model.Add(member, delta);
            }
        }

        return (board, model);
    }

    private static void AssertAgrees(Leaderboard board, Model model, Random random, int samples)
    {
        var full = model.Full();
        Assert.Equal(full.Count, board.Count);
        Assert.Equal(full, board.Top(int.MaxValue));

        var n = random.Next(full.Count + 2);
        Assert.Equal(full.Take(n), board.Top(n));

        for (var s = 0; s < samples && full.Count > 0; s++)
        {
            var i = random.Next(full.Count);
            var row = full[i];
            Assert.Equal(row, board.RowOf(row.MemberId));
            Assert.Equal(row.Score, board.ScoreOf(row.MemberId));
            Assert.True(board.Contains(row.MemberId));

            var radius = random.Next(0, 8);
            var from = Math.Max(0, i - radius);
            var to = Math.Min(full.Count - 1, i + radius);
            Assert.Equal(full.GetRange(from, to - from + 1), board.Around(row.MemberId, radius));
        }

        var unknown = Ids.Of(999_999_999);
        Assert.Null(board.RowOf(unknown));
        Assert.Empty(board.Around(unknown, 3));
    }

    [Property(MaxTest = 200)]
    public void SmallBoardsAgreeWithTheModel(int seed, byte poolSeed, byte operationsSeed)
    {
        var pool = 1 + (poolSeed % 40);
        var (board, model) = Run(seed, pool, operationsSeed, scoreRange: 20);

        AssertAgrees(board, model, new Random(seed ^ 0x5eed), samples: pool);
    }

    [Property(MaxTest = 200)]
    public void EveryRowAgreesWithTheModelAfterEachOperation(int seed)
    {
        var random = new Random(seed);
        var board = new Leaderboard();
        var model = new Model();
        for (var i = 0; i < 60; i++)
        {
            var member = Member(random, 12);
            var delta = random.Next(-5, 6);
            board.Add(member, delta);
            model.Add(member, delta);

            var full = model.Full();
            Assert.Equal(full, board.Top(int.MaxValue));
            foreach (var row in full)
            {
                Assert.Equal(row, board.RowOf(row.MemberId));
            }
        }
    }

    [Property(MaxTest = 3)]
    public void TenThousandMemberBoardsAgreeWithTheModel(int seed)
    {
        var random = new Random(seed);
        var board = new Leaderboard();
        var model = new Model();
        for (var m = 1; m <= 10_000; m++)
        {
            var score = random.Next(0, 500);
            board.Set(Ids.Of(m), score);
            model.Set(Ids.Of(m), score);
        }

        AssertAgrees(board, model, random, samples: 300);

        for (var i = 0; i < 20_000; i++)
        {
            var member = Member(random, 10_500);
            var delta = random.Next(-50, 51);
            board.Add(member, delta);
            model.Add(member, delta);
        }

        AssertAgrees(board, model, random, samples: 300);

        var full = model.Full();
        foreach (var row in full)
        {
            Assert.Equal(row, board.RowOf(row.MemberId));
        }
    }

    [Fact]
    public void TenThousandEqualScoresShareRankOneInMemberIdOrder()
    {
        var board = new Leaderboard();
        for (var m = 10_000; m >= 1; m--)
        {
            board.Set(Ids.Of(m), 42);
        }

        var rows = board.Top(int.MaxValue);
        Assert.Equal(Enumerable.Range(1, 10_000).Select(Ids.Of), rows.Select(r => r.MemberId));
        Assert.All(rows, r => Assert.Equal(1, r.Rank));

        board.Add(Ids.Of(5_000), -1);
        Assert.Equal(new RankedRow(10_000, Ids.Of(5_000), 41), board.RowOf(Ids.Of(5_000)));
        Assert.Equal([new RankedRow(1, Ids.Of(9_999), 42), new RankedRow(1, Ids.Of(10_000), 42),
            new RankedRow(10_000, Ids.Of(5_000), 41)], board.Around(Ids.Of(5_000), 2));
    }
}
