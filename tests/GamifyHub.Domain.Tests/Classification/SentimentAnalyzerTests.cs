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
        // "great" follows the contrast, so it counts double.
        Assert.Equal(-1 + (2 * 2), SentimentAnalyzer.Score("not good, but great support"));
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

    [Theory]
    [InlineData("Great app, but it crashes", Sentiment.Negative)]
    [InlineData("Delivery was slow, but the bike is fantastic", Sentiment.Positive)]
    [InlineData("Schöne Bilder, aber die Bestellung kam kaputt an", Sentiment.Negative)]
    public void TheClauseAfterAContrastCarriesTheVerdict(string text, Sentiment expected)
    {
        Assert.Equal(expected, SentimentAnalyzer.Classify(text));
    }

    [Fact]
    public void IntensifiersDoubleOnlyTheNextWord()
    {
        Assert.Equal(-2, SentimentAnalyzer.Score("very bad"));
        Assert.Equal(2, SentimentAnalyzer.Score("sehr gut"));
        Assert.Equal(-1, SentimentAnalyzer.Score("very much bad"));
    }

    [Fact]
    public void NegationStopsAtTheEndOfTheSentence()
    {
        Assert.Equal(Sentiment.Negative, SentimentAnalyzer.Classify("Lädt nicht. Egal, wird deinstalliert."));
        Assert.Equal(Sentiment.Negative, SentimentAnalyzer.Classify("No answer. Very poor."));
    }

    [Theory]
    [InlineData("tolle App", 2)]
    [InlineData("schnellen Versand", 1)]
    [InlineData("Ich bin enttaeuscht", -2)]
    [InlineData("Schon wieder ein Serverfehler", -2)]
    [InlineData("Lieferchaos", -2)]
    public void GermanInflectionsUmlautSpellingsAndCompoundsAreFound(string text, int expected)
    {
        Assert.Equal(expected, SentimentAnalyzer.Score(text));
    }

    [Fact]
    public void AGreetingIsNotPraise()
    {
        Assert.Equal(0, SentimentAnalyzer.Score("Guten Tag, anbei die Rechnung."));
    }

    [Fact]
    public void PositiveWordsInAQuestionAreNotPraise()
    {
        Assert.Equal(Sentiment.Neutral, SentimentAnalyzer.Classify("Does the app work offline? Is it easy to set up?"));
        Assert.Equal(Sentiment.Neutral, SentimentAnalyzer.Classify("Funktioniert die App auch offline?"));
    }

    [Theory]
    [InlineData("Oh great, another update 🙄")]
    [InlineData("Thanks for nothing.")]
    [InlineData("Danke für nichts")]
    public void SarcasmMarkersAndExpressionsAreNegative(string text)
    {
        Assert.Equal(Sentiment.Negative, SentimentAnalyzer.Classify(text));
    }

    [Fact]
    public void ScoringIsDeterministic()
    {
        const string text = "Die App stürzt ständig ab, aber der Support war super 😍";
        Assert.Equal(SentimentAnalyzer.Score(text), SentimentAnalyzer.Score(text));
    }
}
