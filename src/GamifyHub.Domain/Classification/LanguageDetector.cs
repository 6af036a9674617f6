namespace GamifyHub.Domain.Classification;

/// <summary>Tells English from German by counting common function words. Unknown text is "und" (undetermined).</summary>
public static class LanguageDetector
{
    private static readonly HashSet<string> English =
    [
        "the", "and", "is", "are", "was", "it", "this", "that", "to", "of", "for", "with", "my", "your", "not",
        "you", "i", "have", "has", "but", "on", "can", "very", "please", "why", "when", "does", "doesn't", "no", "a", "an",
        "me", "we", "our", "they", "be", "been", "at", "from", "just", "what", "how", "any", "would", "there", "all", "now",
        "only", "still", "after", "since", "really", "every", "did", "do", "its", "it's", "i'm", "i've", "you're", "ever",
        "than", "who", "which", "where", "will", "thanks", "thank", "good", "bad", "great", "broken", "love", "absolutely",
        "simple", "first", "setup", "kindly", "our", "find", "rules", "there", "ok", "dislike", "meh", "realy", "alot",
    ];

    private static readonly HashSet<string> German =
    [
        "der", "die", "das", "und", "ist", "sind", "war", "nicht", "ich", "mit", "für", "ein", "eine", "mein",
        "meine", "ihr", "sie", "auf", "bei", "auch", "aber", "sehr", "bitte", "warum", "wenn", "noch", "schon",
        "kein", "keine", "zu", "es", "wird", "hat", "habe", "seit", "immer", "wieder", "den", "dem", "des", "im", "nach",
        "von", "vom", "zum", "zur", "wie", "was", "wo", "wer", "man", "hab", "mir", "mich", "euch", "euer", "eure", "uns",
        "wir", "nur", "gibt", "kann", "können", "dass", "oder", "mal", "jetzt", "heute", "gar", "nichts", "sich", "alles",
        "bin", "doch", "ja", "nein", "danke", "gut", "gute", "schlecht", "kaputt", "echt", "wirklich", "voll", "wann",
        "alle", "erster", "anbei", "unsere", "als", "welches", "habt", "meinen", "neuen", "mehr", "teil", "sekunden",
        "daumen", "runter", "reiner", "starkes", "bester", "kauf", "jahres", "ehrlich", "gesagt", "preis", "leer", "sogar",
        "einfache", "empfehlenswert", "wirklich", "richtig", "jetzt", "garnix", "hilft",
    ];

    private static readonly string[] GermanEndings = ["ung", "ungen", "keit", "heit", "lich", "isch", "chen"];

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
            else if (word.Length >= 6 && GermanEndings.Any(e => word.EndsWith(e, StringComparison.Ordinal)))
            {
                // Typical German word endings tip texts made of content words ("Einfache Einrichtung, stabile Verbindung").
                de++;
            }
            else if (word.Length >= 6 && word.EndsWith("ing", StringComparison.Ordinal))
            {
                en++;
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
