using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Plans;

/// <summary>Saves the draft plan: its terms, goals and steps, only when nobody changed it since the form was loaded.</summary>
public sealed class EditPlan(AppDbContext db, TimeProvider clock)
{
    public async Task<EditResult> HandleAsync(Guid newcomerId, PlanForm form, CancellationToken cancellationToken)
    {
        var born = await db.Newcomers.Where(n => n.Id == newcomerId).Select(n => (DateOnly?)n.DateOfBirth).SingleOrDefaultAsync(cancellationToken);
        var draft = born is null ? null : await LoadDraftAsync(db, newcomerId, cancellationToken);
        if (draft is null)
        {
            return EditResult.Missing;
        }
        var today = clock.InTheNetherlands();
        var errors = form.Check(today, born!.Value, draft.Steps.Select(s => s.Id).ToHashSet());
        if (errors.Count > 0)
        {
            return EditResult.Invalid(errors);
        }
        return await SaveVersionedChange.HandleAsync(db, draft, form.Version,
            p => p.Revise(form.Terms(), form.GoalsByDomain(), form.StepContents(), today), PlanChangedMeanwhile, cancellationToken);
    }

    public static EditResult PlanChangedMeanwhile { get; } = new(false, false, new Dictionary<string, string>(),
        "Iemand anders heeft dit plan intussen gewijzigd. Uw invoer staat hieronder nog; open het plan opnieuw om de nieuwe versie te zien en voer uw wijziging dan opnieuw in.");

    internal static Task<IntegrationPlan?> LoadDraftAsync(AppDbContext db, Guid newcomerId, CancellationToken cancellationToken) =>
        db.IntegrationPlans.Include(p => p.Goals).Include(p => p.Steps).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.NewcomerId == newcomerId && p.State == PlanState.Draft, cancellationToken);
}
