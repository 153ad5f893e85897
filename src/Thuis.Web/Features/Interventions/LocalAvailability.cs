using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;

namespace Thuis.Web.Features.Interventions;

/// <summary>Where interventions run: here, and in the other municipalities of the same region.</summary>
internal static class LocalAvailability
{
    /// <summary>The organisation that delivers each intervention in the current municipality (the tenant filter applies).</summary>
    public static async Task<Dictionary<Guid, string>> HereAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.InterventionAvailabilities.AsNoTracking()
            .Join(db.Organisations, a => a.OrganisationId, o => o.Id, (a, o) => new { a.InterventionId, o.Name })
            .ToDictionaryAsync(x => x.InterventionId, x => x.Name, cancellationToken);

    /// <summary>
    /// For each intervention (or the one asked), the other municipalities of the same region where it runs. Only
    /// that fact and the municipality's name leave the other municipality: no organisation, capacity or contact.
    /// </summary>
    public static async Task<Dictionary<Guid, List<string>>> NearbyAsync(AppDbContext db, Guid? municipalityId, Guid? interventionId, CancellationToken cancellationToken)
    {
        var regionId = await db.Municipalities.Where(m => m.Id == municipalityId).Select(m => m.RegionId).SingleOrDefaultAsync(cancellationToken);
        if (regionId is null)
        {
            return [];
        }
        var neighbours = db.Municipalities.Where(m => m.RegionId == regionId && m.Id != municipalityId);
        var rows = await db.InterventionAvailabilities.IgnoreQueryFilters()
            .Where(a => interventionId == null || a.InterventionId == interventionId)
            .Join(neighbours, a => a.MunicipalityId, m => m.Id, (a, m) => new { a.InterventionId, m.Name })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.InterventionId)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Name).Distinct().Order(StringComparer.Ordinal).ToList());
    }
}
