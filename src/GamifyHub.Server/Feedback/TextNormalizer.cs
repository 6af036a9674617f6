using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace GamifyHub.Server.Feedback;

/// <summary>Turns whatever a channel sends into plain text: tags stripped, entities decoded, control characters gone.</summary>
public static partial class TextNormalizer
{
    public static string PlainText(string raw)
    {
        var withoutTags = Tags().Replace(raw, " ");
        // Decoding can make new tags ("&lt;script&gt;" becomes "<script>"); those go too, so no markup survives.
        var decoded = DecodedTags().Replace(WebUtility.HtmlDecode(withoutTags), " ").Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(decoded.Length);
        foreach (var c in decoded)
        {
            if (c is '\n' or '\t' || !char.IsControl(c))
            {
                builder.Append(c is '\t' ? ' ' : c);
            }
        }

        return Spaces().Replace(builder.ToString(), " ").Trim();
    }

    public static bool HasControlCharacters(string value) => value.Any(char.IsControl);

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();

    // What a browser would take for a tag: '<' directly followed by a letter, '/', '!' or '?'.
    [GeneratedRegex("<[a-zA-Z/!?][^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex DecodedTags();

    [GeneratedRegex("[ ]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
