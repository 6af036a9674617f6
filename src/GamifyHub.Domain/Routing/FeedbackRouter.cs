namespace GamifyHub.Domain.Routing;

/// <summary>Decides which departments a feedback item goes to.</summary>
public static class FeedbackRouter
{
    /// <summary>
    /// Every matching rule adds its departments (feedback often concerns several teams); when nothing
    /// matches, the item goes to the triage department.
    /// </summary>
    public static IReadOnlyList<Guid> Route(string text, string channel, IEnumerable<RoutingRule> rules, Guid triageDepartmentId)
    {
        var words = FeedbackRouterTokens.Tokenize(text);
        var result = new List<Guid>();
        foreach (var rule in rules.OrderBy(r => r.Order))
        {
            var matches = rule.Channels.Contains(channel, StringComparer.Ordinal)
                || rule.Keywords.Any(k => Matches(words, text, k));
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

    private static bool Matches(HashSet<string> words, string text, string keyword)
    {
        var k = keyword.Trim().ToLowerInvariant();
        if (k.Length == 0)
        {
            return false;
        }

        // Phrases match as written; words of 4+ letters match as prefixes ("crash" matches "crashes"),
        // shorter ones only whole ("ad" must not match "add").
        if (k.Contains(' '))
        {
            return text.Contains(k, StringComparison.OrdinalIgnoreCase);
        }

        return k.Length >= 4 ? words.Any(w => w.StartsWith(k, StringComparison.Ordinal)) : words.Contains(k);
    }
}
