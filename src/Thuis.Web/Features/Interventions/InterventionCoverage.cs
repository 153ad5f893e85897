using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.SocialMap;

namespace Thuis.Web.Features.Interventions;

/// <summary>
/// The interventions available in the municipality, as coverage items beside the social map's offers: who does what
/// covers both what organisations offer and the proven methods they run here.
/// </summary>
public sealed class InterventionCoverage(AppDbContext db) : ICoverageSource
{
    public async Task<IReadOnlyList<CoverageItem>> ReadAsync(CancellationToken cancellationToken)
    {
        // The tenant filter keeps the availabilities to this municipality; the catalogue itself is shared.
        var available = await db.InterventionAvailabilities.AsNoTracking()
            .Join(db.Interventions, a => a.InterventionId, i => i.Id, (a, i) => new { a.OrganisationId, Intervention = i })
            .Join(db.Organisations, x => x.OrganisationId, o => o.Id, (x, o) => new { x.Intervention, x.OrganisationId, o.Name })
            .ToListAsync(cancellationToken);
        return [.. available.Select(x => new CoverageItem("interventie", x.Intervention.Name, x.OrganisationId, x.Name,
            x.Intervention.Domains, AudiencesOf(x.Intervention.Target), $"/interventiewijzer/{x.Intervention.Id}"))];
    }

    public static IReadOnlyList<TargetAudience> AudiencesOf(InterventionTargetGroup target)
    {
        var audiences = new List<TargetAudience>();
        if (target.ForYoungPeople)
        {
            audiences.Add(TargetAudience.Youth);
        }
        if (target.ForParents)
        {
            audiences.Add(TargetAudience.Parents);
        }
        if (target.ForOver50)
        {
            audiences.Add(TargetAudience.Over50);
        }
        if (target.Gender == TargetGender.Women)
        {
            audiences.Add(TargetAudience.Women);
        }
        if (target.SuitsNonLiterate)
        {
            audiences.Add(TargetAudience.LowLiterate);
        }
        return audiences;
    }
}
