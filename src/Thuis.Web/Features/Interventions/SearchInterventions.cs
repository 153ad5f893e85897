using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Plans;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Interventions;

/// <summary>What the guide knows of the person it searches for: only what the filters need.</summary>
public sealed record GuidePerson(Guid Id, string Name, int Age, Gender Gender, CefrLevel? DutchLevel, bool? IsParent, bool NotLiterate);

/// <summary>The plan the guide chooses for, when opened from a plan: the person it belongs to.</summary>
public sealed record GuidePlan(Guid PlanId, Guid NewcomerId);

/// <summary>
/// The intervention guide's search: the shared catalogue and the municipality's own additions, each with where it
/// runs, filtered and explained by <see cref="GuideFilter"/>.
/// </summary>
public sealed class SearchInterventions(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public const string Purpose = "Passende interventies zoeken voor begeleiding";

    private const string Dutch = "Nederlands";

    public async Task<IReadOnlyList<GuideResult>> HandleAsync(GuideCriteria criteria, CancellationToken cancellationToken) =>
        GuideFilter.Apply(await EntriesAsync(cancellationToken), criteria, clock.InTheNetherlands());

    /// <summary>
    /// Every intervention the municipality sees, with its availability here and nearby. The catalogue is small
    /// (tens of entries), so it is read whole and filtered in memory.
    /// </summary>
    public async Task<List<GuideEntry>> EntriesAsync(CancellationToken cancellationToken)
    {
        var municipalityId = currentUser.MunicipalityId;
        var interventions = await db.Interventions.AsNoTracking().VisibleTo(municipalityId).ToListAsync(cancellationToken);
        var here = await LocalAvailability.HereAsync(db, cancellationToken);
        var nearby = await LocalAvailability.NearbyAsync(db, municipalityId, null, cancellationToken);
        return [.. interventions.Select(i => new GuideEntry(
            i.Id, i.Name, i.Summary, i.IsExample, !i.IsShared, i.Domains, i.Target, i.Recognition, i.Duration, i.CostPerParticipant,
            new GuideAvailability(here.GetValueOrDefault(i.Id), nearby.GetValueOrDefault(i.Id) ?? [])))];
    }

    /// <summary>The plan named in the guide's address, when it is one of the municipality's (the tenant filter applies).</summary>
    public async Task<GuidePlan?> PlanAsync(Guid planId, CancellationToken cancellationToken) =>
        await db.IntegrationPlans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new GuidePlan(p.Id, p.NewcomerId)).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The person a case manager searches for, read from the dossier and the intake: age today, spoken Dutch
    /// (the lower of listening and speaking, what taking part asks first), children in the household, and
    /// literacy in the Latin script. Looking is audited like opening the dossier.
    /// </summary>
    public async Task<GuidePerson?> PersonAsync(Guid newcomerId, CancellationToken cancellationToken)
    {
        var newcomer = await db.Newcomers.AsNoTracking().Where(n => n.Id == newcomerId)
            .Select(n => new { n.Id, n.GivenNames, n.FamilyName, n.DateOfBirth, n.Gender })
            .SingleOrDefaultAsync(cancellationToken);
        db.RecordAudit(AuditAction.View, nameof(Newcomer), newcomerId.ToString(),
            newcomer is null ? AuditResult.NotFound : AuditResult.Success, Purpose, newcomer is null ? null : newcomerId);
        await db.SaveChangesAsync(cancellationToken);
        if (newcomer is null)
        {
            return null;
        }
        var languages = await db.Set<LanguagesSection>().AsNoTracking().SingleOrDefaultAsync(s => s.NewcomerId == newcomerId, cancellationToken);
        var household = await db.Set<HouseholdSection>().AsNoTracking().SingleOrDefaultAsync(s => s.NewcomerId == newcomerId, cancellationToken);
        var dutch = languages?.Languages.FirstOrDefault(l => string.Equals(l.Language.Trim(), Dutch, StringComparison.OrdinalIgnoreCase));
        CefrLevel? dutchLevel = languages is null ? null : dutch is null ? CefrLevel.None : (CefrLevel)Math.Min((int)dutch.Listening, (int)dutch.Speaking);
        return new GuidePerson(newcomer.Id, $"{newcomer.GivenNames} {newcomer.FamilyName}",
            IntegrationLaw.AgeOn(newcomer.DateOfBirth, clock.InTheNetherlands()), newcomer.Gender, dutchLevel,
            household is null ? null : household.Children.Count > 0,
            languages?.LatinScript == Literacy.NotLiterate);
    }
}
