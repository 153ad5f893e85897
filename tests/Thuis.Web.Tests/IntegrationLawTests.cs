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
    [InlineData("2026-01-31", "2026-02-01", "2029-01-31")]
    [InlineData("2026-04-30", "2026-05-01", "2029-04-30")]
    [InlineData("2024-02-28", "2024-02-29", "2027-02-28")] // a start on 29 February: the anniversary is 1 March
    [InlineData("2024-02-29", "2024-03-01", "2027-02-28")]
    [InlineData("2027-02-27", "2027-02-28", "2030-02-27")]
    [InlineData("2027-02-28", "2027-03-01", "2030-02-28")]
    [InlineData("2023-02-28", "2023-03-01", "2026-02-28")]
    [InlineData("2025-02-28", "2025-03-01", "2028-02-29")] // ends in a leap February: the day before 1 March
    public void The_term_runs_three_years_from_the_day_after_the_first_decision_date(string decided, string starts, string lastDay)
    {
        Assert.Equal(D(starts), IntegrationLaw.TermStarts(D(decided)));
        Assert.Equal(D(lastDay), IntegrationLaw.TermLastDay(D(decided)));
    }

    [Fact]
    public void Every_term_ends_the_day_before_its_start_comes_round_three_years_later()
    {
        for (var decided = D("2019-01-01"); decided <= D("2041-12-31"); decided = decided.AddDays(1))
        {
            var starts = IntegrationLaw.TermStarts(decided);
            var anniversary = starts is { Month: 2, Day: 29 } ? new DateOnly(starts.Year + 3, 3, 1) : starts.AddYears(3);
            Assert.Equal(anniversary.AddDays(-1), IntegrationLaw.TermLastDay(decided));
        }
    }

    [Fact]
    public void Counting_three_years_from_the_decision_date_itself_is_a_day_short_only_when_the_term_ends_in_a_leap_February()
    {
        var differ = new List<DateOnly>();
        for (var decided = D("2019-01-01"); decided <= D("2041-12-31"); decided = decided.AddDays(1))
        {
            if (decided.AddYears(3) != IntegrationLaw.TermLastDay(decided))
            {
                differ.Add(decided);
            }
        }

        Assert.Equal([D("2021-02-28"), D("2025-02-28"), D("2029-02-28"), D("2033-02-28"), D("2037-02-28"), D("2041-02-28")], differ);
        Assert.All(differ, d => Assert.Equal(new DateOnly(d.Year + 3, 2, 29), IntegrationLaw.TermLastDay(d)));
    }

    [Theory]
    [InlineData("2026-01-15", "2027-07-15")]
    [InlineData("2026-06-20", "2027-12-20")]
    [InlineData("2026-08-31", "2028-02-29")]
    [InlineData("2025-08-31", "2027-02-28")]
    [InlineData("2026-08-28", "2028-02-28")] // starts 29 August; 29 February 2028 exists
    [InlineData("2025-08-28", "2027-02-28")] // starts 29 August; no 29 February 2027, so the anniversary is 1 March
    [InlineData("2026-04-30", "2027-10-31")] // starts 1 May: ends the day before 1 November
    [InlineData("2026-12-31", "2028-06-30")]
    public void A_route_switch_is_allowed_until_eighteen_months_after_the_term_starts(string decided, string lastDay)
    {
        Assert.Equal(D(lastDay), IntegrationLaw.RouteSwitchLastDay(D(decided)));
        Assert.Equal(IntegrationLaw.PeriodLastDay(IntegrationLaw.TermStarts(D(decided)), 18), IntegrationLaw.RouteSwitchLastDay(D(decided)));
    }

    [Theory]
    [InlineData(LearningRoute.B1, LearningRoute.Z, "2027-12-20", true)]
    [InlineData(LearningRoute.B1, LearningRoute.Z, "2027-12-21", false)]
    [InlineData(LearningRoute.Z, LearningRoute.B1, "2027-12-21", false)]
    [InlineData(LearningRoute.B1, LearningRoute.Education, "2027-12-21", false)]
    [InlineData(LearningRoute.Education, LearningRoute.Z, "2027-12-20", true)]
    [InlineData(LearningRoute.Education, LearningRoute.Z, "2027-12-21", false)]
    [InlineData(LearningRoute.Education, LearningRoute.B1, "2027-12-21", true)]
    [InlineData(LearningRoute.Education, LearningRoute.B1, "2029-06-20", true)]
    [InlineData(LearningRoute.Education, LearningRoute.B1, "2029-06-21", false)]
    [InlineData(LearningRoute.B1, LearningRoute.B1, "2030-01-01", true)]
    public void A_route_switch_is_bound_to_the_eighteen_months_except_from_the_onderwijsroute_to_B1(
        LearningRoute from, LearningRoute to, string decided, bool allowed)
    {
        var refusal = IntegrationLaw.RouteChangeRefusal(from, to, D("2026-06-20"), D(decided));

        Assert.Equal(allowed, refusal is null);
    }

    [Fact]
    public void A_switch_from_the_onderwijsroute_to_B1_is_allowed_throughout_the_term()
    {
        var first = D("2026-06-20");
        for (var decided = first; decided <= IntegrationLaw.TermLastDay(first); decided = decided.AddDays(1))
        {
            Assert.Null(IntegrationLaw.RouteChangeRefusal(LearningRoute.Education, LearningRoute.B1, first, decided));
        }
    }

    [Fact]
    public void No_route_switch_is_possible_after_the_term_unless_the_term_was_extended()
    {
        var after = IntegrationLaw.RouteChangeRefusal(LearningRoute.Education, LearningRoute.B1, D("2026-06-20"), D("2029-06-21"));
        var late = IntegrationLaw.RouteChangeRefusal(LearningRoute.B1, LearningRoute.Z, D("2026-06-20"), D("2029-06-21"));

        Assert.StartsWith("De inburgeringstermijn liep tot en met 20 juni 2029", after, StringComparison.Ordinal);
        Assert.StartsWith("De inburgeringstermijn liep tot en met 20 juni 2029", late, StringComparison.Ordinal);
        Assert.Null(IntegrationLaw.RouteChangeRefusal(LearningRoute.Education, LearningRoute.B1, D("2026-06-20"), D("2029-06-21"), D("2030-06-20")));
    }

    [Fact]
    public void A_switch_past_the_eighteen_months_is_refused_with_the_last_day_and_the_exception()
    {
        var refusal = IntegrationLaw.RouteChangeRefusal(LearningRoute.B1, LearningRoute.Z, D("2026-06-20"), D("2028-01-10"));

        Assert.StartsWith("Van leerroute wisselen kan tot en met 20 december 2027", refusal, StringComparison.Ordinal);
        Assert.Contains("Alleen van de onderwijsroute naar de B1-route kan daarna nog.", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1998-06-10", "2026-06-09", true)]
    [InlineData("1998-06-10", "2026-06-10", false)]
    [InlineData("2000-02-29", "2028-02-28", true)]
    [InlineData("2000-02-29", "2028-02-29", false)]
    [InlineData("1998-02-28", "2026-02-27", true)]
    [InlineData("1998-02-28", "2026-02-28", false)]
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
    [InlineData("1998-07-01", "2026-06-30", "2027-03-01", true)]   // given at 27, kept at 28
    [InlineData("1998-07-01", "2026-06-30", "2029-06-30", true)]   // kept until the term's end, at 31
    [InlineData("1998-07-01", "2026-07-01", "2027-03-01", false)]  // given on the 28th birthday: never allowed
    [InlineData("1998-07-01", null, "2027-03-01", false)]          // given now, at 28
    [InlineData("1998-07-01", "2027-03-01", "2026-06-30", true)]   // a "given" date after the decision is not a keeping
    public void The_onderwijsroute_age_counts_on_the_decision_date_of_the_plan_that_first_gave_it(
        string born, string? givenOn, string decided, bool allowed)
    {
        var refusal = IntegrationLaw.RouteRefusal(LearningRoute.Education, D(born), D(decided), givenOn is null ? null : D(givenOn));

        Assert.Equal(allowed, refusal is null);
    }

    [Fact]
    public void A_person_born_on_29_February_turns_28_on_1_March_in_a_year_without_one()
    {
        Assert.Null(IntegrationLaw.RouteRefusal(LearningRoute.Education, D("1998-02-28"), D("2026-02-27")));
        Assert.Null(IntegrationLaw.RouteRefusal(LearningRoute.Education, D("1996-02-29"), D("2024-02-28")));
        Assert.NotNull(IntegrationLaw.RouteRefusal(LearningRoute.Education, D("1996-02-29"), D("2024-02-29")));
        Assert.Equal(27, IntegrationLaw.AgeOn(D("1999-02-28"), D("2027-02-27")));
        Assert.Equal(26, IntegrationLaw.AgeOn(D("2000-02-29"), D("2027-02-28")));
        Assert.Equal(27, IntegrationLaw.AgeOn(D("2000-02-29"), D("2027-03-01")));
        Assert.Equal(27, IntegrationLaw.AgeOn(D("2000-02-29"), D("2028-02-28")));
        Assert.Equal(28, IntegrationLaw.AgeOn(D("2000-02-29"), D("2028-02-29")));
    }

    public static TheoryData<LearningRoute?[], string?> Runs => new()
    {
        { [], null },
        { [LearningRoute.Education], "2026-01-10" },
        { [LearningRoute.Education, LearningRoute.Education, LearningRoute.Education], "2026-01-10" },
        { [LearningRoute.B1, LearningRoute.Education, LearningRoute.Education], "2026-02-10" },
        { [LearningRoute.Education, LearningRoute.B1], null },
        { [LearningRoute.Education, LearningRoute.B1, LearningRoute.Education], "2026-03-10" },
        { [LearningRoute.Education, null, LearningRoute.Education], "2026-03-10" },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void The_onderwijsroute_is_given_by_the_first_version_of_the_run_that_still_gives_it(LearningRoute?[] routes, string? givenOn)
    {
        var versions = routes.Select((route, i) => new FixedRoute(D("2026-01-10").AddMonths(i), route));

        Assert.Equal(givenOn is null ? null : D(givenOn), IntegrationLaw.EducationGivenOn(versions));
    }

    [Theory]
    [InlineData("2008-05-10", "2026-05-10")]
    [InlineData("2008-12-31", "2026-12-31")]
    [InlineData("2008-01-01", "2026-01-01")]
    [InlineData("2008-02-28", "2026-02-28")]
    [InlineData("2008-02-29", "2026-03-01")] // no 29 February in 2026
    [InlineData("2012-02-29", "2030-03-01")]
    public void The_duty_starts_on_the_18th_birthday(string born, string starts)
    {
        Assert.Equal(D(starts), IntegrationLaw.DutyStarts(D(born)));
        Assert.True(IntegrationLaw.IsUnderDutyAge(D(born), D(starts).AddDays(-1)));
        Assert.False(IntegrationLaw.IsUnderDutyAge(D(born), D(starts)));
        Assert.False(IntegrationLaw.IsUnderDutyAge(D(born), D(starts).AddDays(1)));
    }

    [Fact]
    public void Someone_younger_than_18_has_no_PIP_or_PVT_deadline_but_a_note_of_when_the_duty_starts()
    {
        var deadlines = NewcomerDeadlines.On(D("2026-02-28"), D("2008-02-29"), D("2026-01-05"), D("2026-01-05"), null);

        Assert.True(deadlines.UnderDutyAge);
        Assert.Null(deadlines.PipDeadline);
        Assert.Null(deadlines.PvtStartDeadline);
        Assert.Equal(D("2026-03-01"), deadlines.DutyStarts);
        Assert.Equal("De inburgeringsplicht begint op 1 maart 2026 (18e verjaardag); tot dan gelden geen termijnen voor PIP en PVT.", deadlines.DutyNote);
    }

    [Fact]
    public void On_the_18th_birthday_the_PIP_and_PVT_deadlines_count_from_that_day()
    {
        var deadlines = NewcomerDeadlines.On(D("2026-03-01"), D("2008-02-29"), D("2026-01-05"), D("2026-01-05"), null, pipWeeks: 10, pvtStartDays: 14);

        Assert.False(deadlines.UnderDutyAge);
        Assert.Null(deadlines.DutyNote);
        Assert.Equal(D("2026-05-10"), deadlines.PipDeadline);
        Assert.Equal(D("2026-03-15"), deadlines.PvtStartDeadline);
    }

    [Fact]
    public void An_adult_has_the_deadlines_counted_from_registration_and_housing()
    {
        var deadlines = NewcomerDeadlines.On(D("2026-03-01"), D("1990-05-01"), D("2026-01-05"), D("2026-01-12"), D("2026-03-01"));

        Assert.Equal(D("2026-03-16"), deadlines.PipDeadline);
        Assert.Equal(D("2026-01-26"), deadlines.PvtStartDeadline);
        Assert.Equal(D("2029-03-01"), deadlines.TermLastDay);
        Assert.Equal(D("2027-09-01"), deadlines.RouteSwitchLastDay);
    }

    [Theory]
    [InlineData("2026-03-10", "2026-03-24")]
    [InlineData("2026-12-25", "2027-01-08")]
    public void The_PVT_starts_within_two_weeks_of_housing(string housed, string due) =>
        Assert.Equal(D(due), IntegrationLaw.PvtStartDeadline(D(housed)));

    [Theory]
    [InlineData("2026-03-01", "2026-08-31")]
    [InlineData("2026-01-31", "2026-07-30")]
    [InlineData("2026-08-31", "2027-02-28")] // 31 February does not exist: six months end on 28 February
    [InlineData("2027-08-31", "2028-02-29")] // in a leap year on 29 February
    [InlineData("2027-08-29", "2028-02-28")]
    [InlineData("2026-12-15", "2027-06-14")]
    public void Ontzorgen_lasts_six_months_counted_like_the_term(string from, string lastDay) =>
        Assert.Equal(D(lastDay), IntegrationLaw.OntzorgenMinimumLastDay(D(from)));

    [Theory]
    [InlineData(true, "2026-03-01", "2026-08-30", false)]
    [InlineData(true, "2026-03-01", "2026-08-31", true)]
    [InlineData(true, "2026-03-01", "2026-09-01", true)]
    [InlineData(true, "2026-03-01", null, true)] // open-ended: no end chosen yet
    [InlineData(false, "2026-03-01", "2026-04-30", true)] // not obliged: a shorter period is the municipality's choice
    public void Ontzorgen_that_the_law_obliges_is_refused_when_shorter_than_six_months(bool obliged, string from, string? until, bool accepted)
    {
        var refusal = IntegrationLaw.OntzorgenRefusal(obliged, D(from), until is null ? null : D(until));

        Assert.Equal(accepted, refusal is null);
        if (!accepted)
        {
            Assert.Equal("Een asielstatushouder met een uitkering wordt ten minste zes maanden ontzorgd (Participatiewet, art. 56a): tot en met 31 augustus 2026 of later.", refusal);
        }
    }

    [Theory]
    [InlineData(Thuis.Web.Features.Dossiers.TargetGroup.AsylumPermitHolder, Thuis.Web.Features.Intake.IncomeSource.Benefit, true)]
    [InlineData(Thuis.Web.Features.Dossiers.TargetGroup.AsylumPermitHolder, Thuis.Web.Features.Intake.IncomeSource.Work, false)]
    [InlineData(Thuis.Web.Features.Dossiers.TargetGroup.AsylumPermitHolder, null, false)]
    [InlineData(Thuis.Web.Features.Dossiers.TargetGroup.FamilyMigrant, Thuis.Web.Features.Intake.IncomeSource.Benefit, false)]
    public void Only_asylum_permit_holders_on_a_benefit_must_be_ontzorgd(
        Thuis.Web.Features.Dossiers.TargetGroup group, Thuis.Web.Features.Intake.IncomeSource? income, bool must) =>
        Assert.Equal(must, IntegrationLaw.MustOntzorgen(group, income));
}
