using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Occupations;
using Thuis.Web.Features.Plans;
using Thuis.Web.Platform.Paging;

namespace Thuis.Web.Features.SocialMap;

public sealed record OfferFilter(
    OfferKind? Kind, ParticipationDomain? Domain, TargetAudience? Audience, string? Tag, bool LowThresholdOnly, bool FreeOnly,
    CefrLevel? MaxDutchLevel, bool IncludeInactive, string? Search, int Page = 1);

public sealed record OfferRow(
    Guid Id, Guid OrganisationId, string OrganisationName, bool OrganisationIsPartner, OfferKind Kind, string Title, string? Description,
    string? Schedule, WeekGrid When, string? Place, decimal Cost, int? Capacity, CefrLevel DutchLevelNeeded, bool LowThreshold,
    IReadOnlyList<ParticipationDomain> Domains, IReadOnlyList<TargetAudience> Audiences, IReadOnlyList<string> Tags, bool Active, string? InactiveReason,
    string? EscoUri = null, int? Nlqf = null, string? VacancyTerms = null);

/// <summary>Offers of the municipality's organisations, filtered on what a case manager looks for, a page at a time.</summary>
public sealed class ListOffers(AppDbContext db)
{
    public async Task<Paged<OfferRow>> HandleAsync(OfferFilter filter, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(db, null, cancellationToken);
        var search = string.IsNullOrWhiteSpace(filter.Search) ? null : SearchText.Normalise(filter.Search);
        var found = rows
            .Where(o => filter.IncludeInactive || o.Active)
            .Where(o => filter.Kind is null || o.Kind == filter.Kind)
            .Where(o => filter.Domain is null || o.Domains.Contains(filter.Domain.Value))
            .Where(o => filter.Audience is null || o.Audiences.Contains(filter.Audience.Value))
            .Where(o => filter.Tag is null || o.Tags.Contains(filter.Tag, StringComparer.OrdinalIgnoreCase))
            .Where(o => !filter.LowThresholdOnly || o.LowThreshold)
            .Where(o => !filter.FreeOnly || o.Cost == 0)
            .Where(o => filter.MaxDutchLevel is null || o.DutchLevelNeeded <= filter.MaxDutchLevel)
            .Where(o => search is null || SearchText.Normalise(string.Join(' ', o.Title, o.Description, o.OrganisationName, o.Place, string.Join(' ', o.Tags))).Contains(search, StringComparison.Ordinal))
            .ToList();
        return Paging.Of(found, filter.Page);
    }

    /// <summary>The offers with their organisation's name, of one organisation or all, by organisation and title.</summary>
    internal static async Task<List<OfferRow>> ReadAsync(AppDbContext db, Guid? organisationId, CancellationToken cancellationToken)
    {
        var offers = await db.Offers.AsNoTracking()
            .Where(o => organisationId == null || o.OrganisationId == organisationId)
            .Join(db.Organisations, o => o.OrganisationId, g => g.Id, (o, g) => new { Offer = o, g.Name, g.IsPartner })
            .ToListAsync(cancellationToken);
        return offers
            .OrderBy(x => x.Name, SocialMapTexts.NameOrder).ThenBy(x => x.Offer.Title, SocialMapTexts.NameOrder)
            .Select(x => new OfferRow(x.Offer.Id, x.Offer.OrganisationId, x.Name, x.IsPartner, x.Offer.Kind, x.Offer.Title, x.Offer.Description,
                x.Offer.Schedule, x.Offer.When, x.Offer.Place, x.Offer.Cost, x.Offer.Capacity, x.Offer.DutchLevelNeeded, x.Offer.LowThreshold,
                x.Offer.Domains, x.Offer.Audiences, x.Offer.Tags, x.Offer.Active, x.Offer.InactiveReason,
                x.Offer.EscoUri, x.Offer.Nlqf, x.Offer.VacancyTerms))
            .ToList();
    }
}
