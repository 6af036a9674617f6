using System.Globalization;
using System.Text;

namespace GamifyHub.Domain.Classification;

/// <summary>
/// Tells whether a customer comment mentions one of the company's employees by full name. It answers only yes or no:
/// the item is flagged so people handle it with care, and nothing is attributed to whoever was named (no points, no
/// record, no routing). Matching is by whole words, ignores case, and treats umlauts, their "ae/oe/ue" spellings and
/// other accents alike ("Lena Müller", "lena mueller", "LENA MULLER").
/// </summary>
public sealed class EmployeeNameMatcher
{
    /// <summary>Names of one word ("Tom") would flag every comment that uses the word: only names of two or more words count.</summary>
    private const int MinWords = 2;

    private readonly List<string[]> _names;

    public EmployeeNameMatcher(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _names = [.. names.Select(Words).Where(w => w.Length >= MinWords).DistinctBy(w => string.Join(' ', w))];
    }

    public bool MentionsAnyone(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_names.Count == 0)
        {
            return false;
        }

        var words = Words(text);
        foreach (var name in _names)
        {
            for (var start = 0; start + name.Length <= words.Length; start++)
            {
                if (words.AsSpan(start, name.Length).SequenceEqual(name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Lower-case words with umlauts, "ae/oe/ue" spellings, ß and accents folded to plain letters.</summary>
    internal static string[] Words(string text) =>
        [.. Routing.FeedbackRouterTokens.TokenizeOrdered(text).Select(Fold)];

    private static string Fold(string word)
    {
        var s = new StringBuilder(word.Length);
        foreach (var c in word.Replace("ß", "ss", StringComparison.Ordinal).Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                s.Append(c);
            }
        }

        // "Mueller" and "Müller" (now "muller") are the same name.
        return s.Replace("ae", "a").Replace("oe", "o").Replace("ue", "u").ToString();
    }
}
