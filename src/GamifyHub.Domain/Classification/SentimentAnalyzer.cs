using GamifyHub.Domain.Feedback;

namespace GamifyHub.Domain.Classification;

/// <summary>
/// A small lexicon-based sentiment scorer for English and German (word lists written by the project).
/// Negators flip the next sentiment word within a few words ("not very good", "nicht gut"), and German trailing
/// negation flips the word before ("funktioniert nicht").
/// </summary>
public static class SentimentAnalyzer
{
    private static readonly Dictionary<string, int> Lexicon = new(StringComparer.Ordinal)
    {
        // English
        ["love"] = 2, ["great"] = 2, ["excellent"] = 2, ["awesome"] = 2, ["amazing"] = 2, ["fantastic"] = 2,
        ["good"] = 1, ["nice"] = 1, ["thanks"] = 1, ["thank"] = 1, ["helpful"] = 1, ["easy"] = 1, ["fast"] = 1,
        ["happy"] = 1, ["recommend"] = 1, ["works"] = 1, ["perfect"] = 2, ["best"] = 2,
        ["bad"] = -1, ["slow"] = -1, ["broken"] = -2, ["crash"] = -2, ["crashes"] = -2, ["bug"] = -1,
        ["terrible"] = -2, ["awful"] = -2, ["worst"] = -2, ["hate"] = -2, ["angry"] = -2, ["disappointed"] = -2,
        ["useless"] = -2, ["expensive"] = -1, ["problem"] = -1, ["issue"] = -1, ["fail"] = -2, ["fails"] = -2,
        ["refund"] = -1, ["waiting"] = -1, ["error"] = -1, ["annoying"] = -1, ["missing"] = -1,
        // German
        ["liebe"] = 2, ["toll"] = 2, ["super"] = 2, ["großartig"] = 2, ["hervorragend"] = 2, ["perfekt"] = 2,
        ["gut"] = 1, ["danke"] = 1, ["schnell"] = 1, ["einfach"] = 1, ["zufrieden"] = 1, ["empfehlen"] = 1,
        ["hilfreich"] = 1, ["funktioniert"] = 1, ["klasse"] = 2,
        ["schlecht"] = -1, ["langsam"] = -1, ["kaputt"] = -2, ["absturz"] = -2, ["stürzt"] = -2, ["fehler"] = -1,
        ["schrecklich"] = -2, ["furchtbar"] = -2, ["ärgerlich"] = -1, ["enttäuscht"] = -2, ["nutzlos"] = -2,
        ["teuer"] = -1, ["warte"] = -1, ["warten"] = -1, ["mangelhaft"] = -2,
        ["unzufrieden"] = -2, ["frechheit"] = -2, ["katastrophe"] = -2,
    };

    private static readonly HashSet<string> Negators =
    [
        "not", "no", "never", "don't", "doesn't", "isn't", "wasn't", "won't", "can't", "nicht", "kein", "keine", "nie", "niemals",
    ];

    /// <summary>German negation often follows its word ("funktioniert nicht"); these flip the word just before.</summary>
    private static readonly HashSet<string> TrailingNegators = ["nicht", "nie", "niemals"];

    /// <summary>How many words after a negator it still reaches ("not very good").</summary>
    private const int NegationReach = 3;

    public static int Score(string text)
    {
        var words = Routing.FeedbackRouterTokens.TokenizeOrdered(text.Replace('\u2019', '\'')).ToList();
        var score = 0;
        var negateUntil = -1;
        (int Index, int Value, bool Negated)? last = null;
        for (var i = 0; i < words.Count; i++)
        {
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

            if (Lexicon.TryGetValue(word, out var value))
            {
                var negated = i <= negateUntil;
                score += negated ? -value : value;
                last = (i, negated ? -value : value, negated);
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
}
