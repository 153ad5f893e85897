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

    /// <summary>An amount of money as the Dutch write it: "€ 1.234,50".</summary>
    public static string Euro(decimal amount) => (amount < 0 ? "-€ " : "€ ") + Math.Abs(amount).ToString("#,##0.00", Culture);
}
