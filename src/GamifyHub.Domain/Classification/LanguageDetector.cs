namespace GamifyHub.Domain.Classification;

/// <summary>Tells English from German by counting common function words. Unknown text is "und" (undetermined).</summary>
public static class LanguageDetector
{
    private static readonly HashSet<string> English =
    [
        "the", "and", "is", "are", "was", "it", "this", "that", "to", "of", "for", "with", "my", "your", "not",
        "you", "i", "have", "has", "but", "on", "in", "can", "very", "please", "why", "when", "does", "doesn't",
    ];

    private static readonly HashSet<string> German =
    [
        "der", "die", "das", "und", "ist", "sind", "war", "nicht", "ich", "mit", "für", "ein", "eine", "mein",
        "meine", "ihr", "sie", "auf", "bei", "auch", "aber", "sehr", "bitte", "warum", "wenn", "noch", "schon",
        "kein", "keine", "zu", "es", "wird", "hat", "habe", "seit", "immer", "wieder",
    ];

    public static string Detect(string text)
    {
        var en = 0;
        var de = 0;
        foreach (var word in Routing.FeedbackRouterTokens.Tokenize(text))
        {
            if (English.Contains(word))
            {
                en++;
            }

            if (German.Contains(word))
            {
                de++;
            }
        }

        if (text.Any(c => c is 'ä' or 'ö' or 'ü' or 'ß' or 'Ä' or 'Ö' or 'Ü'))
        {
            de += 2;
        }

        if (en == 0 && de == 0)
        {
            return "und";
        }

        return de > en ? "de" : "en";
    }
}
