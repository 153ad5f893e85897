using Thuis.Web.Features.Costs;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Tests;

/// <summary>
/// The arithmetic of costs and the budget (decision 0034), on plain lines: exact cents in decimal, one rounding rule,
/// committed and spent through enrolment, first attendance and unenrolment, interpreters and childcare before and
/// after the session's day, the forecast per month, and cost against result for a hand-built case.
/// </summary>
public sealed class CostArithmeticTests
{
    private static readonly DateOnly Today = new(2027, 4, 10);

    [Fact]
    public void Amounts_add_up_to_the_cent_and_a_shared_amount_is_rounded_half_a_cent_away_from_zero()
    {
        Assert.Equal(0.30m, 0.10m + 0.10m + 0.10m);
        Assert.Equal("€ 0,30", DutchFormat.Euro(0.10m * 3));
        Assert.Equal(333.33m, Euros.PerHead(1000.00m, 3));
        Assert.Equal("€ 333,33", DutchFormat.Euro(Euros.PerHead(1000.00m, 3)!.Value));
        Assert.Equal(666.67m, Euros.PerHead(2000.00m, 3));
        Assert.Equal(0.01m, Euros.Cents(0.005m));
        Assert.Equal(-0.01m, Euros.Cents(-0.005m));
        Assert.Null(Euros.PerHead(1000.00m, 0));
        Assert.Equal("€ 1.234,50", DutchFormat.Euro(1234.5m));
        Assert.Equal("-€ 12,00", DutchFormat.Euro(-12m));
    }

    [Theory]
    [InlineData("0", null)]
    [InlineData("12.34", null)]
    [InlineData("-0.01", "Een bedrag kan niet negatief zijn; vul 0 in of laat het leeg.")]
    [InlineData("12.345", "Vul een bedrag in hele centen in, met hoogstens twee cijfers achter de komma.")]
    [InlineData("25000.01", "Een bedrag is hier hoogstens € 25.000,00.")]
    public void A_price_is_not_negative_in_whole_cents_and_at_most_the_maximum(string amount, string? refusal) =>
        Assert.Equal(refusal, Euros.Refusal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), 25_000m));

    [Fact]
    public void An_enrolment_is_committed_from_its_date_spent_from_the_first_presence_and_gone_when_unenrolled_before_ever_coming()
    {
        var enrolled = new DateOnly(2027, 3, 1);
        var firstPresent = new DateOnly(2027, 3, 8);

        // Enrolled, not yet come: committed.
        Assert.Equal((enrolled, (DateOnly?)null), CostRules.Enrolment(enrolled, null, stillEnrolled: true, Today));
        // Present the day before, on the day, not yet the day after (a presence recorded ahead does not count).
        Assert.Equal((enrolled, (DateOnly?)Today.AddDays(-1)), CostRules.Enrolment(enrolled, Today.AddDays(-1), true, Today));
        Assert.Equal((enrolled, (DateOnly?)Today), CostRules.Enrolment(enrolled, Today, true, Today));
        Assert.Equal((enrolled, (DateOnly?)null), CostRules.Enrolment(enrolled, Today.AddDays(1), true, Today));
        // Came once and then left: still spent.
        Assert.Equal((enrolled, (DateOnly?)firstPresent), CostRules.Enrolment(enrolled, firstPresent, stillEnrolled: false, Today));
        // Unenrolled without ever coming: neither committed nor spent.
        Assert.Null(CostRules.Enrolment(enrolled, null, stillEnrolled: false, Today));
    }

    [Fact]
    public void An_interpreter_or_childcare_is_committed_until_the_sessions_day_has_passed()
    {
        Assert.Equal(Today.AddDays(-1), CostRules.SessionSpentOn(Today.AddDays(-1), Today));
        Assert.Null(CostRules.SessionSpentOn(Today, Today));
        Assert.Null(CostRules.SessionSpentOn(Today.AddDays(1), Today));
    }

    [Fact]
    public void A_referral_commits_its_cost_when_accepted_and_spends_it_when_started()
    {
        var accepted = new DateOnly(2027, 3, 1);
        Assert.Null(CostRules.Referral(ReferralState.Sent, null, null, Today));
        Assert.Null(CostRules.Referral(ReferralState.Declined, accepted, null, Today));
        Assert.Equal((accepted, (DateOnly?)null), CostRules.Referral(ReferralState.Accepted, accepted, null, Today));
        Assert.Equal((accepted, (DateOnly?)Today), CostRules.Referral(ReferralState.Started, accepted, Today, Today));
        Assert.Equal((accepted, (DateOnly?)new DateOnly(2027, 3, 5)), CostRules.Referral(ReferralState.Ended, accepted, new DateOnly(2027, 3, 5), Today));
    }

    [Fact]
    public void Still_going_at_three_months_counts_only_once_three_calendar_months_have_passed()
    {
        var started = new DateOnly(2027, 1, 10);
        Assert.True(CostRules.GroupGoingAtThreeMonths(started, stillEnrolled: true, null, Today));
        Assert.Null(CostRules.GroupGoingAtThreeMonths(Today.AddMonths(-3).AddDays(1), true, null, Today));
        Assert.False(CostRules.GroupGoingAtThreeMonths(started, stillEnrolled: false, new DateOnly(2027, 4, 9), Today));
        Assert.True(CostRules.GroupGoingAtThreeMonths(started, stillEnrolled: false, new DateOnly(2027, 4, 10), Today));
        Assert.True(CostRules.ReferralGoingAtThreeMonths(started, ReferralState.Started, null, null, Today));
        Assert.False(CostRules.ReferralGoingAtThreeMonths(started, ReferralState.Ended, new DateOnly(2027, 2, 1), ReferralOutcome.Stopped, Today));
        Assert.True(CostRules.ReferralGoingAtThreeMonths(started, ReferralState.Ended, new DateOnly(2027, 4, 10), ReferralOutcome.StillGoingAtThreeMonths, Today));
    }

    [Fact]
    public void Per_month_spent_committed_and_the_forecast_with_the_run_rate_of_the_last_three_months()
    {
        CostLine Line(decimal amount, DateOnly committed, DateOnly? spent) =>
            new(CostCategory.Interpreter, amount, committed, spent, null, "Taalschool", "groep:1", "Groep");
        var lines = new[]
        {
            Line(500.00m, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 1)),
            Line(98.25m, new DateOnly(2027, 2, 2), new DateOnly(2027, 2, 2)),
            Line(1000.00m, new DateOnly(2027, 3, 15), null),
            Line(131.00m, new DateOnly(2027, 4, 9), new DateOnly(2027, 4, 9)),
            Line(176.00m, new DateOnly(2027, 4, 10), null),
            Line(0.10m, new DateOnly(2026, 11, 3), null),
        };

        // January, February, March 2027 spent 98.25 together: 32.75 a month for the months after April.
        Assert.Equal(32.75m, BudgetFigures.RunRate(lines, Today));
        var months = BudgetFigures.Months(lines, 2027, Today);
        Assert.Equal(12, months.Count);
        // The open commitment of November 2026 counts in January.
        Assert.Equal((0m, 0.10m, 0.10m), (months[0].Spent, months[0].Committed, months[0].Forecast));
        Assert.Equal((98.25m, 0m, 98.25m), (months[1].Spent, months[1].Committed, months[1].Forecast));
        Assert.Equal((0m, 1000.00m, 1000.00m), (months[2].Spent, months[2].Committed, months[2].Forecast));
        Assert.Equal((131.00m, 176.00m, 307.00m), (months[3].Spent, months[3].Committed, months[3].Forecast));
        Assert.All(months.Skip(4), m => Assert.Equal((0m, 0m, 32.75m), (m.Spent, m.Committed, m.Forecast)));
        Assert.Equal(0.10m + 98.25m + 1000m + 307m + 8 * 32.75m, months.Sum(m => m.Forecast));
        // A year gone by has no run rate: only what happened.
        Assert.Equal(500.00m, BudgetFigures.Months(lines, 2026, Today).Sum(m => m.Forecast) - 0.10m);
    }

    [Fact]
    public void Cost_per_participant_and_per_participant_still_going_match_a_hand_built_group_and_offer()
    {
        // One group at € 1.000: Amal and Daan came and stay, Bilal came once and left after a month, Carla never
        // started (committed only). Interpreters € 229,25 spent. One offer of € 150 whose referral still runs.
        Guid amal = Guid.NewGuid(), bilal = Guid.NewGuid(), carla = Guid.NewGuid(), daan = Guid.NewGuid(), eva = Guid.NewGuid();
        var start = new DateOnly(2026, 12, 1);
        CostLine Course(Guid who, DateOnly? spent) => new(CostCategory.Lessons, 1000.00m, start, spent, who, "Taalschool", "groep:1", "Taalcursus");
        var picture = new CostPicture(
        [
            Course(amal, start), Course(bilal, start), Course(carla, null), Course(daan, start),
            new(CostCategory.Interpreter, 229.25m, start, start, null, "Taalschool", "groep:1", "Taalcursus"),
            new(CostCategory.Offer, 150.00m, new DateOnly(2026, 12, 10), new DateOnly(2026, 12, 15), eva, "Sportclub", "aanbod:1", "Zwemles"),
        ],
        [
            new("groep:1", "Taalcursus", "Taalschool", amal, start, true),
            new("groep:1", "Taalcursus", "Taalschool", bilal, start, false),
            new("groep:1", "Taalcursus", "Taalschool", daan, start, true),
            new("aanbod:1", "Zwemles", "Sportclub", eva, new DateOnly(2026, 12, 15), true),
        ], Today);

        var perSource = BudgetFigures.PerSource(picture);

        var course = Assert.Single(perSource, r => r.Label == "Taalcursus (Taalschool)");
        Assert.Equal(new ResultFigures("Taalcursus (Taalschool)", 3000.00m, 229.25m, 3, 1000.00m, 3, 2, 1500.00m), course);
        var offer = Assert.Single(perSource, r => r.Label == "Zwemles (Sportclub)");
        Assert.Equal(new ResultFigures("Zwemles (Sportclub)", 150.00m, 0m, 1, 150.00m, 1, 1, 150.00m), offer);
        Assert.Equal(["Sportclub", "Taalschool"], BudgetFigures.PerOrganisation(picture).Select(r => r.Label));
    }
}
