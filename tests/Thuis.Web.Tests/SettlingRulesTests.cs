using System.Globalization;
using Thuis.Web.Features.Milestones;

namespace Thuis.Web.Tests;

public sealed class SettlingRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static DateOnly D(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(null, false, false)]
    [InlineData("", true, true)]
    [InlineData("2019-05-01", false, true)]
    [InlineData("2023-05-01", true, false)]
    [InlineData("2022-11-23", false, true)]
    [InlineData("2022-11-24", true, false)]
    [InlineData("2008-11-24", false, true)]
    [InlineData("2008-11-23", true, true)]
    [InlineData("2010-01-01,2024-03-01", false, false)]
    [InlineData("?", false, false)]
    public void School_and_day_care_do_not_apply_when_the_intake_records_no_children_of_that_age(string? childrenBorn, bool schoolNotApplicable, bool dayCareNotApplicable)
    {
        var household = childrenBorn is null
            ? HouseholdFacts.Unknown
            : new HouseholdFacts(true, childrenBorn.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(b => b == "?" ? (DateOnly?)null : D(b)).ToList());

        Assert.Equal(schoolNotApplicable, household.NotApplicableBecause(SettlingApplies.SchoolAgeChildren, Today) is not null);
        Assert.Equal(dayCareNotApplicable, household.NotApplicableBecause(SettlingApplies.YoungChildren, Today) is not null);
        Assert.Null(household.NotApplicableBecause(SettlingApplies.Always, Today));
    }

    [Fact]
    public void Settling_is_complete_on_the_day_the_last_item_that_applies_was_arranged()
    {
        var checklist = new SettlingChecklist(Guid.NewGuid(), Guid.NewGuid());
        var childless = new HouseholdFacts(true, []);
        var applying = SettlingItems.All.Where(d => d.Applies == SettlingApplies.Always).ToList();
        Assert.Equal(12, applying.Count);

        for (var i = 0; i < applying.Count - 1; i++)
        {
            checklist.Record(applying[i].Code, SettlingItemStatus.Done, D("2026-07-01").AddDays(i), null, "Karin", Today);
        }
        var almost = SettlingProgress.Of(SettlingProgress.Rows(checklist, childless, Today));
        Assert.Equal((11, 12, false), (almost.Done, almost.Total, almost.Complete));

        checklist.Record(applying[^1].Code, SettlingItemStatus.NotApplicable, null, "Heeft geen uitkering.", "Karin", Today);
        var done = SettlingProgress.Of(SettlingProgress.Rows(checklist, childless, Today));
        Assert.Equal((11, 11), (done.Done, done.Total));
        Assert.Equal(D("2026-07-11"), done.CompletedOn);

        var withUnknownHousehold = SettlingProgress.Of(SettlingProgress.Rows(checklist, HouseholdFacts.Unknown, Today));
        Assert.Equal((11, 13, false), (withUnknownHousehold.Done, withUnknownHousehold.Total, withUnknownHousehold.Complete));
    }

    [Fact]
    public void An_item_keeps_who_ticked_it_until_its_status_or_date_changes()
    {
        var checklist = new SettlingChecklist(Guid.NewGuid(), Guid.NewGuid());
        checklist.Record("huisarts", SettlingItemStatus.Done, D("2026-08-03"), null, "Karin", Today);
        checklist.Record("huisarts", SettlingItemStatus.Done, D("2026-08-03"), "Dr. Jansen", "Cor", Today);
        Assert.Equal(("Karin", "Dr. Jansen"), (checklist.Item("huisarts")!.DoneBy, checklist.Item("huisarts")!.Note));

        checklist.Record("huisarts", SettlingItemStatus.Done, null, null, "Cor", Today);
        Assert.Equal((D("2026-08-03"), "Karin"), (checklist.Item("huisarts")!.DoneOn, checklist.Item("huisarts")!.DoneBy));

        checklist.Record("huisarts", SettlingItemStatus.Open, D("2026-08-03"), null, "Cor", Today);
        Assert.Equal((null, null), (checklist.Item("huisarts")!.DoneOn, checklist.Item("huisarts")!.DoneBy));

        // Arranged is never recorded without the day it was arranged.
        Assert.Throws<ArgumentException>(() => checklist.Record("digid", SettlingItemStatus.Done, null, null, "Cor", Today));
        Assert.Equal(SettlingItemStatus.Open, checklist.Item("digid")!.Status);
    }

    [Fact]
    public void An_item_that_does_not_apply_needs_a_reason_and_nothing_is_arranged_after_today()
    {
        var checklist = new SettlingChecklist(Guid.NewGuid(), Guid.NewGuid());

        Assert.Throws<ArgumentException>(() => checklist.Record("tandarts", SettlingItemStatus.NotApplicable, null, " ", "Karin", Today));
        Assert.Throws<ArgumentException>(() => checklist.Record("tandarts", SettlingItemStatus.Done, Today.AddDays(1), null, "Karin", Today));
        Assert.Throws<ArgumentException>(() => checklist.Record("paspoort", SettlingItemStatus.Done, Today, null, "Karin", Today));
        Assert.Equal(SettlingItemStatus.Open, checklist.Item("tandarts")!.Status);
    }

    [Fact]
    public void Participating_is_reached_with_at_least_one_activity_and_running_behind_says_what_is_in_the_way()
    {
        var participate = new Milestone(Guid.NewGuid(), Guid.NewGuid(), MilestoneKind.Participate);
        var now = DateTimeOffset.UtcNow;

        Assert.Throws<ArgumentException>(() => participate.Record(MilestoneState.Reached, D("2026-10-01"), [], null, "Karin", now, Today));
        Assert.Throws<ArgumentException>(() => participate.Record(MilestoneState.Reached, null, ["betaald werk"], null, "Karin", now, Today));
        Assert.Throws<ArgumentException>(() => participate.Record(MilestoneState.Behind, null, [], "  ", "Karin", now, Today));
        Assert.Throws<ArgumentException>(() => new Milestone(Guid.NewGuid(), Guid.NewGuid(), MilestoneKind.Settle));

        participate.Record(MilestoneState.Reached, D("2026-10-01"), ["betaald werk", "iets onbekends"], null, "Karin", now, Today);
        Assert.Equal("betaald werk", Assert.Single(participate.Signs));
    }
}
