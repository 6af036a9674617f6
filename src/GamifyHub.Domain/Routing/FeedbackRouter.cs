namespace GamifyHub.Domain.Routing;

/// <summary>Decides which departments a feedback item goes to.</summary>
public static class FeedbackRouter
{
    public static IReadOnlyList<Guid> Route(string text, string channel, IEnumerable<RoutingRule> rules, Guid triageDepartmentId) =>
        Route(text, channel, [], [], rules, triageDepartmentId);

    /// <summary>
    /// Every matching rule adds its departments (feedback often concerns several teams); when nothing
    /// matches, the item goes to the triage department. A rule matches when the item comes from one of its channels, its
    /// text has one of its keywords, or the item has one of its topics or products (as the taxonomy classified it).
    /// </summary>
    public static IReadOnlyList<Guid> Route(string text, string channel, IReadOnlyCollection<string> topics,
        IReadOnlyCollection<string> products, IEnumerable<RoutingRule> rules, Guid triageDepartmentId)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(products);
        var words = new KeywordText(text);
        var result = new List<Guid>();
        foreach (var rule in rules.OrderBy(r => r.Order))
        {
            var matches = rule.Channels.Contains(channel, StringComparer.Ordinal)
                || rule.Keywords.Any(words.Contains)
                || rule.Topics.Any(t => topics.Contains(t, StringComparer.OrdinalIgnoreCase))
                || rule.Products.Any(p => products.Contains(p, StringComparer.OrdinalIgnoreCase));
            if (!matches)
            {
                continue;
            }

            foreach (var department in rule.DepartmentIds)
            {
                if (!result.Contains(department))
                {
                    result.Add(department);
                }
            }
        }

        if (result.Count == 0)
        {
            result.Add(triageDepartmentId);
        }

        return result;
    }
}
