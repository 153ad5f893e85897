namespace Thuis.Web.Platform.Localization;

public static class Today
{
    /// <summary>The calendar date in the Netherlands right now; legal deadlines count in Dutch days.</summary>
    public static DateOnly InTheNetherlands(this TimeProvider clock) => DayInTheNetherlands(clock.GetUtcNow());

    /// <summary>The calendar date in the Netherlands at a moment: a proposal made at 00:30 Dutch time is of that day.</summary>
    public static DateOnly DayInTheNetherlands(DateTimeOffset at) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, DutchFormat.TimeZone).DateTime);
}
