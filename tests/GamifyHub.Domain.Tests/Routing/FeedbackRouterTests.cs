using GamifyHub.Domain.Routing;

namespace GamifyHub.Domain.Tests.Routing;

public class FeedbackRouterTests
{
    private static readonly Guid RnD = Ids.Of(1);
    private static readonly Guid Service = Ids.Of(2);
    private static readonly Guid Marketing = Ids.Of(3);
    private static readonly Guid Product = Ids.Of(4);
    private static readonly Guid Triage = Ids.Of(99);

    private static RoutingRule Keywords(int order, Guid department, params string[] keywords) =>
        new(order, $"rule {order}", keywords, [], [department]);

    private static IReadOnlyList<Guid> Route(string text, params RoutingRule[] rules) =>
        FeedbackRouter.Route(text, "facebook", rules, Triage);

    [Fact]
    public void KeywordInTheTextRoutesToTheRulesDepartment()
    {
        Assert.Equal([RnD], Route("Your app froze again", Keywords(1, RnD, "froze")));
    }

    [Fact]
    public void KeywordsMatchCaseInsensitivelyAndIgnoreSurroundingWhitespace()
    {
        Assert.Equal([RnD], Route("LOGIN is impossible!", Keywords(1, RnD, "  Login ")));
    }

    [Theory]
    [InlineData("The app crashes every morning")]
    [InlineData("crash after update")]
    [InlineData("Crashing, again.")]
    public void KeywordsOfFourOrMoreLettersMatchAsPrefixes(string text)
    {
        Assert.Equal([RnD], Route(text, Keywords(1, RnD, "crash")));
    }

    [Fact]
    public void PrefixMatchingStartsAtTheBeginningOfAWord()
    {
        Assert.Equal([Triage], Route("Stop the autocrash feature", Keywords(1, RnD, "crash")));
    }

    [Theory]
    [InlineData("Please add a dark mode")]
    [InlineData("I read your ads daily")]
    [InlineData("Shadow is too dark")]
    public void ShortKeywordsMatchOnlyWholeWords(string text)
    {
        Assert.Equal([Triage], Route(text, Keywords(1, Marketing, "ad")));
    }

    [Theory]
    [InlineData("Saw your ad on TV")]
    [InlineData("That AD was loud.")]
    public void ShortKeywordsMatchTheWholeWord(string text)
    {
        Assert.Equal([Marketing], Route(text, Keywords(1, Marketing, "ad")));
    }

    [Fact]
    public void ThreeLetterKeywordDoesNotMatchLongerWords()
    {
        Assert.Equal([Triage], Route("The application is slow", Keywords(1, RnD, "app")));
        Assert.Equal([RnD], Route("The app is slow", Keywords(1, RnD, "app")));
    }

    [Theory]
    [InlineData("Please add a dark mode to the app")]
    [InlineData("DARK MODE please")]
    [InlineData("dark mode!")]
    public void PhrasesMatchAsWrittenIgnoringCase(string text)
    {
        Assert.Equal([Product], Route(text, Keywords(1, Product, "dark mode")));
    }

    [Fact]
    public void PhrasesDoNotMatchWhenTheWordsAreApartOrReordered()
    {
        var rule = Keywords(1, Product, "dark mode");

        Assert.Equal([Triage], Route("dark theme mode", rule));
        Assert.Equal([Triage], Route("mode dark", rule));
    }

    [Fact]
    public void PhrasesMatchOnlyAtWordBoundaries()
    {
        Assert.Equal([Triage], Route("Love the piano sound of the new speaker", Keywords(1, RnD, "no sound")));
    }

    [Fact]
    public void HyphenatedKeywordMatchesTheSameHyphenatedWord()
    {
        Assert.Equal([Service], Route("My e-mail bounced", Keywords(1, Service, "e-mail")));
    }

    [Fact]
    public void EmptyOrBlankKeywordsNeverMatch()
    {
        Assert.Equal([Triage], Route("anything at all", Keywords(1, RnD, "", "   ")));
    }

    [Fact]
    public void ChannelRuleRoutesEveryItemFromThatChannel()
    {
        var appStore = new RoutingRule(1, "app store reviews", [], ["appstore", "playstore"], [Product]);

        Assert.Equal([Product], FeedbackRouter.Route("Five stars", "appstore", [appStore], Triage));
        Assert.Equal([Product], FeedbackRouter.Route("Five stars", "playstore", [appStore], Triage));
        Assert.Equal([Triage], FeedbackRouter.Route("Five stars", "facebook", [appStore], Triage));
    }

    [Fact]
    public void EitherAChannelOrAKeywordIsEnoughForARuleToMatch()
    {
        var rule = new RoutingRule(1, "billing", ["invoice"], ["email"], [Service]);

        Assert.Equal([Service], FeedbackRouter.Route("Where is my invoice?", "x", [rule], Triage));
        Assert.Equal([Service], FeedbackRouter.Route("Hello", "email", [rule], Triage));
    }

    [Fact]
    public void EveryMatchingRuleAddsItsDepartmentsInRuleOrder()
    {
        RoutingRule[] rules =
        [
            Keywords(30, Marketing, "price"),
            Keywords(10, RnD, "crash"),
            Keywords(20, Service, "refund"),
            Keywords(40, Product, "unrelated"),
        ];

        var departments = Route("After the crash I want a refund, the price is too high", rules);

        Assert.Equal([RnD, Service, Marketing], departments);
    }

    [Fact]
    public void DepartmentsAreListedOnceEvenWhenSeveralRulesMatch()
    {
        RoutingRule[] rules =
        [
            new(1, "bugs", ["crash"], [], [RnD, Service]),
            new(2, "errors", ["error"], [], [Service, RnD, Product]),
            new(3, "channel", [], ["facebook"], [RnD]),
        ];

        Assert.Equal([RnD, Service, Product], Route("crash with error 42", rules));
    }

    [Fact]
    public void NothingMatchingGoesToTriage()
    {
        Assert.Equal([Triage], Route("Just saying hello", Keywords(1, RnD, "crash"), Keywords(2, Service, "refund")));
    }

    [Fact]
    public void NoRulesAtAllGoesToTriage()
    {
        Assert.Equal([Triage], FeedbackRouter.Route("crash", "facebook", [], Triage));
    }

    [Fact]
    public void EmptyTextWithoutChannelRuleGoesToTriage()
    {
        Assert.Equal([Triage], Route("", Keywords(1, RnD, "crash")));
    }

    [Theory]
    [InlineData("Wann bekomme ich meine Rückerstattung?")]
    [InlineData("RÜCKERSTATTUNG sofort!")]
    [InlineData("Rückerstattungen dauern zu lange")]
    public void GermanKeywordsWithUmlautsMatchIgnoringCaseAndAsPrefixes(string text)
    {
        Assert.Equal([Service], Route(text, Keywords(1, Service, "Rückerstattung")));
    }

    [Fact]
    public void UmlautsAreLettersSoTheyDoNotSplitWords()
    {
        Assert.Equal([Product], Route("Die Größe passt nicht", Keywords(1, Product, "größe")));
        Assert.Equal([Triage], Route("Die Grosse passt nicht", Keywords(1, Product, "größe")));
    }

    [Fact]
    public void GermanPhrasesWithUmlautsMatchIgnoringCase()
    {
        Assert.Equal([RnD], Route("Die App STÜRZT AB beim Start", Keywords(1, RnD, "stürzt ab")));
    }
}
