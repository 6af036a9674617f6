using GamifyHub.Domain.Classification;
using GamifyHub.Domain.Routing;

namespace GamifyHub.Domain.Topics;

/// <summary>A topic or product as an admin proposes it.</summary>
public sealed record TaxonomyEntryDraft(string? Name, IReadOnlyList<string?>? Keywords);

/// <summary>Checks a proposed taxonomy and turns it into one, naming the path of every problem.</summary>
public static class TaxonomyValidator
{
    public const int MaxEntries = 100;
    public const int MaxNameLength = RoutingRuleValidator.MaxNameLength;
    public const int MaxKeywords = RoutingRuleValidator.MaxKeywords;

    /// <param name="names">Employees' names: neither a name nor a keyword may be a person's name (same rule as routing).</param>
    /// <param name="inUse">Topic and product names routing rules use: removing one would silently break the rule, so it is refused.</param>
    public static IReadOnlyList<RoutingRuleError> TryCreate(IReadOnlyList<TaxonomyEntryDraft?>? topics,
        IReadOnlyList<TaxonomyEntryDraft?>? products, EmployeeNameMatcher names, IReadOnlyCollection<string> inUse, out Taxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(inUse);
        var errors = new List<RoutingRuleError>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Error(string path, string message) => errors.Add(new RoutingRuleError(path, message));

        var topicEntries = Entries(topics, "topics");
        var productEntries = Entries(products, "products");
        foreach (var used in inUse.Where(u => !seen.Contains(u)))
        {
            Error("taxonomy", $"'{used}' is used by a routing rule: remove it from the rules first.");
        }

        taxonomy = errors.Count == 0 ? new Taxonomy(topicEntries, productEntries) : Taxonomy.Empty;
        return errors;

        List<TaxonomyEntry> Entries(IReadOnlyList<TaxonomyEntryDraft?>? drafts, string path)
        {
            var result = new List<TaxonomyEntry>();
            if (drafts is null)
            {
                Error(path, $"'{path}' is required (it may be an empty list).");
                return result;
            }

            if (drafts.Count > MaxEntries)
            {
                Error(path, $"At most {MaxEntries} {path}.");
                return result;
            }

            for (var i = 0; i < drafts.Count; i++)
            {
                var at = $"{path}[{i}]";
                if (drafts[i] is not { } draft)
                {
                    Error(at, "An entry is required here.");
                    continue;
                }

                var before = errors.Count;
                var name = draft.Name?.Trim();
                if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || name.Any(char.IsControl)
                    || name.Contains(',', StringComparison.Ordinal))
                {
                    Error($"{at}.name", $"'name' is required: up to {MaxNameLength} characters without commas or control characters.");
                }
                else if (names.MentionsAnyone(name))
                {
                    Error($"{at}.name", "A name may not be an employee's name.");
                }
                else if (!seen.Add(name))
                {
                    Error($"{at}.name", $"'{name}' is already a topic or product name: names are unique (ignoring case).");
                }

                var keywords = new List<string>();
                if (draft.Keywords is not { Count: > 0 and <= MaxKeywords })
                {
                    Error($"{at}.keywords", $"1 to {MaxKeywords} keywords are required.");
                }
                else
                {
                    for (var k = 0; k < draft.Keywords.Count; k++)
                    {
                        var keyword = draft.Keywords[k]?.Trim();
                        if (RoutingRuleValidator.KeywordProblem(keyword, names) is { } problem)
                        {
                            Error($"{at}.keywords[{k}]", problem);
                        }
                        else if (!keywords.Contains(keyword!, StringComparer.OrdinalIgnoreCase))
                        {
                            keywords.Add(keyword!);
                        }
                    }
                }

                if (errors.Count == before)
                {
                    result.Add(new TaxonomyEntry(name!, keywords));
                }
            }

            return result;
        }
    }
}
