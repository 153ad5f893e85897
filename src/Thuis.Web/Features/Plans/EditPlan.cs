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
        var person = await db.Newcomers.Where(n => n.Id == newcomerId)
            .Select(n => new { n.DateOfBirth, n.RegistrationDate }).SingleOrDefaultAsync(cancellationToken);
        var draft = person is null ? null : await LoadDraftAsync(db, newcomerId, cancellationToken);
        if (draft is null)
        {
            return EditResult.Missing;
        }
        var fixedRoutes = await db.IntegrationPlans.Where(p => p.NewcomerId == newcomerId && p.DecisionDate != null)
            .OrderBy(p => p.Number).Select(p => new FixedRoute(p.DecisionDate!.Value, p.LearningRoute)).ToListAsync(cancellationToken);
        var earliestDecision = fixedRoutes.Count > 0 ? fixedRoutes[^1].DecisionDate : person!.RegistrationDate;
        var today = clock.InTheNetherlands();
        var errors = form.Check(today, person!.DateOfBirth, draft.Steps.Select(s => s.Id).ToHashSet(),
            earliestDecision, IntegrationLaw.EducationGivenOn(fixedRoutes));
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
