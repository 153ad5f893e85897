namespace Thuis.Web.Features.Milestones;

/// <summary>
/// Dalfsen's 18-month plan counted in calendar months from the day someone was housed, or from their
/// registration in the municipality while the housing date is unknown. A month after 31 January is the
/// last day of February, as a month after the 31st is the last day of a shorter month.
/// </summary>
public static class MilestoneDates
{
    /// <summary>Settled (vestigen): the checklist done within three months.</summary>
    public const int SettleMonth = 3;

    /// <summary>Integrating (inburgeren): PVT completed, a language course going, plan steps in several domains.</summary>
    public const int IntegrateMonth = 12;

    /// <summary>Participating (participeren): active in volunteer work, education, paid work or a club.</summary>
    public const int ParticipateMonth = 18;

    // Kept as constants rather than a municipal setting: they are Dalfsen's plan, and no other
    // municipality has asked for other months yet.
    public static int TargetMonth(MilestoneKind kind) => kind switch
    {
        MilestoneKind.Settle => SettleMonth,
        MilestoneKind.Integrate => IntegrateMonth,
        _ => ParticipateMonth,
    };

    public static DateOnly Start(DateOnly? housed, DateOnly registered) => housed ?? registered;

    public static DateOnly MonthsAfter(DateOnly start, int months) => start.AddMonths(months);

    public static DateOnly Target(DateOnly start, MilestoneKind kind) => MonthsAfter(start, TargetMonth(kind));

    /// <summary>
    /// Whole months from the start to the day: the largest n with start + n months on or before the day.
    /// Negative when the day lies before the start (someone still to be housed).
    /// </summary>
    public static int MonthsSince(DateOnly start, DateOnly day)
    {
        var months = (day.Year - start.Year) * 12 + day.Month - start.Month;
        if (MonthsAfter(start, months) > day)
        {
            months--;
        }
        return months;
    }
}
