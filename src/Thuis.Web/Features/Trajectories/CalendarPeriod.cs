using System.Globalization;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Trajectories;

/// <summary>Something on a calendar day: a session, with a link to it and a short note such as someone's attendance.</summary>
public sealed record CalendarItem(DateOnly Date, TimeOnly Start, TimeOnly End, string Title, string? Href, string? Note);

/// <summary>
/// The week (Monday to Sunday) or month a calendar shows, read from <c>?weergave=week|maand&amp;datum=yyyy-mm-dd</c>,
/// with the neighbouring periods for the previous and next links.
/// </summary>
public sealed record CalendarPeriod(bool IsMonth, DateOnly Day)
{
    public const string WeekView = "week";
    public const string MonthView = "maand";

    public string View => IsMonth ? MonthView : WeekView;

    public DateOnly First => IsMonth ? new DateOnly(Day.Year, Day.Month, 1) : MondayOf(Day);

    public DateOnly Last => IsMonth ? First.AddMonths(1).AddDays(-1) : First.AddDays(6);

    public DateOnly Previous => IsMonth ? First.AddMonths(-1) : First.AddDays(-7);

    public DateOnly Next => IsMonth ? First.AddMonths(1) : First.AddDays(7);

    public string Caption => IsMonth
        ? First.ToString("MMMM yyyy", DutchFormat.Culture)
        : $"Week {ISOWeek.GetWeekOfYear(First.ToDateTime(TimeOnly.MinValue))}: {DutchFormat.Date(First)} tot en met {DutchFormat.Date(Last)}";

    /// <summary>The month as whole weeks from Monday; days outside the month are included to fill the rows.</summary>
    public IReadOnlyList<IReadOnlyList<DateOnly>> Weeks
    {
        get
        {
            var weeks = new List<IReadOnlyList<DateOnly>>();
            for (var monday = MondayOf(First); monday <= Last; monday = monday.AddDays(7))
            {
                weeks.Add([.. Enumerable.Range(0, 7).Select(monday.AddDays)]);
            }
            return weeks;
        }
    }

    public IReadOnlyList<DateOnly> Days => [.. Enumerable.Range(0, Last.DayNumber - First.DayNumber + 1).Select(First.AddDays)];

    public string Query(DateOnly day, bool? month = null) =>
        $"weergave={((month ?? IsMonth) ? MonthView : WeekView)}&datum={day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public static CalendarPeriod Parse(string? view, string? date, DateOnly fallback) =>
        new(view == MonthView,
            DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : fallback);

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
