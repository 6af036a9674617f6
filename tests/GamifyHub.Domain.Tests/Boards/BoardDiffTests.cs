using GamifyHub.Domain.Boards;

namespace GamifyHub.Domain.Tests.Boards;

public class BoardDiffTests
{
    private static readonly Guid A = Ids.Of(1);
    private static readonly Guid B = Ids.Of(2);
    private static readonly Guid C = Ids.Of(3);
    private static readonly Guid D = Ids.Of(4);

    private static Leaderboard Board(params (Guid Member, long Score)[] scores)
    {
        var board = new Leaderboard();
        foreach (var (member, score) in scores)
        {
            board.Set(member, score);
        }

        return board;
    }

    [Fact]
    public void NothingChangedReportsNothing()
    {
        var board = Board((A, 30), (B, 20), (C, 10));
        var top = board.Top(3);

        Assert.Empty(BoardDiff.Changed(top, board.Top(3), board.RowOf));
    }

    [Fact]
    public void ScoreChangeWithoutMoveReportsOnlyThatRow()
    {
        var board = Board((A, 30), (B, 20), (C, 10));
        var before = board.Top(3);

        board.Add(B, 5);

        Assert.Equal([new RankedRow(2, B, 25)], BoardDiff.Changed(before, board.Top(3), board.RowOf));
    }

    [Fact]
    public void MovedRowsAreReportedAndUnchangedRowsAreNot()
    {
        var board = Board((A, 30), (B, 20), (C, 10), (D, 5));
        var before = board.Top(4);

        board.Add(C, 15); // C overtakes B; A and D stay where they were

        Assert.Equal([new RankedRow(2, C, 25), new RankedRow(3, B, 20)],
            BoardDiff.Changed(before, board.Top(4), board.RowOf));
    }

    [Fact]
    public void RankChangeThroughATieIsReported()
    {
        var board = Board((A, 30), (B, 20), (C, 10));
        var before = board.Top(3);

        board.Add(C, 10); // C ties with B: B keeps rank 2, C moves from 3 to 2

        Assert.Equal([new RankedRow(2, C, 20)], BoardDiff.Changed(before, board.Top(3), board.RowOf));
    }

    [Fact]
    public void NewRowsInTheTopAreReported()
    {
        var board = Board((A, 30), (B, 20));
        var before = board.Top(3);

        board.Add(C, 5);

        Assert.Equal([new RankedRow(3, C, 5)], BoardDiff.Changed(before, board.Top(3), board.RowOf));
    }

    [Fact]
    public void RowsThatFellOutOfTheTopAreReportedWithTheirCurrentRank()
    {
        var board = Board((A, 30), (B, 20), (C, 10));
        var before = board.Top(2);

        board.Add(C, 30); // C jumps to the top and pushes B out of the visible top 2

        var changed = BoardDiff.Changed(before, board.Top(2), board.RowOf);

        Assert.Equal([new RankedRow(1, C, 40), new RankedRow(2, A, 30), new RankedRow(3, B, 20)], changed);
    }

    [Fact]
    public void RowsThatLeftTheBoardEntirelyAreNotReported()
    {
        var before = Board((A, 30), (B, 20)).Top(2);
        var after = Board((A, 30));

        Assert.Empty(BoardDiff.Changed(before, after.Top(2), after.RowOf));
    }

    [Fact]
    public void FromAnEmptyTopEveryRowIsNew()
    {
        var board = Board((A, 30), (B, 20));

        Assert.Equal(board.Top(5), BoardDiff.Changed([], board.Top(5), board.RowOf));
    }
}
