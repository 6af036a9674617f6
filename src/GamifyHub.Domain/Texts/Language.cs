namespace GamifyHub.Domain.Texts;

/// <summary>
/// The languages GamifyHub speaks. English is the canonical language: rule sets are written in it and stored award
/// reasons use it; other languages are translations rendered when text is shown.
/// </summary>
public static class Language
{
    public const string English = "en";
    public const string German = "de";

    public static IReadOnlyList<string> Supported { get; } = [English, German];

    /// <summary>
    /// The best supported language for an Accept-Language header value (e.g. "de-DE,de;q=0.9,en;q=0.8"), honouring
    /// quality values; English when nothing supported is asked for.
    /// </summary>
    public static string Choose(string? acceptLanguage)
    {
        if (string.IsNullOrWhiteSpace(acceptLanguage))
        {
            return English;
        }

        var best = English;
        var bestQuality = -1.0;
        foreach (var part in acceptLanguage.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(';', StringSplitOptions.TrimEntries);
            var tag = pieces[0];
            var primary = (tag.Split('-')[0]).ToLowerInvariant();
            var quality = 1.0;
            foreach (var parameter in pieces.Skip(1))
            {
                if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                    && double.TryParse(parameter.AsSpan(2), System.Globalization.NumberStyles.Float,
                        System.Globalization.CultureInfo.InvariantCulture, out var q))
                {
                    quality = q;
                }
            }

            if (quality > bestQuality && quality > 0 && Supported.Contains(primary))
            {
                best = primary;
                bestQuality = quality;
            }
        }

        return best;
    }

    /// <summary>A translation key: two lowercase ASCII letters.</summary>
    public static bool IsCode(string? code) =>
        code is { Length: 2 } && char.IsAsciiLetterLower(code[0]) && char.IsAsciiLetterLower(code[1]);
}
