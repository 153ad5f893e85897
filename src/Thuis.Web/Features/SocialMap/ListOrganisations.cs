using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Occupations;
using Thuis.Web.Features.Plans;

namespace Thuis.Web.Features.SocialMap;

public sealed record OrganisationFilter(OrganisationType? Type, ParticipationDomain? Domain, bool? Partner, string? Search);

public sealed record OrganisationRow(
    Guid Id, string Name, OrganisationType Type, string? City, IReadOnlyList<ParticipationDomain> Domains, bool IsPartner, int ActiveOffers);

/// <summary>
/// The municipality's organisations, filtered. A municipality's map holds tens to a few hundred organisations,
/// so the lists are filtered after reading: the same on every database, also for the list columns.
/// </summary>
public sealed class ListOrganisations(AppDbContext db)
{
    public async Task<List<OrganisationRow>> HandleAsync(OrganisationFilter filter, CancellationToken cancellationToken)
    {
        var organisations = await db.Organisations.AsNoTracking().ToListAsync(cancellationToken);
        var activeOffers = await db.Offers.AsNoTracking().Where(o => o.Active)
            .GroupBy(o => o.OrganisationId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var search = string.IsNullOrWhiteSpace(filter.Search) ? null : SearchText.Normalise(filter.Search);
        return organisations
            .OrderBy(o => o.Name, SocialMapTexts.NameOrder)
            .Where(o => filter.Type is null || o.Type == filter.Type)
            .Where(o => filter.Domain is null || o.Domains.Contains(filter.Domain.Value))
            .Where(o => filter.Partner is null || o.IsPartner == filter.Partner)
            .Where(o => search is null || SearchText.Normalise(string.Join(' ', o.Name, o.City, o.ContactPerson, o.Description, string.Join(' ', o.Languages))).Contains(search, StringComparison.Ordinal))
            .Select(o => new OrganisationRow(o.Id, o.Name, o.Type, o.City, o.Domains, o.IsPartner, activeOffers.GetValueOrDefault(o.Id)))
            .ToList();
    }
}
