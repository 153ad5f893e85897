using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.SocialMap;

/// <summary>Registers a volunteer or changes their details; refused when someone else changed them since the form was loaded.</summary>
public sealed class EditVolunteer(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public const string ChangedMeanwhile =
        "Iemand anders heeft de gegevens van deze vrijwilliger intussen gewijzigd. Uw invoer staat hieronder nog; open de vrijwilliger opnieuw om de nieuwe gegevens te zien en voer uw wijziging dan opnieuw in.";

    /// <summary>The organisations a volunteer can work through: those of the municipality's own social map.</summary>
    public Task<List<OrganisationOption>> OrganisationsAsync(CancellationToken cancellationToken) => OrganisationOption.AllAsync(db, cancellationToken);

    public async Task<VolunteerForm?> LoadAsync(Guid volunteerId, CancellationToken cancellationToken)
    {
        var volunteer = await db.Volunteers.AsNoTracking().SingleOrDefaultAsync(v => v.Id == volunteerId, cancellationToken);
        return volunteer is null ? null : VolunteerForm.From(volunteer);
    }

    public async Task<Outcome<Guid>> CreateAsync(VolunteerForm form, CancellationToken cancellationToken)
    {
        var municipalityId = currentUser.MunicipalityId ?? throw new InvalidOperationException("Geen gemeente.");
        var errors = await CheckAsync(form, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var volunteer = new Volunteer(municipalityId, form.ToDetails());
        db.Volunteers.Add(volunteer);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Saved(volunteer.Id);
    }

    public async Task<Outcome> HandleAsync(Guid volunteerId, VolunteerForm form, CancellationToken cancellationToken)
    {
        var volunteer = await db.Volunteers.SingleOrDefaultAsync(v => v.Id == volunteerId, cancellationToken);
        if (volunteer is null)
        {
            return Outcome.NotFound();
        }
        var errors = await CheckAsync(form, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        return await SaveVersionedChange.HandleAsync(db, volunteer, form.Version, v => v.Update(form.ToDetails()), ChangedMeanwhile, cancellationToken);
    }

    private async Task<Dictionary<string, string>> CheckAsync(VolunteerForm form, CancellationToken cancellationToken)
    {
        var errors = form.Check(clock.InTheNetherlands());
        // The query filter hides other municipalities' organisations: theirs cannot be chosen, even by a crafted form.
        if (form.OrganisationId is { } id && !await db.Organisations.AnyAsync(o => o.Id == id, cancellationToken))
        {
            errors[nameof(VolunteerForm.OrganisationId)] = "Kies een organisatie van de sociale kaart van uw gemeente.";
        }
        return errors;
    }
}
