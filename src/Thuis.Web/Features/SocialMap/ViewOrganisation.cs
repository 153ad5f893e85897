using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Organisations;

namespace Thuis.Web.Features.SocialMap;

public sealed record OrganisationView(Organisation Organisation, IReadOnlyList<OfferRow> Offers);

/// <summary>One organisation with all its offers, active ones first.</summary>
public sealed class ViewOrganisation(AppDbContext db)
{
    public async Task<OrganisationView?> HandleAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        if (organisation is null)
        {
            return null;
        }
        var offers = await ListOffers.ReadAsync(db, organisationId, cancellationToken);
        return new OrganisationView(organisation, [.. offers.OrderByDescending(o => o.Active)]);
    }
}
