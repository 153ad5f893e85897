using System.Globalization;
using System.Text;

namespace Thuis.Web.Features.Dossiers;

/// <summary>
/// Names of newcomers are transliterated in many ways (Mohammed, Mohamad, Muhammad); two spellings
/// count as the same name when they differ by a few letters after dropping accents, case and punctuation.
/// </summary>
public static class NameMatching
{
    public static string Normalise(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var letters = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsLetter(c))
            {
                letters.Append(char.ToLowerInvariant(c));
            }
        }
        return letters.ToString();
    }

    public static bool AreSimilar(string a, string b)
    {
        var x = Normalise(a);
        var y = Normalise(b);
        if (x.Length == 0 || y.Length == 0)
        {
            return false;
        }
        var allowed = Math.Min(x.Length, y.Length) <= 4 ? 1 : 2;
        return Distance(x, y) <= allowed;
    }

    /// <summary>Levenshtein distance: letters inserted, removed or changed.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var change = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + change);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
