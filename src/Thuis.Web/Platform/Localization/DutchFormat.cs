using System.Globalization;

namespace Thuis.Web.Platform.Localization;

/// <summary>Dates and times as a Dutch municipality reads them: nl-NL, in Amsterdam time.</summary>
public static class DutchFormat
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

    public const string EuroExample = "Vul een bedrag in euro in, bijvoorbeeld 612,40.";

    /// <summary>
    /// Reads an amount as people type it: "1.234,50", "1234,5", "€ 12", and also "12.50" — a dot followed by one or two
    /// digits at the end, with no comma, is read as the decimal point, because that is what people mean by it.
    /// </summary>
    public static bool TryParseEuro(string? text, out decimal amount)
    {
        amount = 0;
        var cleaned = (text ?? "").Replace("€", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Trim();
        if (cleaned.Length == 0)
        {
            return false;
        }
        var lastDot = cleaned.LastIndexOf('.');
        if (!cleaned.Contains(',', StringComparison.Ordinal) && lastDot >= 0 && cleaned.Length - lastDot - 1 is 1 or 2
            && cleaned.Count(c => c == '.') == 1)
        {
            cleaned = cleaned.Replace('.', ',');
        }
        return decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, Culture, out amount);
    }
}
