namespace Thuis.Web.Platform.Localization;

public static class Today
{
    /// <summary>The calendar date in the Netherlands right now; legal deadlines count in Dutch days.</summary>
    public static DateOnly InTheNetherlands(this TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), DutchFormat.TimeZone).DateTime);
}
