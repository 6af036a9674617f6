using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GamifyHub.Domain.Feedback;

/// <summary>
/// Recognizes reposted text: two feedback texts are near-duplicates when they are equal after ignoring case, accents,
/// punctuation, symbols, whitespace and links. The comparison is reduced to a fingerprint (a hash of the canonical
/// form) so storage can find the earlier item by an indexed lookup instead of comparing texts.
/// </summary>
public static class NearDuplicates
{
    /// <summary>Texts with fewer words than this are too generic ("thanks!", "great app") to call a repost.</summary>
    public const int MinWords = 4;

    /// <summary>Length of the hex fingerprint stored per item (128 bits of SHA-256: collisions are not a concern).</summary>
    public const int FingerprintLength = 32;

    /// <summary>The fingerprint of a text, or null when the text is too short to recognize a repost by.</summary>
    public static string? Fingerprint(string text)
    {
        var canonical = Canonical(text);
        if (CountWords(canonical) < MinWords)
        {
            return null;
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(canonical), hash);
        return Convert.ToHexStringLower(hash[..(FingerprintLength / 2)]);
    }

    public static bool AreNearDuplicates(string a, string b) =>
        Fingerprint(a) is { } fa && Fingerprint(b) is { } fb && fa == fb;

    /// <summary>
    /// Lower-case words of letters and digits separated by single spaces, links removed and accents folded
    /// ("Ça  crashe!! https://t.co/x" → "ca crashe").
    /// </summary>
    public static string Canonical(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var token in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (IsLink(token))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            // Decomposition separates base letters from accents, which are then dropped as non-spacing marks.
            foreach (var c in token.Normalize(NormalizationForm.FormKD))
            {
                if (char.IsLetterOrDigit(c))
                {
                    if (pendingSpace)
                    {
                        builder.Append(' ');
                        pendingSpace = false;
                    }

                    builder.Append(char.ToLowerInvariant(c));
                }
                else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                {
                    // Punctuation and symbols separate words just like spaces do ("crash,again" = "crash again").
                    pendingSpace = builder.Length > 0;
                }
            }

            pendingSpace = builder.Length > 0;
        }

        return builder.ToString();
    }

    private static bool IsLink(string token) =>
        token.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || token.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || token.StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    private static int CountWords(string canonical) => canonical.Length == 0 ? 0 : canonical.Count(c => c == ' ') + 1;
}
