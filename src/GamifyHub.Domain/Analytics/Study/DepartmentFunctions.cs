namespace GamifyHub.Domain.Analytics.Study;

/// <summary>
/// The business functions the study distinguishes (and a few it does not), by code. A study figure whose id ends in
/// <c>.readRate.&lt;code&gt;</c> is that function's read-rate baseline. Codes are stored and sent, so never rename one.
/// </summary>
public static class DepartmentFunctions
{
    public const string ResearchAndDevelopment = "rd";
    public const string ProductManagement = "pm";
    public const string Marketing = "marketing";
    public const string CustomerService = "service";
    public const string Sales = "sales";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All =
        [ResearchAndDevelopment, ProductManagement, Marketing, CustomerService, Sales, Other];

    public static bool IsKnown(string? function) => function is not null && All.Contains(function, StringComparer.Ordinal);

    // Checked in this order: "product management" before the "development" of R&D, "product" after it, so
    // "Produktentwicklung" counts as R&D and "Produktmanagement" as product management.
    private static readonly (string Function, string[] Words)[] Keywords =
    [
        (ProductManagement, ["product management", "product-management", "productmanagement", "produktmanagement", "product owner"]),
        (ResearchAndDevelopment, ["r&d", "rnd", "r-d", "research", "development", "engineering", "forschung", "entwicklung", "technik", "labor"]),
        (ProductManagement, ["product", "produkt"]),
        (CustomerService, ["service", "support", "customer", "kunden", "care", "helpdesk", "hotline"]),
        (Marketing, ["marketing", "brand", "marke", "kommunikation", "communication", "social media", "pr"]),
        (Sales, ["sales", "vertrieb", "verkauf", "account"]),
    ];

    /// <summary>A default guess from the department's name and slug (English and German words); <see cref="Other"/> when nothing fits.</summary>
    public static string Guess(string? name, string? slug)
    {
        var text = $" {name} {slug?.Replace('-', ' ')} ".ToLowerInvariant();
        foreach (var (function, words) in Keywords)
        {
            foreach (var word in words)
            {
                // Short words ("pr", "rnd") only as whole words, so "price" is not PR.
                var hit = word.Length <= 3
                    ? text.Contains($" {word} ", StringComparison.Ordinal)
                    : text.Contains(word, StringComparison.Ordinal);
                if (hit)
                {
                    return function;
                }
            }
        }

        return Other;
    }

    /// <summary>The admin's assignment for the department if the document has one, the guess otherwise.</summary>
    public static string Of(BenchmarkDocument document, Guid departmentId, string? name, string? slug) =>
        document.DepartmentFunctions.FirstOrDefault(a => a.DepartmentId == departmentId)?.Function ?? Guess(name, slug);
}
