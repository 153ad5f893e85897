using System.Globalization;
using Thuis.Web.Features.Milestones;

namespace Thuis.Web.Tests;

public sealed class MilestoneDatesTests
{
    private static DateOnly D(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-01-15", 1, "2026-02-15")]
    [InlineData("2026-01-31", 1, "2026-02-28")]
    [InlineData("2028-01-31", 1, "2028-02-29")]
    [InlineData("2026-03-31", 1, "2026-04-30")]
    [InlineData("2026-08-31", 3, "2026-11-30")]
    [InlineData("2026-11-30", 3, "2027-02-28")]
    [InlineData("2027-11-30", 3, "2028-02-29")]
    [InlineData("2026-10-31", 12, "2027-10-31")]
    [InlineData("2028-02-29", 12, "2029-02-28")]
    [InlineData("2026-08-31", 18, "2028-02-29")]
    [InlineData("2025-08-31", 18, "2027-02-28")]
    [InlineData("2026-12-31", 18, "2028-06-30")]
    public void A_number_of_months_after_a_date_ends_on_the_last_day_of_a_shorter_month(string start, int months, string expected) =>
        Assert.Equal(D(expected), MilestoneDates.MonthsAfter(D(start), months));

    [Theory]
    [InlineData("2026-01-31", MilestoneKind.Settle, "2026-04-30")]
    [InlineData("2026-01-31", MilestoneKind.Integrate, "2027-01-31")]
    [InlineData("2026-01-31", MilestoneKind.Participate, "2027-07-31")]
    [InlineData("2026-11-30", MilestoneKind.Settle, "2027-02-28")]
    [InlineData("2027-11-29", MilestoneKind.Settle, "2028-02-29")]
    [InlineData("2027-08-31", MilestoneKind.Participate, "2029-02-28")]
    [InlineData("2026-08-29", MilestoneKind.Participate, "2028-02-29")]
    public void Settling_integrating_and_participating_are_due_three_twelve_and_eighteen_months_after_the_start(string start, MilestoneKind kind, string target) =>
        Assert.Equal(D(target), MilestoneDates.Target(D(start), kind));

    [Theory]
    [InlineData("2026-06-01", "2026-06-05", "2026-06-01")]
    [InlineData(null, "2026-06-05", "2026-06-05")]
    public void The_plan_counts_from_housing_or_from_registration_while_housing_is_unknown(string? housed, string registered, string start) =>
        Assert.Equal(D(start), MilestoneDates.Start(housed is null ? null : D(housed), D(registered)));

    [Theory]
    [InlineData("2026-01-31", "2026-01-31", 0)]
    [InlineData("2026-01-31", "2026-02-27", 0)]
    [InlineData("2026-01-31", "2026-02-28", 1)]
    [InlineData("2028-01-31", "2028-02-28", 0)]
    [InlineData("2028-01-31", "2028-02-29", 1)]
    [InlineData("2026-01-31", "2026-03-30", 1)]
    [InlineData("2026-01-31", "2026-03-31", 2)]
    [InlineData("2026-06-01", "2026-11-23", 5)]
    [InlineData("2026-05-24", "2026-11-23", 5)]
    [InlineData("2026-05-23", "2026-11-23", 6)]
    [InlineData("2025-05-23", "2026-11-23", 18)]
    [InlineData("2026-12-10", "2026-11-23", -1)]
    [InlineData("2026-11-24", "2026-11-23", -1)]
    [InlineData("2027-01-24", "2026-11-23", -3)]
    public void Today_is_placed_in_the_month_of_the_plan_it_falls_in(string start, string today, int month) =>
        Assert.Equal(month, MilestoneDates.MonthsSince(D(start), D(today)));

    [Theory]
    [InlineData(true, false, "2026-09-01", "2026-11-23", MilestoneStanding.Reached)]
    [InlineData(true, true, "2026-09-01", "2026-11-23", MilestoneStanding.Reached)]
    [InlineData(false, false, "2026-11-23", "2026-11-23", MilestoneStanding.Due)]
    [InlineData(false, false, "2026-11-22", "2026-11-23", MilestoneStanding.Behind)]
    [InlineData(false, true, "2027-06-01", "2026-11-23", MilestoneStanding.Behind)]
    public void A_milestone_not_reached_runs_behind_after_its_target_date_or_when_recorded_so(bool reached, bool recordedBehind, string target, string today, MilestoneStanding standing) =>
        Assert.Equal(standing, ViewMilestones.StandingOf(reached, recordedBehind, D(target), D(today)));
}
