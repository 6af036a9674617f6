using GamifyHub.Domain.Classification;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Topics;

namespace GamifyHub.Domain.Routing;

/// <summary>A routing rule as an admin proposes it; its place in the list is its order.</summary>
public sealed record RoutingRuleDraft(string? Name, IReadOnlyList<string?>? Keywords, IReadOnlyList<string?>? Channels,
    IReadOnlyList<string?>? DepartmentIds, IReadOnlyList<string?>? Topics = null, IReadOnlyList<string?>? Products = null);

public sealed record RoutingRuleError(string Path, string Message);

/// <summary>Checks a proposed, ordered list of routing rules and turns it into rules, naming the path of every problem.</summary>
public static class RoutingRuleValidator
{
    public const int MaxRules = 200;
    public const int MaxNameLength = 100;
    public const int MaxKeywords = 100;
    public const int MaxKeywordLength = 100;
    public const int MaxDepartments = 20;

    /// <param name="departments">The departments that exist.</param>
    /// <param name="names">Employees' names: a keyword that is a person's name would route by that person, which is never allowed.</param>
    public static IReadOnlyList<RoutingRuleError> TryCreate(IReadOnlyList<RoutingRuleDraft?>? drafts, string? triageDepartmentId,
        IReadOnlySet<Guid> departments, EmployeeNameMatcher names, out IReadOnlyList<RoutingRule> rules, out Guid triage) =>
        TryCreate(drafts, triageDepartmentId, departments, names, Taxonomy.Empty, out rules, out triage);

    /// <param name="taxonomy">The topics and products that exist: a rule may only name those.</param>
    public static IReadOnlyList<RoutingRuleError> TryCreate(IReadOnlyList<RoutingRuleDraft?>? drafts, string? triageDepartmentId,
        IReadOnlySet<Guid> departments, EmployeeNameMatcher names, Taxonomy taxonomy, out IReadOnlyList<RoutingRule> rules, out Guid triage)
    {
        ArgumentNullException.ThrowIfNull(departments);
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentNullException.ThrowIfNull(names);
        var errors = new List<RoutingRuleError>();
        var result = new List<RoutingRule>();
        rules = result;
        triage = Guid.Empty;
        void Error(string path, string message) => errors.Add(new RoutingRuleError(path, message));

        if (!Guid.TryParse(triageDepartmentId, out triage) || !departments.Contains(triage))
        {
            Error("triageDepartmentId", "'triageDepartmentId' must be the id of an existing department: it receives what no rule matches.");
        }

        if (drafts is null)
        {
            Error("rules", "'rules' is required (an empty list sends everything to the triage department).");
            return errors;
        }

        if (drafts.Count > MaxRules)
        {
            Error("rules", $"At most {MaxRules} rules.");
            return errors;
        }

        for (var i = 0; i < drafts.Count; i++)
        {
            var path = $"rules[{i}]";
            if (drafts[i] is not { } draft)
            {
                Error(path, "A rule is required here.");
                continue;
            }

            var before = errors.Count;
            var name = draft.Name?.Trim();
            if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || name.Any(char.IsControl))
            {
                Error($"{path}.name", $"'name' is required: up to {MaxNameLength} characters without control characters.");
            }

            var keywords = new List<string>();
            if (draft.Keywords is { Count: > MaxKeywords })
            {
                Error($"{path}.keywords", $"At most {MaxKeywords} keywords a rule.");
            }
            else
            {
                for (var k = 0; k < (draft.Keywords?.Count ?? 0); k++)
                {
                    var keyword = draft.Keywords![k]?.Trim();
                    if (KeywordProblem(keyword, names) is { } problem)
                    {
                        Error($"{path}.keywords[{k}]", problem);
                    }
                    else
                    {
                        keywords.Add(keyword!);
                    }
                }
            }

            var channels = new List<string>();
            for (var c = 0; c < (draft.Channels?.Count ?? 0); c++)
            {
                var channel = draft.Channels![c];
                if (!Channels.IsKnown(channel))
                {
                    Error($"{path}.channels[{c}]", $"Must be one of: {string.Join(", ", Channels.Known)}.");
                }
                else if (!channels.Contains(channel!))
                {
                    channels.Add(channel!);
                }
            }

            var topics = Names(draft.Topics, $"{path}.topics", taxonomy.Topic, "topic");
            var products = Names(draft.Products, $"{path}.products", taxonomy.Product, "product");

            if ((draft.Keywords?.Count ?? 0) == 0 && (draft.Channels?.Count ?? 0) == 0 && (draft.Topics?.Count ?? 0) == 0
                && (draft.Products?.Count ?? 0) == 0)
            {
                Error(path, "A rule needs at least one keyword, channel, topic or product to match.");
            }

            var targets = new List<Guid>();
            if (draft.DepartmentIds is not { Count: > 0 and <= MaxDepartments })
            {
                Error($"{path}.departmentIds", $"A rule sends to 1 to {MaxDepartments} departments.");
            }
            else
            {
                for (var d = 0; d < draft.DepartmentIds.Count; d++)
                {
                    if (!Guid.TryParse(draft.DepartmentIds[d], out var id) || !departments.Contains(id))
                    {
                        Error($"{path}.departmentIds[{d}]", "Must be the id of an existing department.");
                    }
                    else if (!targets.Contains(id))
                    {
                        targets.Add(id);
                    }
                }
            }

            if (errors.Count == before)
            {
                result.Add(new RoutingRule((i + 1) * 10, name!, keywords, channels, targets, topics, products));
            }
        }

        if (errors.Count > 0)
        {
            rules = [];
        }

        return errors;

        List<string> Names(IReadOnlyList<string?>? given, string at, Func<string?, string?> canonical, string kind)
        {
            var found = new List<string>();
            if (given is { Count: > MaxKeywords })
            {
                Error(at, $"At most {MaxKeywords} {kind}s a rule.");
                return found;
            }

            for (var n = 0; n < (given?.Count ?? 0); n++)
            {
                if (canonical(given![n]) is not { } name)
                {
                    Error($"{at}[{n}]", $"Must be the name of an existing {kind} (see GET /api/admin/taxonomy).");
                }
                else if (!found.Contains(name))
                {
                    found.Add(name);
                }
            }

            return found;
        }
    }

    /// <summary>
    /// What is wrong with a keyword (of a routing rule or a topic/product), or null when it is fine. A person's name is never
    /// a keyword: feedback is never routed or classified by the person it names.
    /// </summary>
    public static string? KeywordProblem(string? keyword, EmployeeNameMatcher names)
    {
        ArgumentNullException.ThrowIfNull(names);
        keyword = keyword?.Trim();
        if (string.IsNullOrEmpty(keyword) || keyword.Length > MaxKeywordLength || keyword.Contains(',', StringComparison.Ordinal)
            || !FeedbackRouterTokens.TokenizeOrdered(keyword).Any())
        {
            return $"A keyword is a word or phrase of up to {MaxKeywordLength} characters, without commas.";
        }

        return names.MentionsAnyone(keyword)
            ? "A keyword may not be an employee's name: feedback is never routed by the person it names."
            : null;
    }
}
