using GamifyHub.Domain.Scoring;
using static GamifyHub.Domain.Tests.Fixtures;

namespace GamifyHub.Domain.Tests.Scoring;

public class AwardLineTests
{
    private static AwardLine Line(Guid employee, int points, string ruleId = "reply") =>
        new(employee, DepartmentOf(employee), points, PointCategory.Responding, ruleId, 1, "Replied");

    [Theory]
    [InlineData("resolve", false, false)]
    [InlineData("resolve:shared", true, false)]
    [InlineData("resolve:clawback", false, true)]
    [InlineData("resolve:shared:clawback", false, true)]
    public void TheRuleIdTellsOwnAwardsSharedCreditAndClawbacksApart(string ruleId, bool shared, bool clawback)
    {
        var line = Line(Ravi, 1, ruleId);

        Assert.Equal(shared, line.IsSharedCredit);
        Assert.Equal(clawback, line.IsClawback);
        Assert.Equal(!shared && !clawback, line.IsOwnAction);
    }

    [Fact]
    public void AResultTotalsAllLinesAndPerEmployee()
    {
        var result = new ScoreResult([Line(Ravi, 6), Line(Sofia, 1), Line(Lena, 1), Line(Ravi, -2, "resolve:clawback")], []);

        Assert.Equal(6, result.Total);
        Assert.Equal(4, result.PointsFor(Ravi));
        Assert.Equal(1, result.PointsFor(Sofia));
        Assert.Equal(0, result.PointsFor(Omar));
    }

    [Fact]
    public void NothingHasNoLinesAndNoFlags()
    {
        Assert.Empty(ScoreResult.Nothing.Awards);
        Assert.Empty(ScoreResult.Nothing.Flags);
        Assert.Equal(0, ScoreResult.Nothing.Total);
    }

    [Fact]
    public void FlagNamesAreStable()
    {
        Assert.Equal("read-too-fast", ScoreFlags.ReadTooFast);
        Assert.Equal("burst", ScoreFlags.Burst);
    }
}
