using Thuis.Web.Features.Plans;

namespace Thuis.Web.Tests;

public sealed class IntegrationLawTests
{
    private static DateOnly D(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-01-05", 10, "2026-03-16")]
    [InlineData("2024-02-29", 10, "2024-05-09")]
    [InlineData("2026-12-28", 10, "2027-03-08")]
    [InlineData("2026-01-31", 8, "2026-03-28")]
    public void The_PIP_is_due_a_number_of_weeks_after_registration(string registered, int weeks, string due) =>
        Assert.Equal(D(due), IntegrationLaw.PipDeadline(D(registered), weeks));

    [Theory]
    [InlineData("2026-01-15", "2026-01-16", "2029-01-15")]
    [InlineData("2026-12-31", "2027-01-01", "2029-12-31")]
    [InlineData("2024-02-28", "2024-02-29", "2027-02-28")]
    [InlineData("2024-02-29", "2024-03-01", "2027-02-28")]
    [InlineData("2027-02-28", "2027-03-01", "2030-02-28")]
    [InlineData("2025-02-28", "2025-03-01", "2028-02-28")]
    public void The_term_runs_three_years_from_the_day_after_the_first_decision_date(string decided, string starts, string lastDay)
    {
        Assert.Equal(D(starts), IntegrationLaw.TermStarts(D(decided)));
        Assert.Equal(D(lastDay), IntegrationLaw.TermLastDay(D(decided)));
    }

    [Theory]
    [InlineData("2026-01-15", "2027-07-15")]
    [InlineData("2026-08-31", "2028-02-29")]
    [InlineData("2025-08-31", "2027-02-28")]
    public void A_route_switch_is_allowed_until_eighteen_months_after_the_first_decision(string decided, string lastDay) =>
        Assert.Equal(D(lastDay), IntegrationLaw.RouteSwitchLastDay(D(decided)));

    [Theory]
    [InlineData("1998-06-10", "2026-06-09", true)]
    [InlineData("1998-06-10", "2026-06-10", false)]
    [InlineData("2000-02-29", "2028-02-28", true)]
    [InlineData("2000-02-29", "2028-02-29", false)]
    [InlineData("2010-01-01", "2026-11-23", true)]
    public void The_onderwijsroute_is_only_for_people_younger_than_28_on_the_decision_date(string born, string decided, bool allowed)
    {
        var refusal = IntegrationLaw.RouteRefusal(LearningRoute.Education, D(born), D(decided));

        Assert.Equal(allowed, refusal is null);
        if (!allowed)
        {
            Assert.StartsWith("De onderwijsroute is alleen mogelijk tot 28 jaar", refusal, StringComparison.Ordinal);
        }
        Assert.Null(IntegrationLaw.RouteRefusal(LearningRoute.B1, D(born), D(decided)));
        Assert.Null(IntegrationLaw.RouteRefusal(LearningRoute.Z, D(born), D(decided)));
    }

    [Theory]
    [InlineData("2026-03-10", "2026-03-24")]
    [InlineData("2026-12-25", "2027-01-08")]
    public void The_PVT_starts_within_two_weeks_of_housing(string housed, string due) =>
        Assert.Equal(D(due), IntegrationLaw.PvtStartDeadline(D(housed)));
}
