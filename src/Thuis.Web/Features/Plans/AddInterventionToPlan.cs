using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Interventions;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Plans;

/// <summary>The step an intervention from the guide becomes: what, in which domain, who and by when.</summary>
public sealed class AddInterventionForm
{
    public ParticipationDomain? Domain { get; set; }

    public string? What { get; set; }

    public StepOwner Owner { get; set; }

    [StringLength(200, ErrorMessage = "Hoogstens 200 tekens.")]
    public string? OwnerName { get; set; }

    public DateOnly? Due { get; set; }

    public bool LowThreshold { get; set; }

    /// <summary>The version of the plan being worked on when the form was loaded.</summary>
    public Guid Version { get; set; }

    public Dictionary<string, string> Check(DateOnly today, IReadOnlyCollection<ParticipationDomain> domains)
    {
        var errors = new Dictionary<string, string>();
        if (Domain is not { } domain || !domains.Contains(domain))
        {
            errors[nameof(Domain)] = "Kies het domein waarin deze stap valt.";
        }
        if (string.IsNullOrWhiteSpace(What))
        {
            errors[nameof(What)] = "Beschrijf wat de stap is.";
        }
        else if (What.Trim().Length > 500)
        {
            errors[nameof(What)] = "Hoogstens 500 tekens; maak de stap kleiner.";
        }
        if (Due is not { } due)
        {
            errors[nameof(Due)] = "Kies de datum waarop deze stap klaar moet zijn.";
        }
        else if (due < today)
        {
            errors[nameof(Due)] = "Een nieuwe stap kan niet in het verleden klaar moeten zijn.";
        }
        if (!Enum.IsDefined(Owner))
        {
            errors[nameof(Owner)] = "Kies wie deze stap zet.";
        }
        return errors;
    }
}

/// <summary>
/// An intervention from the guide about to become a step of someone's plan: the plan being worked on (a draft, or the
/// plan in force, which then gets a new draft version), the intervention and where it runs here.
/// </summary>
public sealed record InterventionForPlan(
    Guid PlanId, Guid NewcomerId, string Name, int WorkingNumber, bool MakesNewVersion,
    Guid InterventionId, string Intervention, IReadOnlyList<ParticipationDomain> Domains, string Offer, AddInterventionForm Form);

/// <summary>
/// Adds an intervention from the guide to a plan as a new step in one of its participation domains. A draft gets the
/// step directly, only when nobody changed it since the form was loaded; a plan in force is not changed but gets a new
/// draft version with the step, as "Nieuwe versie maken" would. The plan comes from the address: one of another
/// municipality is as unknown as one that does not exist.
/// </summary>
public sealed class AddInterventionToPlan(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    /// <summary>What the plan page says after the step was added (its <c>klaar</c> value).</summary>
    public const string Added = "interventie";

    public const string AddedToNewVersion = "interventie-nieuwe-versie";

    private const int OfferLength = 300;

    public async Task<InterventionForPlan?> LoadAsync(Guid planId, Guid interventionId, ParticipationDomain? domain, CancellationToken cancellationToken)
    {
        var context = await ContextAsync(planId, interventionId, cancellationToken);
        db.RecordAudit(AuditAction.View, nameof(IntegrationPlan), planId.ToString(),
            context is null ? AuditResult.NotFound : AuditResult.Success, SearchInterventions.Purpose, context?.Working.NewcomerId);
        await db.SaveChangesAsync(cancellationToken);
        if (context is null)
        {
            return null;
        }
        var (working, intervention, here) = context.Value;
        var chosen = domain is { } d && intervention.Domains.Contains(d) ? d : intervention.Domains[0];
        var form = new AddInterventionForm
        {
            Domain = chosen,
            What = $"Meedoen met {intervention.Name}",
            Owner = here is null ? StepOwner.CaseManager : StepOwner.Partner,
            OwnerName = here,
            Version = working.Version,
        };
        return new InterventionForPlan(planId, working.NewcomerId, await EditPlan.NameAsync(db, working.NewcomerId, cancellationToken) ?? "",
            working.Number, working.State == PlanState.Fixed, intervention.Id, intervention.Name, intervention.Domains, Offer(intervention.Name, here), form);
    }

    /// <returns>Saved with the plan page's address to return to; not found for an unknown plan or intervention.</returns>
    public async Task<Outcome<string>> HandleAsync(Guid planId, Guid interventionId, AddInterventionForm form, CancellationToken cancellationToken)
    {
        if (await ContextAsync(planId, interventionId, cancellationToken) is not { } context)
        {
            return Outcome.NotFound();
        }
        var (working, intervention, here) = context;
        var today = clock.InTheNetherlands();
        var errors = form.Check(today, intervention.Domains);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var content = new StepContent(null, form.Domain!.Value, form.What!, form.Owner, form.OwnerName, form.Due,
            form.LowThreshold, Offer(intervention.Name, here));
        var back = $"/dossiers/{working.NewcomerId}/plan?klaar=";

        if (await EditPlan.LoadDraftAsync(db, working.NewcomerId, cancellationToken) is { } draft)
        {
            var outcome = await SaveVersionedChange.HandleAsync(db, draft, form.Version, p => p.AddStep(content, today),
                EditPlan.PlanChangedMeanwhile, cancellationToken);
            return outcome.IsSaved ? Outcome.Saved(back + Added) : outcome;
        }
        var inForce = await db.IntegrationPlans.Include(p => p.Goals).Include(p => p.Steps).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.NewcomerId == working.NewcomerId && p.State == PlanState.Fixed, cancellationToken);
        if (inForce is null || inForce.Version != form.Version)
        {
            // The draft the form was loaded for was fixed or replaced meanwhile.
            return Outcome.Conflict(EditPlan.PlanChangedMeanwhile);
        }
        var next = inForce.NextVersion(currentUser.DisplayName, clock.GetUtcNow());
        next.AddStep(content, today);
        db.IntegrationPlans.Add(next);
        // Someone else may have opened the same version number a moment ago; then theirs stands and this one is refused.
        var saved = await SaveVersionedChange.SaveAsync(db, EditPlan.PlanChangedMeanwhile, cancellationToken);
        return saved.IsSaved ? Outcome.Saved(back + AddedToNewVersion) : saved;
    }

    private sealed record WorkingPlan(Guid NewcomerId, int Number, PlanState State, Guid Version);

    private sealed record GuideIntervention(Guid Id, string Name, IReadOnlyList<ParticipationDomain> Domains);

    /// <summary>
    /// The plan being worked on for the person whose plan the address names (a later version when that one was
    /// replaced meanwhile), the intervention as the municipality sees it, and who delivers it here.
    /// </summary>
    private async Task<(WorkingPlan Working, GuideIntervention Intervention, string? Here)?> ContextAsync(
        Guid planId, Guid interventionId, CancellationToken cancellationToken)
    {
        var newcomerId = await db.IntegrationPlans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => (Guid?)p.NewcomerId).SingleOrDefaultAsync(cancellationToken);
        var working = newcomerId is null ? null : await db.IntegrationPlans.AsNoTracking()
            .Where(p => p.NewcomerId == newcomerId && p.State != PlanState.Superseded)
            .OrderByDescending(p => p.Number)
            .Select(p => new WorkingPlan(p.NewcomerId, p.Number, p.State, p.Version))
            .FirstOrDefaultAsync(cancellationToken);
        var intervention = working is null ? null : await db.Interventions.AsNoTracking().VisibleTo(currentUser.MunicipalityId)
            .Where(i => i.Id == interventionId).SingleOrDefaultAsync(cancellationToken);
        if (working is null || intervention is null || intervention.Domains.Count == 0)
        {
            return null;
        }
        var here = await db.InterventionAvailabilities.AsNoTracking().Where(a => a.InterventionId == interventionId)
            .Join(db.Organisations, a => a.OrganisationId, o => o.Id, (a, o) => o.Name).FirstOrDefaultAsync(cancellationToken);
        return (working, new GuideIntervention(intervention.Id, intervention.Name, intervention.Domains), here);
    }

    /// <summary>The step's offer, as the plan's list of offers and interventions writes it: "what — who".</summary>
    private static string Offer(string intervention, string? here)
    {
        var offer = here is null ? intervention : $"{intervention} — {here}";
        return offer.Length <= OfferLength ? offer : offer[..OfferLength];
    }
}
