using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Plans;

namespace Thuis.Web.Features.SocialMap;

/// <summary>
/// Something active in the municipality that serves people in some participation domains, for the coverage view:
/// an offer on the social map, and later an intervention that is available here. An item without audiences is
/// for everyone.
/// </summary>
public sealed record CoverageItem(
    string Source, string Title, Guid ProviderId, string Provider, IReadOnlyList<ParticipationDomain> Domains,
    IReadOnlyList<TargetAudience> Audiences, string Link);

/// <summary>
/// Where the coverage view reads what is active. Each source is registered as one more
/// <c>ICoverageSource</c>; the view asks all of them, so a new kind of item needs no change to the view.
/// </summary>
public interface ICoverageSource
{
    Task<IReadOnlyList<CoverageItem>> ReadAsync(CancellationToken cancellationToken);
}

public enum CoverageLevel
{
    /// <summary>Nothing active: a gap.</summary>
    Gap,
    Covered,
    /// <summary>Several organisations offer the same: they could complement each other rather than compete.</summary>
    Overlap,
}

/// <summary>One domain for one audience; <see cref="Audience"/> empty means the offers meant for everyone.</summary>
public sealed record CoverageCell(ParticipationDomain Domain, TargetAudience? Audience, IReadOnlyList<CoverageItem> Items)
{
    public IReadOnlyList<string> Providers { get; } = [.. Items.Select(i => i.Provider).Distinct(StringComparer.Ordinal).Order(StringComparer.CurrentCulture)];

    public CoverageLevel Level => Items.Count == 0 ? CoverageLevel.Gap
        : Providers.Count >= CoverageMap.OverlapFrom ? CoverageLevel.Overlap : CoverageLevel.Covered;
}

public sealed record CoverageRow(ParticipationDomain Domain, IReadOnlyList<CoverageCell> Cells, int Items, int Providers);

public sealed record CoverageTable(IReadOnlyList<CoverageRow> Rows)
{
    public static IReadOnlyList<TargetAudience?> Columns { get; } = [null, .. Enum.GetValues<TargetAudience>().Cast<TargetAudience?>()];

    public CoverageCell Cell(ParticipationDomain domain, TargetAudience? audience) =>
        Rows.Single(r => r.Domain == domain).Cells.Single(c => c.Audience == audience);

    public int Gaps => Rows.Sum(r => r.Cells.Count(c => c.Level == CoverageLevel.Gap));

    public int Overlaps => Rows.Sum(r => r.Cells.Count(c => c.Level == CoverageLevel.Overlap));
}

/// <summary>
/// Who does what: per participation domain and audience, which items are active and from how many
/// organisations. An item meant for particular audiences counts for each of them; an item for everyone
/// counts in the column "voor iedereen", so a group with nothing aimed at it shows as a gap.
/// </summary>
public static class CoverageMap
{
    /// <summary>From this many organisations in one cell, the view calls it overlap.</summary>
    public const int OverlapFrom = 3;

    public static CoverageTable Compute(IEnumerable<CoverageItem> items)
    {
        var all = items.ToList();
        var rows = ParticipationDomains.All.Select(domain =>
        {
            var inDomain = all.Where(i => i.Domains.Contains(domain)).ToList();
            var cells = CoverageTable.Columns
                .Select(audience => new CoverageCell(domain, audience, [.. inDomain.Where(i => audience is null ? i.Audiences.Count == 0 : i.Audiences.Contains(audience.Value))]))
                .ToList();
            return new CoverageRow(domain, cells, inDomain.Count, inDomain.Select(i => i.ProviderId).Distinct().Count());
        }).ToList();
        return new CoverageTable(rows);
    }
}

/// <summary>The active offers of the social map, as coverage items.</summary>
public sealed class OfferCoverage(AppDbContext db) : ICoverageSource
{
    public async Task<IReadOnlyList<CoverageItem>> ReadAsync(CancellationToken cancellationToken)
    {
        var offers = await db.Offers.AsNoTracking().Where(o => o.Active)
            .Join(db.Organisations, o => o.OrganisationId, g => g.Id, (o, g) => new { o.Title, o.OrganisationId, g.Name, o.Domains, o.Audiences })
            .ToListAsync(cancellationToken);
        return [.. offers.Select(o => new CoverageItem("aanbod", o.Title, o.OrganisationId, o.Name, o.Domains, o.Audiences,
            $"/sociale-kaart/organisaties/{o.OrganisationId}"))];
    }
}

/// <summary>Reads every coverage source and lays the items out per domain and audience.</summary>
public sealed class ViewCoverage(IEnumerable<ICoverageSource> sources)
{
    public async Task<CoverageTable> HandleAsync(CancellationToken cancellationToken)
    {
        var items = new List<CoverageItem>();
        foreach (var source in sources)
        {
            items.AddRange(await source.ReadAsync(cancellationToken));
        }
        return CoverageMap.Compute(items);
    }
}
