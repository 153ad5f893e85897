using System.Globalization;
using System.Text.RegularExpressions;

namespace Thuis.Web.Features.Debts;

/// <summary>
/// Reads an amount as people in the Netherlands type it and as files bring it: "1234,50", "1.234,50", "€ 1.234",
/// "1234.50". A comma is the decimal sign; dots only group thousands when they do so in threes ("1.234"), otherwise a
/// single dot is read as a decimal point, as exports written in English have it.
/// </summary>
public static partial class DutchAmount
{
    public static bool TryParse(string? text, out decimal amount)
    {
        amount = 0;
        var value = (text ?? "").Replace("€", "", StringComparison.Ordinal).Replace("EUR", "", StringComparison.OrdinalIgnoreCase).Trim()
            .Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
        if (value.Length == 0)
        {
            return false;
        }
        string invariant;
        if (Grouped().IsMatch(value))
        {
            invariant = value.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        }
        else if (Plain().IsMatch(value))
        {
            invariant = value.Replace(',', '.');
        }
        else
        {
            return false;
        }
        return decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount);
    }

    // 1.234 or 1.234.567,89: dots between groups of three.
    [GeneratedRegex(@"^[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?$")]
    private static partial Regex Grouped();

    // 1234, 1234,5, 1234.50.
    [GeneratedRegex(@"^[0-9]+([.,][0-9]+)?$")]
    private static partial Regex Plain();
}
