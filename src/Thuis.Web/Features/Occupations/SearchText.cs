using System.Globalization;
using System.Text;

namespace Thuis.Web.Features.Occupations;

internal static class SearchText
{
    /// <summary>
    /// Removes what ESCO's labels carry but nobody sees or types: soft hyphens, zero-width spaces,
    /// non-breaking and doubled spaces.
    /// </summary>
    public static string Tidy(string text)
    {
        var tidy = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch))
            {
                if (tidy.Length > 0 && tidy[^1] != ' ')
                {
                    tidy.Append(' ');
                }
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.Format)
            {
                tidy.Append(ch);
            }
        }
        return tidy.ToString().TrimEnd();
    }

    /// <summary>
    /// The form in which labels and queries are compared: tidy, lower case, without diacritics, so that
    /// "cafe" finds "café" and "coordinator" finds "coördinator".
    /// </summary>
    public static string Normalise(string text)
    {
        var decomposed = Tidy(text).Normalize(NormalizationForm.FormKD);
        var normal = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(ch))
            {
                case UnicodeCategory.NonSpacingMark:
                    break;
                case UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation:
                    normal.Append('\'');
                    break;
                default:
                    normal.Append(char.ToLowerInvariant(ch));
                    break;
            }
        }
        return normal.ToString();
    }
}
