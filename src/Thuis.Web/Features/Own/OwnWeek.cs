using System.Globalization;
using System.Text.RegularExpressions;
using Thuis.Web.Features.Trajectories;

namespace Thuis.Web.Features.Own;

/// <summary>
/// The week (Monday to Sunday) the person's week view shows, read from <c>?week=2026-W50</c> (ISO 8601) or
/// <c>?datum=2026-12-07</c>, and kept between the week of the earliest day shown and that of the last.
/// </summary>
public sealed partial record OwnWeek(DateOnly Monday, bool HasPrevious, bool HasNext)
{
    public DateOnly Sunday => Monday.AddDays(6);

    public IReadOnlyList<DateOnly> Days => [.. Enumerable.Range(0, 7).Select(Monday.AddDays)];

    public int Number => ISOWeek.GetWeekOfYear(Monday.ToDateTime(TimeOnly.MinValue));

    public string Key => Of(Monday);

    public string PreviousKey => Of(Monday.AddDays(-7));

    public string NextKey => Of(Monday.AddDays(7));

    /// <summary>The ISO week of a day, as the address writes it: 2026-W50.</summary>
    public static string Of(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}");
    }

    public static OwnWeek Parse(string? week, string? date, DateOnly today, DateOnly earliest, DateOnly latest)
    {
        var day = today;
        if (week is not null && IsoWeek().Match(week) is { Success: true } match)
        {
            var year = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            var number = int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture);
            if (year is >= 2000 and <= 2200 && number >= 1 && number <= ISOWeek.GetWeeksInYear(year))
            {
                day = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, number, DayOfWeek.Monday));
            }
        }
        else if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var chosen))
        {
            day = chosen;
        }
        var first = CalendarPeriod.MondayOf(earliest);
        var last = CalendarPeriod.MondayOf(latest);
        var monday = CalendarPeriod.MondayOf(day);
        monday = monday < first ? first : monday > last ? last : monday;
        return new OwnWeek(monday, monday > first, monday < last);
    }

    [GeneratedRegex("^([0-9]{4})-W([0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoWeek();
}
