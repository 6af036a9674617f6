using GamifyHub.Domain.Routing;

namespace GamifyHub.Domain.Tests.Routing;

public class FeedbackRouterTokensTests
{
    [Fact]
    public void SplitsOnEverythingButLettersDigitsAndApostrophesAndLowerCases()
    {
        Assert.Equal(["doesn't", "work", "on", "ios", "18", "größe"],
            FeedbackRouterTokens.TokenizeOrdered("Doesn't WORK on iOS-18!! Größe"));
    }

    [Fact]
    public void EmptyOrPunctuationOnlyTextHasNoWords()
    {
        Assert.Empty(FeedbackRouterTokens.TokenizeOrdered(""));
        Assert.Empty(FeedbackRouterTokens.TokenizeOrdered(" ?!, -- "));
    }

    [Fact]
    public void TokenizeGivesTheDistinctWords()
    {
        Assert.Equal(["bug", "again"], FeedbackRouterTokens.Tokenize("Bug again, BUG again").Order().Reverse());
    }
}
