using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Interventions;

public sealed record InterventionEditing(InterventionForm Form, bool MayEdit);

/// <summary>
/// Adds an intervention to the guide or changes one: administrators keep the shared catalogue, coordinators add
/// and keep their municipality's own interventions. Another municipality's additions are never found.
/// </summary>
public sealed class SaveIntervention(AppDbContext db, CurrentUser currentUser)
{
    public const string ChangedMeanwhile =
        "Iemand anders heeft deze interventie intussen gewijzigd. Uw invoer staat hieronder nog; open de interventie opnieuw om de nieuwe gegevens te zien en voer uw wijziging dan opnieuw in.";

    public const string SharedIsForAdministrators =
        "Alleen een functioneel beheerder wijzigt de gedeelde catalogus. Voeg zelf een interventie voor uw gemeente toe.";

    public bool MayChooseShared => currentUser.IsInRole(Roles.Administrator);

    public async Task<InterventionEditing?> LoadAsync(Guid interventionId, CancellationToken cancellationToken)
    {
        var intervention = await db.Interventions.AsNoTracking().VisibleTo(currentUser.MunicipalityId)
            .SingleOrDefaultAsync(i => i.Id == interventionId, cancellationToken);
        return intervention is null ? null : new InterventionEditing(InterventionForm.From(intervention), InterventionAccess.MayEdit(currentUser, intervention));
    }

    /// <summary>Adds an intervention; the new id on success.</summary>
    public async Task<Outcome<Guid>> CreateAsync(InterventionForm form, CancellationToken cancellationToken)
    {
        if (form.RuleErrors() is { Count: > 0 } errors)
        {
            return Outcome.Invalid(errors);
        }
        var municipalityId = currentUser.MunicipalityId ?? throw new InvalidOperationException("Zonder gemeente kan niets worden toegevoegd.");
        var shared = form.Shared && MayChooseShared;
        var intervention = new Intervention(shared ? null : municipalityId, form.ToDetails(isExample: false));
        db.Interventions.Add(intervention);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Saved(intervention.Id);
    }

    public async Task<Outcome> HandleAsync(Guid interventionId, InterventionForm form, CancellationToken cancellationToken)
    {
        var intervention = await db.Interventions.VisibleTo(currentUser.MunicipalityId).SingleOrDefaultAsync(i => i.Id == interventionId, cancellationToken);
        if (intervention is null)
        {
            return Outcome.NotFound();
        }
        if (!InterventionAccess.MayEdit(currentUser, intervention))
        {
            return Outcome.Refused(SharedIsForAdministrators);
        }
        if (form.RuleErrors() is { Count: > 0 } errors)
        {
            return Outcome.Invalid(errors);
        }
        return await SaveVersionedChange.HandleAsync(db, intervention, form.Version, i => i.Update(form.ToDetails(i.IsExample)), ChangedMeanwhile, cancellationToken);
    }
}
