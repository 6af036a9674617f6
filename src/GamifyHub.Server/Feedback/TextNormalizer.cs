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
        var decoded = WebUtility.HtmlDecode(withoutTags).Normalize(NormalizationForm.FormC);
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

    [GeneratedRegex("[ ]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
