using GamifyHub.Domain.Boards;

namespace GamifyHub.Domain.Tests.Boards;

public class BoardWindowTests
{
    [Theory]
    [InlineData("day", BoardWindow.Day)]
    [InlineData("week", BoardWindow.Week)]
    [InlineData("month", BoardWindow.Month)]
    [InlineData("quarter", BoardWindow.Quarter)]
    [InlineData("all", BoardWindow.All)]
    [InlineData("season", BoardWindow.Season)]
    public void ParsesTheLowerCaseWindowNames(string value, BoardWindow expected)
    {
        Assert.True(BoardWindows.TryParse(value, out var window));
        Assert.Equal(expected, window);
        Assert.Equal(value, BoardWindows.Name(expected));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Week")]
    [InlineData("WEEK")]
    [InlineData("week ")]
    [InlineData("weekly")]
    [InlineData("year")]
    [InlineData("alltime")]
    [InlineData("1")]
    [InlineData("Season")]
    [InlineData("seasons")]
    public void RejectsInvalidWindows(string? value)
    {
        Assert.False(BoardWindows.TryParse(value, out _));
    }

    [Fact]
    public void StoredNamesNeverChange()
    {
        // Windows are stored by name (and in grain keys): a new one goes at the end, none is ever renamed.
        Assert.Equal(["Day", "Week", "Month", "Quarter", "All", "Season"], Enum.GetNames<BoardWindow>());
    }
}
