using System.Text;
using GamifyHub.Domain.Feedback;

namespace GamifyHub.Domain.Classification;

/// <summary>
/// A small lexicon-based sentiment scorer for English and German (word lists written by the project, see
/// <see cref="SentimentLexicon"/>). Pure and deterministic. On top of the word values:
/// negators flip the next sentiment word within a few words ("not very good", "nicht gut"), German trailing negation
/// flips the word before ("funktioniert nicht"); intensifiers double the next word ("very bad", "sehr gut"); after a
/// contrast ("but", "aber") words count double, because the clause after it usually carries the verdict; a few
/// expressions count as one ("thanks for nothing", "wie geschmiert"); a few emoji count like words (🙄 and 🙃 as
/// the sarcasm markers they usually are). Words are also found inflected ("tolle" → "toll"), spelled with "ae/oe/ue"
/// ("enttaeuscht") and at the end of German compounds ("Serverfehler" → "fehler").
/// </summary>
public static class SentimentAnalyzer
{
    private static readonly HashSet<string> Negators =
    [
        "not", "no", "never", "don't", "doesn't", "isn't", "wasn't", "won't", "can't", "cant", "didn't", "aren't",
        "without", "hardly", "nothing", "nicht", "kein", "keine", "keinen", "keiner", "keinerlei", "nie", "niemals",
        "ohne", "kaum", "nichts", "zero", "null",
    ];

    /// <summary>German negation often follows its word ("funktioniert nicht"); these flip the word just before.</summary>
    private static readonly HashSet<string> TrailingNegators = ["nicht", "nie", "niemals"];

    private static readonly HashSet<string> Intensifiers =
    [
        "very", "really", "so", "extremely", "totally", "absolutely", "incredibly", "highly", "such", "way", "too",
        "sehr", "echt", "wirklich", "total", "absolut", "extrem", "richtig", "voll", "mega", "unglaublich", "äußerst",
        "viel", "ganz",
    ];

    private static readonly HashSet<string> Contrasts = ["but", "however", "though", "aber", "allerdings", "jedoch", "trotzdem"];

    private static readonly (string Emoji, int Value)[] Emoji =
    [
        ("😍", 2), ("❤", 2), ("👍", 1), ("🔥", 1), ("🙏", 1), ("🚀", 1), ("🎁", 1), ("😄", 1), ("😂", 1), ("😊", 1),
        ("🙂", 1), ("💪", 1), ("🥰", 2), ("👎", -2), ("😡", -2), ("😠", -2), ("😤", -2), ("😞", -2), ("😢", -1),
        ("🙄", -3), ("🙃", -3),
    ];

    /// <summary>How many words after a negator it still reaches ("not very good").</summary>
    private const int NegationReach = 3;

    /// <summary>Compounds are long words; only entries this long count as a compound's last part.</summary>
    private const int CompoundPartMinLength = 5;

    public static int Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var score = EmojiScore(text);

        // Negation, intensifiers and contrast reach to the end of their sentence, never into the next one.
        foreach (var sentence in text.Replace('\u2019', '\'').Split(SentenceEnds, StringSplitOptions.RemoveEmptyEntries))
        {
            score += ScoreSentence(Routing.FeedbackRouterTokens.TokenizeOrdered(sentence).ToList(), IsQuestion(text, sentence));
        }

        return score;
    }

    private static readonly char[] SentenceEnds = ['.', '!', '?', ';', '\n'];

    /// <summary>Whether the sentence ends with a question mark in the text (the split drops it).</summary>
    private static bool IsQuestion(string text, string sentence)
    {
        var end = text.IndexOf(sentence, StringComparison.Ordinal) + sentence.Length;
        return end < text.Length && text[end] == '?';
    }

    private static int ScoreSentence(List<string> words, bool question)
    {
        var score = 0;
        var negateUntil = -1;
        var intensifiedAt = -2;
        var contrast = 1;
        (int Index, int Value, bool Negated)? last = null;
        for (var i = 0; i < words.Count; i++)
        {
            if (MatchPhrase(words, i) is { } phrase)
            {
                score += phrase.Value * contrast;
                i += phrase.Length - 1;
                negateUntil = -1;
                last = null;
                continue;
            }

            var word = words[i];
            if (Negators.Contains(word))
            {
                if (TrailingNegators.Contains(word) && last is { Negated: false } previous && i - previous.Index <= 2)
                {
                    // Undo the word's contribution and count it flipped instead.
                    score -= 2 * previous.Value;
                    last = previous with { Negated = true };
                    continue;
                }

                negateUntil = i + NegationReach;
                continue;
            }

            if (Contrasts.Contains(word))
            {
                contrast = 2;
                continue;
            }

            if (Intensifiers.Contains(word))
            {
                // Reaches the next word only, or through another intensifier ("really really bad").
                intensifiedAt = i;
                continue;
            }

            if (Lookup(word) is { } value and not 0)
            {
                var negated = i <= negateUntil;
                var signed = negated ? -value : value;

                // A question mentions good things it asks about ("Does it work offline?"): that is not praise.
                if (question && signed > 0)
                {
                    continue;
                }

                var counted = signed * (intensifiedAt == i - 1 ? 2 : 1) * contrast;
                score += counted;
                last = (i, counted, negated);
                negateUntil = -1;
            }
        }

        return score;
    }

    public static Sentiment Classify(string text) => Score(text) switch
    {
        > 0 => Sentiment.Positive,
        < 0 => Sentiment.Negative,
        _ => Sentiment.Neutral,
    };

    /// <summary>The word's value: as written, inflected, with "ae/oe/ue" for umlauts, or as the end of a compound.</summary>
    internal static int? Lookup(string word)
    {
        var lexicon = SentimentLexicon.Words;
        if (lexicon.TryGetValue(word, out var value))
        {
            return value;
        }

        if (word.Contains("ae", StringComparison.Ordinal) || word.Contains("oe", StringComparison.Ordinal)
            || word.Contains("ue", StringComparison.Ordinal) || word.Contains("ss", StringComparison.Ordinal))
        {
            var umlauts = new StringBuilder(word).Replace("ae", "ä").Replace("oe", "ö").Replace("ue", "ü").ToString();
            if (lexicon.TryGetValue(umlauts, out value) || lexicon.TryGetValue(umlauts.Replace("ss", "ß", StringComparison.Ordinal), out value))
            {
                return value;
            }
        }

        // Inflected forms: "tolle", "schnellen", "crashes". Short stems stay whole ("guten" in "Guten Tag" is a greeting).
        foreach (var suffix in (ReadOnlySpan<string>)["es", "en", "em", "er", "e", "s", "n"])
        {
            if (word.Length - suffix.Length >= 4 && word.EndsWith(suffix, StringComparison.Ordinal)
                && lexicon.TryGetValue(word[..^suffix.Length], out value))
            {
                return value;
            }
        }

        // German compounds carry their meaning at the end: "Serverfehler", "Lieferchaos".
        if (word.Length >= 8)
        {
            for (var start = 2; word.Length - start >= CompoundPartMinLength; start++)
            {
                if (lexicon.TryGetValue(word[start..], out value) && value != 0)
                {
                    return value;
                }
            }
        }

        return null;
    }

    private static (int Value, int Length)? MatchPhrase(List<string> words, int start)
    {
        foreach (var (phrase, value) in SentimentLexicon.Phrases)
        {
            if (start + phrase.Length > words.Count)
            {
                continue;
            }

            var matches = true;
            for (var k = 0; k < phrase.Length && matches; k++)
            {
                matches = string.Equals(words[start + k], phrase[k], StringComparison.Ordinal);
            }

            if (matches)
            {
                return (value, phrase.Length);
            }
        }

        return null;
    }

    private static int EmojiScore(string text)
    {
        var score = 0;
        foreach (var (emoji, value) in Emoji)
        {
            for (var at = text.IndexOf(emoji, StringComparison.Ordinal); at >= 0; at = text.IndexOf(emoji, at + emoji.Length, StringComparison.Ordinal))
            {
                score += value;
            }
        }

        return score;
    }
}
