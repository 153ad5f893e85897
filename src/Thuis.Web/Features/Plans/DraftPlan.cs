using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Plans;

/// <summary>
/// Opens a draft to work on: the first plan, or a new version that starts as a copy of the plan in force.
/// When a draft already exists, that draft is the one to work on.
/// </summary>
public sealed class DraftPlan(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    /// <returns>Not found when the newcomer is not one of the municipality's.</returns>
    public async Task<Outcome> HandleAsync(Guid newcomerId, CancellationToken cancellationToken)
    {
        var newcomer = await db.Newcomers.SingleOrDefaultAsync(n => n.Id == newcomerId, cancellationToken);
        if (newcomer is null)
        {
            return Outcome.NotFound();
        }
        var newest = await db.IntegrationPlans.Include(p => p.Goals).Include(p => p.Steps).AsSplitQuery()
            .Where(p => p.NewcomerId == newcomerId).OrderByDescending(p => p.Number).FirstOrDefaultAsync(cancellationToken);
        if (newest is { State: PlanState.Draft })
        {
            return Outcome.Saved();
        }
        db.IntegrationPlans.Add(newest is null
            ? IntegrationPlan.FirstDraft(newcomer, currentUser.DisplayName, clock.GetUtcNow())
            : newest.NextVersion(currentUser.DisplayName, clock.GetUtcNow()));
        // Someone else may have opened the same version number a moment ago; then their draft is the one to work on.
        await SaveVersionedChange.SaveAsync(db, EditPlan.PlanChangedMeanwhile, cancellationToken);
        return Outcome.Saved();
    }
}
