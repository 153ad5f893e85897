using System.Text.RegularExpressions;

namespace Thuis.Web.Features.Dossiers;

/// <summary>The V-number (vreemdelingennummer) of the IND: ten digits.</summary>
public static partial class VNumber
{
    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    [GeneratedRegex("^[0-9]{10}$")]
    private static partial Regex Pattern();
}

/// <summary>A Dutch postcode: four digits not starting with 0, then two capitals; stored as "1234 AB".</summary>
public static partial class Postcode
{
    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    /// <summary>"1234ab" and " 1234  AB " become "1234 AB"; anything else is returned trimmed and upper-cased for the validator to refuse.</summary>
    public static string Normalise(string value)
    {
        var compact = value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return compact.Length == 6 ? $"{compact[..4]} {compact[4..]}" : value.Trim().ToUpperInvariant();
    }

    // Four digits not starting with 0, then two letters; PostNL never gives out SA, SD or SS.
    [GeneratedRegex("^[1-9][0-9]{3} ?(?!SA|SD|SS)[A-Z]{2}$")]
    private static partial Regex Pattern();
}
