using System.Globalization;

namespace GamifyHub.Domain.Routing;

/// <summary>Splits text into lower-case words (letters, digits and apostrophes).</summary>
public static class FeedbackRouterTokens
{
    public static HashSet<string> Tokenize(string text) => new(TokenizeOrdered(text), StringComparer.Ordinal);

    public static IEnumerable<string> TokenizeOrdered(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '\'');
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                yield return text[start..i].ToLower(CultureInfo.InvariantCulture);
                start = -1;
            }
        }
    }
}
