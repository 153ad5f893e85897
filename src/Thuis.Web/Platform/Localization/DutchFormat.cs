using System.Globalization;
using System.Text.RegularExpressions;

namespace Thuis.Web.Platform.Localization;

/// <summary>Dates and times as a Dutch municipality reads them: nl-NL, in Amsterdam time.</summary>
public static partial class DutchFormat
{
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("nl-NL");

    public static TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    public static string Date(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone).ToString("d MMMM yyyy", Culture);

    public static string DateTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone).ToString("d MMMM yyyy HH:mm", Culture);

    public static string MonthYear(DateOnly date) => date.ToString("MMMM yyyy", Culture);

    /// <summary>An amount of money as a Dutch reader writes it: "€ 1.234,50", "-€ 12,00".</summary>
    public static string Euro(decimal amount) => amount.ToString("€ #,##0.00;-€ #,##0.00", Culture);

    /// <summary>An amount for a form to edit: "1234,50".</summary>
    public static string Amount(decimal amount) => amount.ToString("0.00", Culture);

    /// <summary>Whether an amount is in whole cents: € 12,50 is, € 12,345 is not.</summary>
    public static bool IsWholeCents(decimal amount) => decimal.Round(amount, 2) == amount;

    public const string EuroExample = "Vul een bedrag in euro in, bijvoorbeeld 612,40.";

    /// <summary>
    /// Reads an amount as people in the Netherlands type it and as files bring it: "1234,50", "1.234,50", "€ 1.234",
    /// "1234.50". A comma is the decimal sign; dots only group thousands when they do so in threes ("1.234"), otherwise a
    /// single dot is read as a decimal point, as exports written in English have it. A sign is not an amount.
    /// </summary>
    public static bool TryParseEuro(string? text, out decimal amount)
    {
        amount = 0;
        var value = (text ?? "").Replace("€", "", StringComparison.Ordinal).Replace("EUR", "", StringComparison.OrdinalIgnoreCase).Trim()
            .Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
        string invariant;
        if (GroupedAmount().IsMatch(value))
        {
            invariant = value.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        }
        else if (PlainAmount().IsMatch(value))
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
    private static partial Regex GroupedAmount();

    // 1234, 1234,5, 1234.50.
    [GeneratedRegex(@"^[0-9]+([.,][0-9]+)?$")]
    private static partial Regex PlainAmount();
}
