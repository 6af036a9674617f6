using GamifyHub.Domain.Scoring;

namespace GamifyHub.Domain.Tests.Scoring;

public class EngagementFactTests
{
    [Theory]
    [InlineData("automation", true)]
    [InlineData("web", false)]
    [InlineData("api", false)]
    [InlineData("Automation", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void OnlyTheExactAutomationSourceIsAutomation(string? source, bool automation)
    {
        Assert.Equal(automation, EngagementSources.IsAutomation(source));
    }
}
