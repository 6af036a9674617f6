using GamifyHub.Domain.Classification;
using GamifyHub.Domain.Routing;
using GamifyHub.Domain.Topics;

namespace GamifyHub.Domain.Tests.Routing;

/// <summary>Routing rules with topic and product conditions beside keywords and channels.</summary>
public class TopicRoutingTests
{
    private static readonly Guid RnD = Ids.Of(1);
    private static readonly Guid Service = Ids.Of(2);
    private static readonly Guid Sales = Ids.Of(3);
    private static readonly Guid Triage = Ids.Of(99);

    private static readonly Taxonomy Taxonomy = new(
        [new("Billing", ["invoice", "rechnung"]), new("Crashes", ["crash", "absturz"])],
        [new("Nimbus Watch", ["nimbus watch"])]);

    private static IReadOnlyList<Guid> Route(string text, params RoutingRule[] rules)
    {
        var match = TopicClassifier.Classify(text, Taxonomy);
        return FeedbackRouter.Route(text, "facebook", match.Topics, match.Products, rules, Triage);
    }

    private static RoutingRule Topic(int order, Guid department, string topic) => new(order, $"topic {order}", [], [], [department], [topic]);

    private static RoutingRule Product(int order, Guid department, string product) => new(order, $"product {order}", [], [], [department], null, [product]);

    private static RoutingRule Keyword(int order, Guid department, string keyword) => new(order, $"keyword {order}", [keyword], [], [department]);

    [Fact]
    public void ATopicRuleBeforeAKeywordRulePutsItsDepartmentFirst()
    {
        Assert.Equal([Service, RnD], Route("Invoice wrong and the app crashes", Topic(10, Service, "Billing"), Keyword(20, RnD, "crash")));
        Assert.Equal([RnD, Service], Route("Invoice wrong and the app crashes", Topic(20, Service, "Billing"), Keyword(10, RnD, "crash")));
    }

    [Fact]
    public void TopicsAreLanguageIndependentThroughTheirKeywords()
    {
        Assert.Equal([Service], Route("Die Rechnung stimmt nicht", Topic(10, Service, "Billing"), Keyword(20, RnD, "invoice")));
    }

    [Fact]
    public void AProductRuleMatchesItemsAboutThatProductAndEveryMatchAddsItsDepartments()
    {
        var rules = new[] { Product(10, RnD, "Nimbus Watch"), Topic(20, Sales, "Billing"), Topic(30, RnD, "Crashes") };

        Assert.Equal([RnD, Sales], Route("My Nimbus Watch invoice, then a crash", rules));
        Assert.Equal([Triage], Route("The Nimbus Speaker sounds fine", rules));
    }

    [Fact]
    public void TopicNamesCompareIgnoringCaseAndAnItemWithoutTopicsMatchesNoTopicRule()
    {
        Assert.Equal([Service], FeedbackRouter.Route("x", "blog", ["billing"], [], [Topic(1, Service, "Billing")], Triage));
        Assert.Equal([Triage], FeedbackRouter.Route("invoice", "blog", [], [], [Topic(1, Service, "Billing")], Triage));
    }

    [Fact]
    public void TheValidatorResolvesTopicAndProductNamesAndRefusesUnknownOnes()
    {
        var a = Ids.Of(1).ToString();
        var departments = new HashSet<Guid> { Ids.Of(1) };
        var errors = RoutingRuleValidator.TryCreate(
            [new RoutingRuleDraft("ok", null, null, [a], ["billing", "BILLING"], ["nimbus watch"])], a, departments,
            new EmployeeNameMatcher([]), Taxonomy, out var rules, out _);
        Assert.Empty(errors);
        Assert.Equal(["Billing"], rules[0].Topics);
        Assert.Equal(["Nimbus Watch"], rules[0].Products);

        errors = RoutingRuleValidator.TryCreate(
            [new RoutingRuleDraft("bad", null, null, [a], ["Shipping"], ["Billing"])], a, departments,
            new EmployeeNameMatcher([]), Taxonomy, out rules, out _);
        Assert.Equal(["rules[0].topics[0]", "rules[0].products[0]"], errors.Select(e => e.Path));
        Assert.Empty(rules);
    }

    [Fact]
    public void ARuleWithOnlyATopicIsAValidRule()
    {
        var a = Ids.Of(1).ToString();
        var errors = RoutingRuleValidator.TryCreate([new RoutingRuleDraft("only topic", [], [], [a], ["Crashes"])], a,
            new HashSet<Guid> { Ids.Of(1) }, new EmployeeNameMatcher([]), Taxonomy, out var rules, out _);

        Assert.Empty(errors);
        Assert.Single(rules);
    }
}
