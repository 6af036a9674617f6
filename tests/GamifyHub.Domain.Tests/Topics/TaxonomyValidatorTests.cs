using GamifyHub.Domain.Classification;
using GamifyHub.Domain.Routing;
using GamifyHub.Domain.Topics;

namespace GamifyHub.Domain.Tests.Topics;

public class TaxonomyValidatorTests
{
    private static readonly EmployeeNameMatcher Names = new(["Lena Müller"]);

    private static IReadOnlyList<RoutingRuleError> Check(IReadOnlyList<TaxonomyEntryDraft?>? topics,
        IReadOnlyList<TaxonomyEntryDraft?>? products, out Taxonomy taxonomy, params string[] inUse) =>
        TaxonomyValidator.TryCreate(topics, products, Names, inUse, out taxonomy);

    [Fact]
    public void AValidTaxonomyKeepsItsOrderTrimsAndDropsRepeatedKeywords()
    {
        var errors = Check([new(" Billing ", ["invoice", " Rechnung ", "INVOICE"]), new("Delivery", ["parcel"])],
            [new("Nimbus Watch", ["nimbus watch"])], out var taxonomy);

        Assert.Empty(errors);
        Assert.Equal(["Billing", "Delivery"], taxonomy.Topics.Select(t => t.Name));
        Assert.Equal(["invoice", "Rechnung"], taxonomy.Topics[0].Keywords);
        Assert.Equal("Nimbus Watch", taxonomy.Product("nimbus WATCH"));
        Assert.Null(taxonomy.Topic("Nimbus Watch"));
    }

    [Fact]
    public void EveryProblemIsNamedByItsPathAndNothingIsReturned()
    {
        var errors = Check(
            [new("", ["x"]), new("Billing", []), new("billing", ["ok"]), null, new(new string('a', 101), ["fine"]), new("A,B", ["fine"])],
            [new("Lena Müller", ["watch"]), new("Watch", ["lena mueller", "", "a,b", "..."])], out var taxonomy);

        Assert.Equal(Taxonomy.Empty, taxonomy);
        Assert.Equal(
            ["topics[0].name", "topics[1].keywords", "topics[2].name", "topics[3]", "topics[4].name", "topics[5].name",
             "products[0].name", "products[1].keywords[0]", "products[1].keywords[1]", "products[1].keywords[2]", "products[1].keywords[3]"],
            errors.Select(e => e.Path));
    }

    [Fact]
    public void NamesAreUniqueAcrossTopicsAndProducts()
    {
        var errors = Check([new("Watch", ["watch"])], [new("WATCH", ["nimbus watch"])], out _);

        Assert.Equal(["products[0].name"], errors.Select(e => e.Path));
    }

    [Fact]
    public void ListsAreRequiredButMayBeEmpty()
    {
        Assert.Equal(["topics", "products"], Check(null, null, out _).Select(e => e.Path));
        Assert.Empty(Check([], [], out var empty));
        Assert.Empty(empty.Topics);
    }

    [Fact]
    public void ANameARoutingRuleUsesCannotBeRemoved()
    {
        var errors = Check([new("Billing", ["invoice"])], [], out _, "Billing", "Delivery");

        Assert.Equal(["taxonomy"], errors.Select(e => e.Path));
        Assert.Contains("Delivery", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDefaultTaxonomyIsValid()
    {
        var drafts = DefaultTaxonomy.Topics.Select(t => (TaxonomyEntryDraft?)new TaxonomyEntryDraft(t.Name, [.. t.Keywords])).ToList();

        Assert.Empty(TaxonomyValidator.TryCreate(drafts, [], new EmployeeNameMatcher([]), [], out var taxonomy));
        Assert.Equal(DefaultTaxonomy.Topics.Count, taxonomy.Topics.Count);
    }
}
