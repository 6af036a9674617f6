using System.Globalization;
using System.Text;

namespace GamifyHub.Server.Feedback;

/// <summary>What counts as text a person can see: zero-width characters, direction marks and the like alone do not.</summary>
public static class TextValidation
{
    public static bool HasVisibleText(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.SpaceSeparator
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.EnclosingMark or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned))
            {
                return true;
            }
        }

        return false;
    }
}
