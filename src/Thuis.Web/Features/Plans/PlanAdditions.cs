using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Plans;

/// <summary>
/// Puts new steps after the others in the plan being worked on, by the rules of a fixed plan: a draft gets them
/// directly, only when nobody changed it since the form was loaded; a plan in force is not changed but gets a new draft
/// version with the steps, as "Nieuwe versie maken" would.
/// </summary>
internal static class PlanAdditions
{
    /// <returns>Saved with true when a new draft version was made; not found when the person has no plan here.</returns>
    public static async Task<Outcome<bool>> AddStepsAsync(AppDbContext db, CurrentUser currentUser, TimeProvider clock, Guid newcomerId,
        Guid loadedVersion, Func<DateOnly, IReadOnlyList<StepContent>> steps, CancellationToken cancellationToken)
    {
        var today = clock.InTheNetherlands();
        if (await EditPlan.LoadDraftAsync(db, newcomerId, cancellationToken) is { } draft)
        {
            var outcome = await SaveVersionedChange.HandleAsync(db, draft, loadedVersion, p =>
            {
                foreach (var step in steps(today))
                {
                    p.AddStep(step, today);
                }
            }, EditPlan.PlanChangedMeanwhile, cancellationToken);
            return outcome.IsSaved ? Outcome.Saved(false) : outcome;
        }
        var inForce = await db.IntegrationPlans.Include(p => p.Goals).Include(p => p.Steps).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.NewcomerId == newcomerId && p.State == PlanState.Fixed, cancellationToken);
        if (inForce is null)
        {
            return Outcome.NotFound();
        }
        if (inForce.Version != loadedVersion)
        {
            // The draft the form was loaded for was fixed or replaced meanwhile.
            return Outcome.Conflict(EditPlan.PlanChangedMeanwhile);
        }
        var next = inForce.NextVersion(currentUser.DisplayName, clock.GetUtcNow());
        foreach (var step in steps(today))
        {
            next.AddStep(step, today);
        }
        db.IntegrationPlans.Add(next);
        // Someone else may have opened the same version number a moment ago; then theirs stands and this one is refused.
        var saved = await SaveVersionedChange.SaveAsync(db, EditPlan.PlanChangedMeanwhile, cancellationToken);
        return saved.IsSaved ? Outcome.Saved(true) : saved;
    }

    /// <summary>The plan being worked on: the one in force, or the draft after it (the newest that is not replaced).</summary>
    public static IQueryable<IntegrationPlan> Working(AppDbContext db, Guid newcomerId) =>
        db.IntegrationPlans.Where(p => p.NewcomerId == newcomerId && p.State != PlanState.Superseded).OrderByDescending(p => p.Number);
}
