using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Matching;

/// <summary>What a person carries now: the plan's steps at once, its PVT and MAP hours a week, and proposals still open.</summary>
public sealed record Load(int StepsAtOnce, int LessonHoursPerWeek, int OpenProposals)
{
    /// <summary>PVT and MAP lessons weigh as one more thing to do for every this many hours a week.</summary>
    public const int HoursPerThing = 4;

    public int Things => StepsAtOnce + OpenProposals + (LessonHoursPerWeek / HoursPerThing);

    /// <summary>Together more than the plan's own limit for steps at once: one more proposal would ask too much.</summary>
    public bool TooMuch => Things >= PlanNudges.MaxStepsAtOnce;

    public string Warning(string name) =>
        $"Let op overvragen: {name} heeft nu {StepsAtOnce} {(StepsAtOnce == 1 ? "stap" : "stappen")} uit het plan tegelijk, "
        + $"{LessonHoursPerWeek} uur PVT en MAP per week en {OpenProposals} {(OpenProposals == 1 ? "voorstel dat wacht op antwoord of loopt" : "voorstellen die wachten op antwoord of lopen")}. "
        + "Samen is dat veel; bespreek eerst wat er af kan of later kan, voordat u nog iets voorstelt.";
}

/// <summary>
/// Weighs a plan and proposals together, so a suggestion or a round does not add to someone who already has too much
/// at once (the seeds: someone over-asked drops out). The plan in force counts, or the draft when there is none yet.
/// </summary>
public sealed class WeighLoad(AppDbContext db, TimeProvider clock)
{
    public async Task<Load> HandleAsync(Guid newcomerId, CancellationToken cancellationToken)
    {
        var plan = await db.IntegrationPlans.AsNoTracking().Include(p => p.Steps)
            .Where(p => p.NewcomerId == newcomerId && (p.State == PlanState.Fixed || p.State == PlanState.Draft))
            .OrderBy(p => p.State == PlanState.Fixed ? 0 : 1).ThenByDescending(p => p.Number)
            .FirstOrDefaultAsync(cancellationToken);
        var open = await db.Proposals.AsNoTracking()
            .Where(p => p.NewcomerId == newcomerId && (p.Answer == NewcomerAnswer.Pending
                || (p.Answer == NewcomerAnswer.Yes && p.ArrangedEndedOn == null
                    && !db.Referrals.Any(r => r.ProposalId == p.Id && (r.State == ReferralState.Declined || r.State == ReferralState.Ended)))))
            .CountAsync(cancellationToken);
        return new Load(
            plan is null ? 0 : PlanNudges.StepsAtOnce(plan.Steps, clock.InTheNetherlands()),
            (plan?.PvtHoursPerWeek ?? 0) + (plan?.MapHoursPerWeek ?? 0),
            open);
    }
}
