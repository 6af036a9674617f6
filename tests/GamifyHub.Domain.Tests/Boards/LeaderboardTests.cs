using FsCheck.Xunit;
using GamifyHub.Domain.Boards;

namespace GamifyHub.Domain.Tests.Boards;

public class LeaderboardTests
{
    private static readonly Guid A = Ids.Of(1);
    private static readonly Guid B = Ids.Of(2);
    private static readonly Guid C = Ids.Of(3);
    private static readonly Guid D = Ids.Of(4);
    private static readonly Guid E = Ids.Of(5);

    /// <summary>A 50, B 40, C 30, D 20, E 10 — inserted out of order.</summary>
    private static Leaderboard FiveDistinct()
    {
        var board = new Leaderboard();
        board.Set(C, 30);
        board.Set(E, 10);
        board.Set(A, 50);
        board.Set(D, 20);
        board.Set(B, 40);
        return board;
    }

    private static RankedRow Row(int rank, Guid member, long score) => new(rank, member, score);

    [Fact]
    public void EmptyBoardHasNoRows()
    {
        var board = new Leaderboard();

        Assert.Equal(0, board.Count);
        Assert.Empty(board.Top(10));
        Assert.Empty(board.Around(A, 2));
        Assert.Null(board.RowOf(A));
        Assert.Equal(0, board.ScoreOf(A));
        Assert.False(board.Contains(A));
    }

    [Fact]
    public void HigherScoreRanksFirst()
    {
        Assert.Equal(
            [Row(1, A, 50), Row(2, B, 40), Row(3, C, 30), Row(4, D, 20), Row(5, E, 10)],
            FiveDistinct().Top(10));
    }

    [Fact]
    public void EqualScoresShareARankAndTheNextRankIsSkipped()
    {
        var board = new Leaderboard();
        board.Set(D, 10);
        board.Set(C, 20);
        board.Set(B, 20);
        board.Set(A, 30);

        Assert.Equal([Row(1, A, 30), Row(2, B, 20), Row(2, C, 20), Row(4, D, 10)], board.Top(4));
    }

    [Fact]
    public void TiesAreListedByMemberIdWhateverTheInsertionOrder()
    {
        var forward = new Leaderboard();
        var backward = new Leaderboard();
        Guid[] members = [A, B, C, D, E];
        foreach (var m in members)
        {
            forward.Set(m, 7);
        }

        foreach (var m in members.Reverse())
        {
            backward.Set(m, 7);
        }

        Assert.Equal(members, forward.Top(5).Select(r => r.MemberId));
        Assert.Equal(forward.Top(5), backward.Top(5));
        Assert.All(forward.Top(5), r => Assert.Equal(1, r.Rank));
    }

    [Fact]
    public void TopReturnsAtMostTheRequestedNumberOfRows()
    {
        var board = FiveDistinct();

        Assert.Equal([A, B, C], board.Top(3).Select(r => r.MemberId));
        Assert.Empty(board.Top(0));
        Assert.Equal(5, board.Top(100).Count);
    }

    [Fact]
    public void TopCanCutThroughATie()
    {
        var board = new Leaderboard();
        board.Set(A, 5);
        board.Set(B, 5);
        board.Set(C, 5);

        Assert.Equal([Row(1, A, 5), Row(1, B, 5)], board.Top(2));
    }

    [Fact]
    public void AroundTheFirstMemberShowsOnlyRowsBelow()
    {
        Assert.Equal([A, B, C], FiveDistinct().Around(A, 2).Select(r => r.MemberId));
    }

    [Fact]
    public void AroundAMiddleMemberShowsRadiusRowsEitherSide()
    {
        var board = FiveDistinct();

        Assert.Equal([Row(2, B, 40), Row(3, C, 30), Row(4, D, 20)], board.Around(C, 1));
        Assert.Equal([A, B, C, D, E], board.Around(C, 2).Select(r => r.MemberId));
        Assert.Equal([B, C, D, E], board.Around(D, 2).Select(r => r.MemberId));
    }

    [Fact]
    public void AroundTheLastMemberShowsOnlyRowsAbove()
    {
        Assert.Equal([C, D, E], FiveDistinct().Around(E, 2).Select(r => r.MemberId));
    }

    [Fact]
    public void AroundWithRadiusZeroIsTheMembersRowAlone()
    {
        Assert.Equal([Row(3, C, 30)], FiveDistinct().Around(C, 0));
    }

    [Fact]
    public void AroundWithARadiusLargerThanTheBoardIsTheWholeBoard()
    {
        var board = FiveDistinct();

        Assert.Equal(board.Top(5), board.Around(C, 50));
    }

    [Fact]
    public void AroundAnUnknownMemberIsEmpty()
    {
        Assert.Empty(FiveDistinct().Around(Ids.Of(77), 2));
    }

    [Fact]
    public void AroundKeepsSharedRanksOfTies()
    {
        var board = new Leaderboard();
        board.Set(A, 9);
        board.Set(B, 5);
        board.Set(C, 5);
        board.Set(D, 5);
        board.Set(E, 1);

        Assert.Equal([Row(2, B, 5), Row(2, C, 5), Row(2, D, 5)], board.Around(C, 1));
    }

    [Fact]
    public void RowOfGivesTheMembersRankAndScore()
    {
        var board = FiveDistinct();

        Assert.Equal(Row(1, A, 50), board.RowOf(A));
        Assert.Equal(Row(4, D, 20), board.RowOf(D));
        Assert.Equal(Row(5, E, 10), board.RowOf(E));
        Assert.Null(board.RowOf(Ids.Of(77)));
    }

    [Fact]
    public void SetOnAnExistingMemberReplacesItsScoreAndMovesIt()
    {
        var board = FiveDistinct();

        board.Set(E, 45);

        Assert.Equal(5, board.Count);
        Assert.Equal(45, board.ScoreOf(E));
        Assert.Equal([A, E, B, C, D], board.Top(5).Select(r => r.MemberId));
        Assert.Equal(Row(2, E, 45), board.RowOf(E));
    }

    [Fact]
    public void AddOnANewMemberStartsFromZero()
    {
        var board = new Leaderboard();

        board.Add(A, 5);

        Assert.True(board.Contains(A));
        Assert.Equal(Row(1, A, 5), board.RowOf(A));
    }

    [Fact]
    public void AddOnAnExistingMemberAccumulatesAndMovesIt()
    {
        var board = FiveDistinct();

        board.Add(D, 25);

        Assert.Equal(5, board.Count);
        Assert.Equal(45, board.ScoreOf(D));
        Assert.Equal([A, D, B, C, E], board.Top(5).Select(r => r.MemberId));
    }

    [Fact]
    public void AddWithANegativeDeltaLowersTheScoreAndCanGoBelowZero()
    {
        var board = FiveDistinct();

        board.Add(A, -45);
        board.Add(B, -50);

        Assert.Equal(5, board.ScoreOf(A));
        Assert.Equal(-10, board.ScoreOf(B));
        Assert.Equal([Row(1, C, 30), Row(2, D, 20), Row(3, E, 10), Row(4, A, 5), Row(5, B, -10)], board.Top(5));
    }

    [Fact]
    public void AddingZeroToANewMemberListsItWithScoreZero()
    {
        var board = FiveDistinct();

        board.Add(Ids.Of(6), 0);
        board.Add(A, 0);

        Assert.Equal(6, board.Count);
        Assert.Equal(Row(6, Ids.Of(6), 0), board.RowOf(Ids.Of(6)));
        Assert.Equal(Row(1, A, 50), board.RowOf(A));
    }

    [Fact]
    public void MovingIntoATieTakesTheSharedRank()
    {
        var board = FiveDistinct();

        board.Add(D, 10);

        Assert.Equal([Row(1, A, 50), Row(2, B, 40), Row(3, C, 30), Row(3, D, 30), Row(5, E, 10)], board.Top(5));
    }

    // ---- properties ------------------------------------------------------------------------------------

    private static Leaderboard Apply(IEnumerable<LeaderboardOp> ops)
    {
        var board = new Leaderboard();
        foreach (var op in ops)
        {
            board.Add(op.MemberId, op.Delta);
        }

        return board;
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public void RanksAlwaysAgreeWithScores(LeaderboardOp[] ops)
    {
        var board = Apply(ops);
        var rows = board.Top(int.MaxValue);

        Assert.Equal(ops.Select(o => o.MemberId).Distinct().Order(), rows.Select(r => r.MemberId).Order());
        foreach (var row in rows)
        {
            Assert.Equal(board.ScoreOf(row.MemberId), row.Score);
            Assert.Equal(1 + rows.Count(r => r.Score > row.Score), row.Rank);
            Assert.Equal(row, board.RowOf(row.MemberId));
        }

        foreach (var (upper, lower) in rows.Zip(rows.Skip(1)))
        {
            Assert.True(upper.Score >= lower.Score, "a higher score never has a worse rank");
            Assert.True(upper.Rank <= lower.Rank);
            Assert.Equal(upper.Score == lower.Score, upper.Rank == lower.Rank);
            if (upper.Score == lower.Score)
            {
                Assert.True(upper.MemberId.CompareTo(lower.MemberId) < 0, "ties are ordered by member id");
            }
        }
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public void TopIsAPrefixOfTheFullOrder(LeaderboardOp[] ops, byte n)
    {
        var board = Apply(ops);
        var full = board.Top(int.MaxValue);
        var count = n % (LeaderboardOp.Pool + 3);

        Assert.Equal(full.Take(count), board.Top(count));
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool SumOfScoresEqualsSumOfDeltas(LeaderboardOp[] ops)
    {
        var board = Apply(ops);

        return board.Top(int.MaxValue).Sum(r => r.Score) == ops.Sum(o => (long)o.Delta);
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public void AroundIsTheWindowOfTheFullOrder(LeaderboardOp[] ops, byte radiusSeed)
    {
        var board = Apply(ops);
        var full = board.Top(int.MaxValue).ToList();
        var radius = radiusSeed % 4;

        for (var i = 0; i < full.Count; i++)
        {
            var from = Math.Max(0, i - radius);
            var to = Math.Min(full.Count - 1, i + radius);
            Assert.Equal(full.GetRange(from, to - from + 1), board.Around(full[i].MemberId, radius));
        }
    }
}
