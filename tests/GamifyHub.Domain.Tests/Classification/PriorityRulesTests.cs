using GamifyHub.Domain.Classification;
using GamifyHub.Domain.Feedback;

namespace GamifyHub.Domain.Tests.Classification;

public class PriorityRulesTests
{
    [Theory]
    [InlineData(-10, Priority.High)]
    [InlineData(-3, Priority.High)]
    [InlineData(-2, Priority.Normal)]
    [InlineData(0, Priority.Normal)]
    [InlineData(1, Priority.Low)]
    [InlineData(7, Priority.Low)]
    public void StronglyNegativeIsHighAndPositiveIsLow(int sentimentScore, Priority expected)
    {
        Assert.Equal(expected, PriorityRules.For(sentimentScore));
    }
}
