using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Organisations;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.SocialMap;

/// <summary>Puts an organisation on the social map or changes it; refused when someone else changed it since the form was loaded.</summary>
public sealed class EditOrganisation(AppDbContext db, CurrentUser currentUser)
{
    public const string ChangedMeanwhile =
        "Iemand anders heeft deze organisatie intussen gewijzigd. Uw invoer staat hieronder nog; open de organisatie opnieuw om de nieuwe gegevens te zien en voer uw wijziging dan opnieuw in.";

    public async Task<OrganisationForm?> LoadAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        return organisation is null ? null : OrganisationForm.From(organisation);
    }

    public async Task<Outcome<Guid>> CreateAsync(OrganisationForm form, CancellationToken cancellationToken)
    {
        var municipalityId = currentUser.MunicipalityId ?? throw new InvalidOperationException("Geen gemeente.");
        var errors = await CheckAsync(null, form, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var organisation = new Organisation(municipalityId, form.ToDetails());
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Saved(organisation.Id);
    }

    public async Task<Outcome> HandleAsync(Guid organisationId, OrganisationForm form, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        if (organisation is null)
        {
            return Outcome.NotFound();
        }
        var errors = await CheckAsync(organisationId, form, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        return await SaveVersionedChange.HandleAsync(db, organisation, form.Version, o => o.Update(form.ToDetails()), ChangedMeanwhile, cancellationToken);
    }

    private async Task<Dictionary<string, string>> CheckAsync(Guid? organisationId, OrganisationForm form, CancellationToken cancellationToken)
    {
        var errors = form.Check();
        if (await NameTakenAsync(db, organisationId, form.Name ?? "", cancellationToken))
        {
            errors[nameof(OrganisationForm.Name)] = "Er staat al een organisatie met deze naam op de sociale kaart van uw gemeente.";
        }
        return errors;
    }

    /// <summary>Names are compared without regard to case, the same way on every database.</summary>
    internal static async Task<bool> NameTakenAsync(AppDbContext db, Guid? except, string name, CancellationToken cancellationToken)
    {
        var names = await db.Organisations.Where(o => o.Id != except).Select(o => o.Name).ToListAsync(cancellationToken);
        return names.Contains(name.Trim(), StringComparer.OrdinalIgnoreCase);
    }
}
