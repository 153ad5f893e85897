using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Plans;

public sealed class FixPlanForm
{
    public DateOnly? DecisionDate { get; set; }

    public Guid Version { get; set; }
}

public sealed record PlanFixing(int Number, DateOnly? FirstDecision, DateOnly? TermLastDay, FixPlanForm Form);

/// <summary>
/// Fixes the draft as the plan in force on its decision date (dagtekening). The previous version, if any, is
/// replaced but kept. The law's rules are checked here (docs/law.md): the onderwijsroute only when the plan that first
/// gave it was fixed before the 28th birthday, a route switch only within 18 months of the term's start (from the
/// onderwijsroute to the B1-route throughout the term, as DUO extended or renewed it), no switch after the term, and a decision date that follows
/// the one before.
/// </summary>
public sealed class FixPlan(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    /// <summary>The draft to fix, proposing today as its decision date.</summary>
    public async Task<NewcomerPlan<PlanFixing>?> LoadAsync(Guid newcomerId, CancellationToken cancellationToken)
    {
        if (await ReadDossier.NameAsync(db, newcomerId, nameof(IntegrationPlan), "Plan vaststellen", cancellationToken) is not { } name)
        {
            return null;
        }
        var draft = await db.IntegrationPlans.AsNoTracking()
            .Where(p => p.NewcomerId == newcomerId && p.State == PlanState.Draft).Select(p => new { p.Number, p.Version }).SingleOrDefaultAsync(cancellationToken);
        if (draft is null)
        {
            return new(name, null);
        }
        var firstDecision = await db.IntegrationPlans.Where(p => p.NewcomerId == newcomerId && p.DecisionDate != null)
            .OrderBy(p => p.Number).Select(p => p.DecisionDate).FirstOrDefaultAsync(cancellationToken);
        var termLastDay = await NewcomerDeadlines.TermLastDayAsync(db, newcomerId, firstDecision, cancellationToken);
        return new(name, new PlanFixing(draft.Number, firstDecision, termLastDay,
            new FixPlanForm { DecisionDate = clock.InTheNetherlands(), Version = draft.Version }));
    }

    public async Task<Outcome> HandleAsync(Guid newcomerId, FixPlanForm form, CancellationToken cancellationToken)
    {
        var newcomer = await db.Newcomers.AsNoTracking().SingleOrDefaultAsync(n => n.Id == newcomerId, cancellationToken);
        var draft = newcomer is null ? null : await EditPlan.LoadDraftAsync(db, newcomerId, cancellationToken);
        if (draft is null)
        {
            return Outcome.NotFound();
        }
        var inForce = await db.IntegrationPlans.SingleOrDefaultAsync(p => p.NewcomerId == newcomerId && p.State == PlanState.Fixed, cancellationToken);
        var fixedRoutes = await db.IntegrationPlans.Where(p => p.NewcomerId == newcomerId && p.DecisionDate != null)
            .OrderBy(p => p.Number).Select(p => new FixedRoute(p.DecisionDate!.Value, p.LearningRoute)).ToListAsync(cancellationToken);
        DateOnly? firstDecision = fixedRoutes.Count > 0 ? fixedRoutes[0].DecisionDate : null;

        var missing = new List<string>();
        if (draft.LearningRoute is null)
        {
            missing.Add("een leerroute");
        }
        if (draft.MainGoal is null)
        {
            missing.Add("een hoofddoel");
        }
        if (draft.Steps.Count == 0)
        {
            missing.Add("ten minste één kleine stap");
        }
        if (missing.Count > 0)
        {
            return Outcome.Refused(
                $"Het plan mist nog {string.Join(" en ", missing)}. Vul het plan eerst aan.");
        }

        var errors = new Dictionary<string, string>();
        var today = clock.InTheNetherlands();
        if (form.DecisionDate is not { } decided)
        {
            errors[nameof(FixPlanForm.DecisionDate)] = "Vul de dagtekening in: de datum waarop het plan wordt vastgesteld.";
        }
        else if (decided > today)
        {
            errors[nameof(FixPlanForm.DecisionDate)] = "De dagtekening kan niet in de toekomst liggen.";
        }
        else if (decided < newcomer!.RegistrationDate)
        {
            errors[nameof(FixPlanForm.DecisionDate)] = $"De dagtekening ligt vóór de inschrijving in de gemeente ({DutchFormat.Date(newcomer.RegistrationDate)}).";
        }
        else if (inForce?.DecisionDate is { } previous && decided < previous)
        {
            errors[nameof(FixPlanForm.DecisionDate)] = $"De dagtekening ligt vóór die van de vorige versie ({DutchFormat.Date(previous)}).";
        }
        else if (IntegrationLaw.RouteRefusal(draft.LearningRoute!.Value, newcomer.DateOfBirth, decided,
            IntegrationLaw.EducationGivenOn(fixedRoutes)) is { } refusal)
        {
            errors[nameof(FixPlanForm.DecisionDate)] = refusal;
        }
        else if (inForce?.LearningRoute is { } current && firstDecision is { } first
            && IntegrationLaw.RouteChangeRefusal(current, draft.LearningRoute!.Value, first, decided,
                await NewcomerDeadlines.TermLastDayAsync(db, newcomerId, first, cancellationToken)) is { } switchRefusal)
        {
            errors[nameof(FixPlanForm.DecisionDate)] = switchRefusal;
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        return await SaveVersionedChange.HandleAsync(db, draft, form.Version, p =>
        {
            inForce?.Supersede();
            p.Fix(form.DecisionDate!.Value, currentUser.DisplayName, clock.GetUtcNow());
        }, EditPlan.PlanChangedMeanwhile, cancellationToken);
    }
}
