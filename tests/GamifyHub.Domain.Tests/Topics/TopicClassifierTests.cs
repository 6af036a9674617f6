using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GamifyHub.Domain.Classification;
using GamifyHub.Domain.Routing;
using GamifyHub.Domain.Topics;

namespace GamifyHub.Domain.Tests.Topics;

public class TopicClassifierTests
{
    private static readonly Taxonomy Demo = DefaultTaxonomy.With(
    [
        new("Nimbus App", ["nimbus app", "app"]),
        new("Nimbus Watch", ["nimbus watch", "smartwatch", "uhr"]),
    ]);

    [Theory]
    [InlineData("I was charged twice for my order, where is my refund?", DefaultTaxonomy.Billing)]
    [InlineData("Die Rechnung ist doppelt abgebucht worden.", DefaultTaxonomy.Billing)]
    [InlineData("My parcel never arrived, the courier lost it.", DefaultTaxonomy.Delivery)]
    [InlineData("Mein Paket ist seit einer Woche unterwegs, die Lieferung dauert ewig.", DefaultTaxonomy.Delivery)]
    [InlineData("The app crashes every time I open the settings.", DefaultTaxonomy.Bugs)]
    [InlineData("Die App stürzt ständig ab.", DefaultTaxonomy.Bugs)]
    [InlineData("The app logs me out every morning, I have to type my password again.", DefaultTaxonomy.Account)]
    [InlineData("Ich kann mich seit gestern nicht mehr anmelden.", DefaultTaxonomy.Account)]
    [InlineData("The subscription is way too expensive now.", DefaultTaxonomy.Pricing)]
    [InlineData("Gibt es einen Rabatt für Studierende?", DefaultTaxonomy.Pricing)]
    [InlineData("Would love a dark mode, please add it!", DefaultTaxonomy.FeatureRequest)]
    [InlineData("Ich wünsche mir einen Dunkelmodus.", DefaultTaxonomy.FeatureRequest)]
    [InlineData("Still waiting for support to answer my ticket.", DefaultTaxonomy.Support)]
    [InlineData("Der Kundenservice war freundlich und schnell.", DefaultTaxonomy.Support)]
    public void TheDefaultTopicsRecogniseEnglishAndGermanComments(string text, string topic)
    {
        Assert.Contains(topic, TopicClassifier.Classify(text, Demo).Topics);
    }

    [Fact]
    public void AnItemCanHaveSeveralTopicsAndProductsInTaxonomyOrder()
    {
        var match = TopicClassifier.Classify("The Nimbus Watch crashes and support never answers my ticket. Also the app.", Demo);

        Assert.Equal([DefaultTaxonomy.Bugs, DefaultTaxonomy.Support], match.Topics);
        Assert.Equal(["Nimbus App", "Nimbus Watch"], match.Products);
    }

    [Fact]
    public void NothingMatchingGivesNoTopicsOrProducts()
    {
        var match = TopicClassifier.Classify("Hello there, lovely weather today.", Demo);

        Assert.Empty(match.Topics);
        Assert.Empty(match.Products);
    }

    [Theory]
    [InlineData("Apple makes nice phones")] // "app" is short: whole words only
    [InlineData("The uhrwerk is fine")]
    public void ShortKeywordsMatchOnlyWholeWordsLikeRoutingKeywords(string text)
    {
        Assert.Empty(TopicClassifier.Classify(text, Demo).Products);
    }

    [Fact]
    public void KeywordsMatchAsRoutingKeywordsDoPrefixesOfFourLettersAndPhrases()
    {
        var taxonomy = new Taxonomy([new("Dark", ["dark mode"]), new("Crash", ["crash"])], []);

        Assert.Equal(["Crash"], TopicClassifier.Classify("It keeps CRASHING", taxonomy).Topics);
        Assert.Empty(TopicClassifier.Classify("dark, the mode", taxonomy).Topics);
        Assert.Equal(["Dark"], TopicClassifier.Classify("Dark-mode please", taxonomy).Topics);
    }

    /// <summary>An item gets a topic exactly when routing by that topic's keywords would match the same text.</summary>
    [Property]
    public Property ATopicMatchesExactlyWhenAKeywordRuleWithItsKeywordsWould(NonEmptyString text, NonEmptyString keyword)
    {
        var k = new string([.. keyword.Get.Where(char.IsLetter).Take(8)]);
        var words = FeedbackRouterTokens.TokenizeOrdered(text.Get).ToList();
        if (k.Length == 0)
        {
            return true.ToProperty();
        }

        var taxonomy = new Taxonomy([new("T", [k])], []);
        var rule = new RoutingRule(1, "r", [k], [], [Ids.Of(1)]);
        var routed = FeedbackRouter.Route(text.Get, "blog", [rule], Ids.Of(9))[0] == Ids.Of(1);
        var classified = TopicClassifier.Classify(text.Get, taxonomy).Topics.Count == 1;
        return (routed == classified).Label($"words: {string.Join('|', words)}, keyword {k}");
    }

    [Property]
    public Property ATextMadeOfAKeywordAlwaysHasItsTopic(NonEmptyString keyword, NonEmptyString before)
    {
        var k = new string([.. keyword.Get.Where(char.IsAsciiLetter).Take(12)]);
        if (k.Length == 0)
        {
            return true.ToProperty();
        }

        var text = $"{before.Get} {k.ToUpperInvariant()} !";
        return (TopicClassifier.Classify(text, new Taxonomy([], [new("P", [k])])).Products.Count == 1).Label(text);
    }
}
