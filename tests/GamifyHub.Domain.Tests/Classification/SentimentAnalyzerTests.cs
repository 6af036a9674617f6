using GamifyHub.Domain.Classification;
using GamifyHub.Domain.Feedback;

namespace GamifyHub.Domain.Tests.Classification;

public class SentimentAnalyzerTests
{
    [Theory]
    [InlineData("I love this app, great support!")]
    [InlineData("Thanks, the new version is fast and easy to use")]
    [InlineData("Ich liebe die neue Version, super!")]
    [InlineData("Danke, das funktioniert jetzt perfekt")]
    public void ClearlyPositiveTextIsPositive(string text)
    {
        Assert.True(SentimentAnalyzer.Score(text) > 0);
        Assert.Equal(Sentiment.Positive, SentimentAnalyzer.Classify(text));
    }

    [Theory]
    [InlineData("The app crashes all the time, terrible.")]
    [InlineData("Worst update ever, I want a refund")]
    [InlineData("Die App ist kaputt und schrecklich langsam")]
    [InlineData("Ich bin sehr enttäuscht, eine Frechheit")]
    public void ClearlyNegativeTextIsNegative(string text)
    {
        Assert.True(SentimentAnalyzer.Score(text) < 0);
        Assert.Equal(Sentiment.Negative, SentimentAnalyzer.Classify(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("The invoice arrived today.")]
    [InlineData("Die Rechnung kam heute an.")]
    [InlineData("Great app, but it crashes")]
    public void NeutralOrBalancedTextIsNeutral(string text)
    {
        Assert.Equal(0, SentimentAnalyzer.Score(text));
        Assert.Equal(Sentiment.Neutral, SentimentAnalyzer.Classify(text));
    }

    [Fact]
    public void WordsAreWeightedByTheLexicon()
    {
        Assert.Equal(1, SentimentAnalyzer.Score("good"));
        Assert.Equal(2, SentimentAnalyzer.Score("great"));
        Assert.Equal(-2, SentimentAnalyzer.Score("TERRIBLE"));
        Assert.Equal(3, SentimentAnalyzer.Score("good, great"));
    }

    [Theory]
    [InlineData("This is not good", -1)]
    [InlineData("This is not bad", 1)]
    [InlineData("It isn't great", -2)]
    [InlineData("Das ist nicht gut", -1)]
    [InlineData("Das ist nicht schlecht", 1)]
    [InlineData("kein Problem", 1)]
    public void NegatorFlipsTheFollowingSentimentWord(string text, int expected)
    {
        Assert.Equal(expected, SentimentAnalyzer.Score(text));
    }

    [Fact]
    public void NegationAppliesOnlyToTheNextWord()
    {
        Assert.Equal(-1 + 2, SentimentAnalyzer.Score("not good, but great support"));
        Assert.Equal(Sentiment.Negative, SentimentAnalyzer.Classify("not good"));
        Assert.Equal(Sentiment.Negative, SentimentAnalyzer.Classify("nicht gut"));
    }

    [Fact]
    public void NegatorFlipsTheNextSentimentWordAcrossAnIntensifier()
    {
        Assert.Equal(Sentiment.Negative, SentimentAnalyzer.Classify("This is not very good"));
        Assert.Equal(Sentiment.Negative, SentimentAnalyzer.Classify("Das ist nicht sehr gut"));
    }

    [Fact]
    public void GermanComplaintWithTrailingNichtIsNotPositive()
    {
        Assert.NotEqual(Sentiment.Positive, SentimentAnalyzer.Classify("Die App funktioniert nicht mehr"));
    }
}
