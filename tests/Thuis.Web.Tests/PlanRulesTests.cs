using Thuis.Web.Features.Plans;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>The plan's own rules, without the app around it.</summary>
public sealed class PlanRulesTests
{
    private static readonly DateOnly Today = new(2026, 9, 1);
    private static readonly DateTimeOffset Now = new(2026, 9, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_fixed_plan_refuses_changes_but_a_new_version_copies_its_steps_and_their_progress()
    {
        var plan = Drafted(new StepContent(null, ParticipationDomain.Meeting, "Koor", StepOwner.Newcomer, null, Today.AddDays(7), true, null));
        plan.Fix(Today, "Karin", Now);
        plan.RecordProgress(plan.Steps[0].Id, StepStatus.Doing, null, Today.AddDays(2));

        Assert.Throws<InvalidOperationException>(() => plan.Revise(plan.Terms, new Dictionary<ParticipationDomain, string>(), [], Today));
        var next = plan.NextVersion("Karin", Now);

        Assert.Equal(2, next.Number);
        Assert.Equal(PlanState.Draft, next.State);
        Assert.Null(next.DecisionDate);
        Assert.Equal(LearningRoute.B1, next.LearningRoute);
        var copied = Assert.Single(next.Steps);
        Assert.NotEqual(plan.Steps[0].Id, copied.Id);
        Assert.Equal(("Koor", StepStatus.Doing, Today.AddDays(2)), (copied.What, copied.Status, copied.StatusSince));
        Assert.Equal("Samen zingen", Assert.Single(next.Goals).Description);
    }

    [Fact]
    public void A_plan_is_fixed_only_with_a_route_a_main_goal_and_a_step_and_a_replaced_version_no_longer_changes()
    {
        var empty = IntegrationPlan.FirstDraft(People.Newcomer(Guid.NewGuid(), "Amal", "Idris", new DateOnly(1990, 1, 1)), "Karin", Now);
        Assert.Throws<InvalidOperationException>(() => empty.Fix(Today, "Karin", Now));

        var plan = Drafted(new StepContent(null, ParticipationDomain.PaidWork, "Cv maken", StepOwner.Volunteer, "jobcoach", Today, false, null));
        plan.Fix(Today, "Karin", Now);
        plan.Supersede();
        Assert.Throws<InvalidOperationException>(() => plan.RecordProgress(plan.Steps[0].Id, StepStatus.Done, null, Today));
        Assert.Throws<InvalidOperationException>(() => plan.NextVersion("Karin", Now));
    }

    [Fact]
    public void A_stopped_step_keeps_its_reason_and_the_day_its_status_changed()
    {
        var plan = Drafted(new StepContent(null, ParticipationDomain.SelfReliance, "DigiD", StepOwner.CaseManager, null, Today, false, null));
        var step = plan.Steps[0];

        Assert.Throws<ArgumentException>(() => plan.RecordProgress(step.Id, StepStatus.Dropped, " ", Today));
        plan.RecordProgress(step.Id, StepStatus.Dropped, " Heeft al DigiD ", Today.AddDays(3));
        Assert.Equal(("Heeft al DigiD", Today.AddDays(3)), (step.DroppedReason, step.StatusSince));

        plan.RecordProgress(step.Id, StepStatus.Dropped, "Heeft al DigiD", Today.AddDays(9));
        Assert.Equal(Today.AddDays(3), step.StatusSince);
        plan.RecordProgress(step.Id, StepStatus.Done, "vergeten", Today.AddDays(10));
        Assert.Null(step.DroppedReason);
    }

    [Theory]
    // status, due in days (null: no date), counts as running at once
    [InlineData(StepStatus.Doing, 200, true)]
    [InlineData(StepStatus.Planned, 28, true)]
    [InlineData(StepStatus.Planned, 29, false)]
    [InlineData(StepStatus.Planned, -5, true)]
    [InlineData(StepStatus.Planned, null, true)]
    [InlineData(StepStatus.Done, 3, false)]
    [InlineData(StepStatus.Dropped, 3, false)]
    public void Steps_at_once_are_those_under_way_and_those_planned_within_four_weeks(StepStatus status, int? dueInDays, bool counts)
    {
        var plan = Drafted(new StepContent(null, ParticipationDomain.Meeting, "Stap", StepOwner.Newcomer, null,
            dueInDays is { } d ? Today.AddDays(d) : null, false, null));
        if (status != StepStatus.Planned)
        {
            plan.RecordProgress(plan.Steps[0].Id, status, "reden", Today);
        }

        Assert.Equal(counts ? 1 : 0, PlanNudges.StepsAtOnce(plan.Steps, Today));
    }

    [Fact]
    public void Only_a_fun_step_in_meeting_that_is_not_dropped_satisfies_the_nudge()
    {
        var funElsewhere = Drafted(new StepContent(null, ParticipationDomain.ContributingToSociety, "Buurtmaaltijd", StepOwner.Newcomer, null, Today, true, null));
        Assert.True(PlanNudges.LacksFunMeetingStep(funElsewhere.Steps));

        var fun = Drafted(new StepContent(null, ParticipationDomain.Meeting, "Voetbal", StepOwner.Newcomer, null, Today, true, null));
        Assert.False(PlanNudges.LacksFunMeetingStep(fun.Steps));
        fun.RecordProgress(fun.Steps[0].Id, StepStatus.Dropped, "blessure", Today);
        Assert.True(PlanNudges.LacksFunMeetingStep(fun.Steps));
    }

    private static IntegrationPlan Drafted(params StepContent[] steps)
    {
        var plan = IntegrationPlan.FirstDraft(People.Newcomer(Guid.NewGuid(), "Amal", "Idris", new DateOnly(1990, 1, 1)), "Karin", Now);
        plan.Revise(new PlanTerms(LearningRoute.B1, MainGoal.Work, null, 4, 4, null, null, null, null, 6, null, 1),
            new Dictionary<ParticipationDomain, string> { [steps[0].Domain] = "Samen zingen" }, steps, Today);
        return plan;
    }
}
