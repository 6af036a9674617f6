using GamifyHub.Domain.Routing;

namespace GamifyHub.Domain.Topics;

/// <summary>A topic ("Billing") or product ("Nimbus Watch") and the keywords (English and German alike) that mark it.</summary>
public sealed record TaxonomyEntry(string Name, IReadOnlyList<string> Keywords);

/// <summary>
/// The admin-editable topics and products. Names are unique across both lists (ignoring case); an item gets every entry
/// whose keywords its text contains.
/// </summary>
public sealed record Taxonomy(IReadOnlyList<TaxonomyEntry> Topics, IReadOnlyList<TaxonomyEntry> Products)
{
    public static readonly Taxonomy Empty = new([], []);

    /// <summary>The canonical spelling of a topic name, or null when there is no such topic.</summary>
    public string? Topic(string? name) => Topics.FirstOrDefault(t => string.Equals(t.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))?.Name;

    public string? Product(string? name) => Products.FirstOrDefault(p => string.Equals(p.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))?.Name;
}

/// <summary>What the taxonomy says about one item, names in taxonomy order.</summary>
public sealed record TopicMatch(IReadOnlyList<string> Topics, IReadOnlyList<string> Products)
{
    public static readonly TopicMatch None = new([], []);
}

/// <summary>
/// Gives an item's topics and products from its text: pure keyword rules, matched like routing keywords (whole words,
/// any case, 4+ letter keywords as word prefixes, phrases of whole words). Keywords of both languages apply to every
/// text, so a mixed-language post or one whose language was misdetected is still classified.
/// </summary>
public static class TopicClassifier
{
    public static TopicMatch Classify(string text, Taxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(taxonomy);
        var words = new KeywordText(text);
        return new TopicMatch(
            [.. taxonomy.Topics.Where(t => words.ContainsAny(t.Keywords)).Select(t => t.Name)],
            [.. taxonomy.Products.Where(p => words.ContainsAny(p.Keywords)).Select(p => p.Name)]);
    }
}
