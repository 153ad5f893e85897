using System.Globalization;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Reports;

public enum CohortKind
{
    All,
    Month,
    Quarter,
    Year,
}

/// <summary>
/// Who a report counts: everyone housed in the municipality, or those housed in one calendar year, quarter or month
/// (Newcomer.HousingDate). Written in addresses and filenames as "alle", "2026", "2026-K1" or "2026-03".
/// </summary>
public sealed record Cohort(CohortKind Kind, int Year, int Number)
{
    public static Cohort Everyone { get; } = new(CohortKind.All, 0, 0);

    public static Cohort Month(int year, int month) => new(CohortKind.Month, year, month);

    public static Cohort Quarter(int year, int quarter) => new(CohortKind.Quarter, year, quarter);

    /// <summary>Those housed in one calendar year: the cohort of the state's accounting (Besluit inburgering 2021 art. 10.2).</summary>
    public static Cohort OfYear(int year) => new(CohortKind.Year, year, 0);

    /// <summary>The first day housed in the cohort; null for everyone.</summary>
    public DateOnly? From => Kind switch
    {
        CohortKind.Month => new DateOnly(Year, Number, 1),
        CohortKind.Quarter => new DateOnly(Year, ((Number - 1) * 3) + 1, 1),
        CohortKind.Year => new DateOnly(Year, 1, 1),
        _ => null,
    };

    /// <summary>The first day after the cohort; null for everyone.</summary>
    public DateOnly? Until => Kind switch
    {
        CohortKind.Month => From!.Value.AddMonths(1),
        CohortKind.Quarter => From!.Value.AddMonths(3),
        CohortKind.Year => From!.Value.AddYears(1),
        _ => null,
    };

    public string Key => Kind switch
    {
        CohortKind.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Number:00}"),
        CohortKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-K{Number}"),
        CohortKind.Year => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}"),
        _ => "alle",
    };

    public string Dutch => Kind switch
    {
        CohortKind.Month => $"gehuisvest in {From!.Value.ToString("MMMM yyyy", DutchFormat.Culture)}",
        CohortKind.Quarter => $"gehuisvest in het {Number}e kwartaal van {Year}",
        CohortKind.Year => $"gehuisvest in {Year}",
        _ => "iedereen die gehuisvest is",
    };

    /// <summary>Reads "alle", "2026", "2026-K1" or "2026-03"; anything else is everyone.</summary>
    public static Cohort Parse(string? key)
    {
        if (key is { Length: 4 } && int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var onlyYear) && onlyYear >= 1900)
        {
            return OfYear(onlyYear);
        }
        if (string.IsNullOrWhiteSpace(key) || key.Length < 6 || key[4] != '-'
            || !int.TryParse(key.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 9999)
        {
            return Everyone;
        }
        var rest = key.AsSpan(5);
        if (rest.Length == 2 && rest[0] is 'K' or 'k' && int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var quarter) && quarter is >= 1 and <= 4)
        {
            return Quarter(year, quarter);
        }
        return rest.Length == 2 && int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12
            ? Month(year, month)
            : Everyone;
    }

    /// <summary>The cohorts to choose from: every year, quarter and month from the first housing date to today, newest first.</summary>
    public static IReadOnlyList<Cohort> Choices(DateOnly? firstHoused, DateOnly today)
    {
        var choices = new List<Cohort> { Everyone };
        if (firstHoused is not { } first || first > today)
        {
            return choices;
        }
        for (var year = today.Year; year >= first.Year; year--)
        {
            choices.Add(OfYear(year));
        }
        for (var (year, quarter) = (today.Year, ((today.Month - 1) / 3) + 1); new DateOnly(year, ((quarter - 1) * 3) + 1, 1).AddMonths(3) > first;)
        {
            choices.Add(Quarter(year, quarter));
            (year, quarter) = quarter == 1 ? (year - 1, 4) : (year, quarter - 1);
        }
        for (var month = new DateOnly(today.Year, today.Month, 1); month.AddMonths(1) > first; month = month.AddMonths(-1))
        {
            choices.Add(Month(month.Year, month.Month));
        }
        return choices;
    }
}
