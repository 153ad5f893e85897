using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Plans;

/// <summary>
/// What a page about a newcomer's working plan reads: their name, and the plan part it shows — none when there is no
/// such plan (the plan page offers to start one). The page itself is null when the newcomer is not found.
/// </summary>
public sealed record NewcomerPlan<T>(string Name, T? Plan) where T : class;

/// <summary>
/// The draft as the edit page shows it: the form, the offers to choose from and what the intake says. When the plan
/// has no wishes yet, the form starts with the intake's (<see cref="WishesFromIntake"/>); what was typed stays.
/// </summary>
public sealed record PlanEditing(Guid PlanId, int Number, PlanForm Form, IReadOnlyList<string> OfferChoices, IntakeSummary Intake, bool WishesFromIntake);

/// <summary>Saves the draft plan: its terms, goals and steps, only when nobody changed it since the form was loaded.</summary>
public sealed class EditPlan(AppDbContext db, TimeProvider clock)
{
    public async Task<NewcomerPlan<PlanEditing>?> LoadAsync(Guid newcomerId, CancellationToken cancellationToken)
    {
        if (await ReadDossier.NameAsync(db, newcomerId, nameof(IntegrationPlan), "Plan bewerken", cancellationToken) is not { } name)
        {
            return null;
        }
        var draft = await db.IntegrationPlans.AsNoTracking().AsSplitQuery().Include(p => p.Goals).Include(p => p.Steps)
            .SingleOrDefaultAsync(p => p.NewcomerId == newcomerId && p.State == PlanState.Draft, cancellationToken);
        if (draft is null)
        {
            return new(name, null);
        }
        var form = PlanForm.From(draft);
        var intake = await IntakeSummary.ReadAsync(db, newcomerId, cancellationToken);
        var fromIntake = form.NewcomerWishes is null && intake.WishesInOwnWords is not null;
        if (fromIntake)
        {
            form.NewcomerWishes = intake.WishesInOwnWords;
        }
        return new(name, new PlanEditing(draft.Id, draft.Number, form, await OfferChoicesAsync(cancellationToken), intake, fromIntake));
    }

    public async Task<Outcome> HandleAsync(Guid newcomerId, PlanForm form, CancellationToken cancellationToken)
    {
        var person = await db.Newcomers.Where(n => n.Id == newcomerId)
            .Select(n => new
            {
                n.DateOfBirth,
                n.RegistrationDate,
                n.TargetGroup,
                Income = db.Set<FinancesSection>().Where(f => f.NewcomerId == n.Id).Select(f => (IncomeSource?)f.IncomeSource).FirstOrDefault(),
            }).SingleOrDefaultAsync(cancellationToken);
        var draft = person is null ? null : await LoadDraftAsync(db, newcomerId, cancellationToken);
        if (draft is null)
        {
            return Outcome.NotFound();
        }
        var fixedRoutes = await db.IntegrationPlans.Where(p => p.NewcomerId == newcomerId && p.DecisionDate != null)
            .OrderBy(p => p.Number).Select(p => new FixedRoute(p.DecisionDate!.Value, p.LearningRoute)).ToListAsync(cancellationToken);
        var earliestDecision = fixedRoutes.Count > 0 ? fixedRoutes[^1].DecisionDate : person!.RegistrationDate;
        var today = clock.InTheNetherlands();
        var errors = form.Check(today, person!.DateOfBirth, draft.Steps.Select(s => s.Id).ToHashSet(),
            earliestDecision, IntegrationLaw.EducationGivenOn(fixedRoutes), IntegrationLaw.MustOntzorgen(person.TargetGroup, person.Income));
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        return await SaveVersionedChange.HandleAsync(db, draft, form.Version,
            p => p.Revise(form.Terms(), form.GoalsByDomain(), form.StepContents(), today), PlanChangedMeanwhile, cancellationToken);
    }

    public const string PlanChangedMeanwhile =
        "Iemand anders heeft dit plan intussen gewijzigd. Uw invoer staat hieronder nog; open het plan opnieuw om de nieuwe versie te zien en voer uw wijziging dan opnieuw in.";

    internal static Task<string?> NameAsync(AppDbContext db, Guid newcomerId, CancellationToken cancellationToken) =>
        db.Newcomers.AsNoTracking().Where(n => n.Id == newcomerId).Select(n => n.GivenNames + " " + n.FamilyName).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The municipality's active offers and the interventions available here, as "what — who" texts.</summary>
    private async Task<IReadOnlyList<string>> OfferChoicesAsync(CancellationToken cancellationToken)
    {
        var offers = await db.Offers.AsNoTracking().Where(o => o.Active)
            .Join(db.Organisations, o => o.OrganisationId, g => g.Id, (o, g) => o.Title + " — " + g.Name).ToListAsync(cancellationToken);
        var interventions = await db.InterventionAvailabilities.AsNoTracking()
            .Join(db.Interventions, a => a.InterventionId, i => i.Id, (a, i) => new { i.Name, a.OrganisationId })
            .Join(db.Organisations, x => x.OrganisationId, g => g.Id, (x, g) => x.Name + " — " + g.Name).ToListAsync(cancellationToken);
        return [.. offers.Concat(interventions).Distinct().Order(StringComparer.CurrentCulture)];
    }

    internal static Task<IntegrationPlan?> LoadDraftAsync(AppDbContext db, Guid newcomerId, CancellationToken cancellationToken) =>
        db.IntegrationPlans.Include(p => p.Goals).Include(p => p.Steps).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.NewcomerId == newcomerId && p.State == PlanState.Draft, cancellationToken);
}
