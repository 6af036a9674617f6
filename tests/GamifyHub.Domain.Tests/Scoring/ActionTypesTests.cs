using GamifyHub.Domain.Scoring;

namespace GamifyHub.Domain.Tests.Scoring;

public class ActionTypesTests
{
    [Theory]
    [InlineData("read", ActionType.Read)]
    [InlineData("reply", ActionType.Reply)]
    [InlineData("tag", ActionType.Tag)]
    [InlineData("forward", ActionType.Forward)]
    [InlineData("insight", ActionType.Insight)]
    [InlineData("resolve", ActionType.Resolve)]
    [InlineData("reopen", ActionType.Reopen)]
    public void ParsesTheLowerCaseWireName(string value, ActionType expected)
    {
        Assert.True(ActionTypes.TryParse(value, out var type));
        Assert.Equal(expected, type);
        Assert.Equal(value, ActionTypes.Name(expected));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("Read")]
    [InlineData("READ")]
    [InlineData(" read")]
    [InlineData("like")]
    [InlineData("0")]
    public void RejectsAnythingElse(string? value)
    {
        Assert.False(ActionTypes.TryParse(value, out _));
    }
}
