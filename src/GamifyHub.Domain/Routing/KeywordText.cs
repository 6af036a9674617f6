namespace GamifyHub.Domain.Routing;

/// <summary>
/// A text split into words once, so many keywords can be checked against it. The matching rules are the routing rules'
/// (and the taxonomy's): case-insensitive whole words; a keyword of several words is a phrase of whole words; a single
/// keyword of 4+ letters also matches as a word prefix ("crash" matches "crashes"), shorter ones only whole ("ad" ≠ "add").
/// </summary>
public sealed class KeywordText
{
    private readonly HashSet<string> _words;
    private readonly string _phraseText;

    public KeywordText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = FeedbackRouterTokens.TokenizeOrdered(text).ToList();
        _words = words.ToHashSet(StringComparer.Ordinal);
        _phraseText = " " + string.Join(' ', words) + " ";
    }

    public bool Contains(string keyword)
    {
        // Keywords are split like the text, so "e-mail" and "dark mode" are phrases of whole words.
        var parts = FeedbackRouterTokens.TokenizeOrdered(keyword).ToList();
        switch (parts.Count)
        {
            case 0:
                return false;
            case > 1:
                return _phraseText.Contains(" " + string.Join(' ', parts) + " ", StringComparison.Ordinal);
        }

        var k = parts[0];
        return k.Length >= 4 ? _words.Any(w => w.StartsWith(k, StringComparison.Ordinal)) : _words.Contains(k);
    }

    public bool ContainsAny(IEnumerable<string> keywords) => keywords.Any(Contains);
}
