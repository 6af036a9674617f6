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
        var words = FeedbackRouterTokens.TokenizeOrdered(text).ToList();
        var wordSet = words.ToHashSet(StringComparer.Ordinal);
        var phraseText = " " + string.Join(' ', words) + " ";
        var result = new List<Guid>();
        foreach (var rule in rules.OrderBy(r => r.Order))
        {
            var matches = rule.Channels.Contains(channel, StringComparer.Ordinal)
                || rule.Keywords.Any(k => Matches(wordSet, phraseText, k));
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

    private static bool Matches(HashSet<string> words, string phraseText, string keyword)
    {
        // Keywords are split like the text, so "e-mail" and "dark mode" are phrases of whole words.
        var parts = FeedbackRouterTokens.TokenizeOrdered(keyword).ToList();
        switch (parts.Count)
        {
            case 0:
                return false;
            case > 1:
                return phraseText.Contains(" " + string.Join(' ', parts) + " ", StringComparison.Ordinal);
        }

        // Single words of 4+ letters match as prefixes ("crash" matches "crashes"); shorter ones only whole ("ad" ≠ "add").
        var k = parts[0];
        return k.Length >= 4 ? words.Any(w => w.StartsWith(k, StringComparison.Ordinal)) : words.Contains(k);
    }
}
