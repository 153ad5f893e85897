using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Occupations;
using Thuis.Web.Platform.Editing;

namespace Thuis.Web.Features.SocialMap;

public sealed record OrganisationOption(Guid Id, string Name)
{
    /// <summary>The organisations of the municipality's own social map, by name, to choose from in a form.</summary>
    public static async Task<List<OrganisationOption>> AllAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new OrganisationOption(o.Id, o.Name)).ToListAsync(cancellationToken);
}

/// <summary>Adds an offer to an organisation or changes it; an offer only ever belongs to an organisation of the same municipality.</summary>
public sealed class EditOffer(AppDbContext db, OccupationCatalogue occupations)
{
    public const string ChangedMeanwhile =
        "Iemand anders heeft dit aanbod intussen gewijzigd. Uw invoer staat hieronder nog; open het aanbod opnieuw om de nieuwe gegevens te zien en voer uw wijziging dan opnieuw in.";

    public const string OtherOrganisation = "Kies een organisatie van de sociale kaart van uw gemeente.";

    /// <summary>Every message about the form at once, with the occupation looked up in ESCO.</summary>
    public Dictionary<string, string> Check(OfferForm form) => form.Check(occupations);

    public Task<List<OrganisationOption>> OrganisationsAsync(CancellationToken cancellationToken) => OrganisationOption.AllAsync(db, cancellationToken);

    public async Task<OfferForm?> LoadAsync(Guid offerId, CancellationToken cancellationToken)
    {
        var offer = await db.Offers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == offerId, cancellationToken);
        return offer is null ? null : OfferForm.From(offer, occupations);
    }

    public async Task<Outcome<Guid>> CreateAsync(Guid organisationId, OfferForm form, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        if (organisation is null)
        {
            return Outcome.NotFound();
        }
        var errors = form.Check(occupations);
        if (await TitleTakenAsync(organisationId, null, form.Title, cancellationToken))
        {
            errors[nameof(OfferForm.Title)] = $"{organisation.Name} heeft al aanbod met deze titel.";
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var offer = new Offer(organisation, form.ToDetails());
        form.ApplyStatusTo(offer);
        db.Offers.Add(offer);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Saved(offer.Id);
    }

    public async Task<Outcome> HandleAsync(Guid offerId, OfferForm form, CancellationToken cancellationToken)
    {
        var offer = await db.Offers.SingleOrDefaultAsync(o => o.Id == offerId, cancellationToken);
        if (offer is null)
        {
            return Outcome.NotFound();
        }
        var errors = form.Check(occupations);
        // The query filter hides other municipalities' organisations: one of theirs is as unknown as one that does not exist.
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == form.OrganisationId, cancellationToken);
        if (organisation is null)
        {
            errors[nameof(OfferForm.OrganisationId)] = OtherOrganisation;
        }
        else if (await TitleTakenAsync(organisation.Id, offerId, form.Title, cancellationToken))
        {
            errors[nameof(OfferForm.Title)] = $"{organisation.Name} heeft al aanbod met deze titel.";
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        return await SaveVersionedChange.HandleAsync(db, offer, form.Version, o =>
        {
            o.Update(form.ToDetails());
            if (o.OrganisationId != organisation!.Id)
            {
                o.MoveTo(organisation);
            }
            form.ApplyStatusTo(o);
        }, ChangedMeanwhile, cancellationToken);
    }

    private async Task<bool> TitleTakenAsync(Guid organisationId, Guid? except, string? title, CancellationToken cancellationToken)
    {
        var titles = await db.Offers.Where(o => o.OrganisationId == organisationId && o.Id != except).Select(o => o.Title).ToListAsync(cancellationToken);
        return titles.Contains((title ?? "").Trim(), StringComparer.OrdinalIgnoreCase);
    }
}
