using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Organisations;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Community;

/// <summary>
/// Draagvlak in each demo town: three people who live here longest are asked to be role models (two say yes, one later
/// withdraws); a shared meal ten months ago in the town's last postcode area, a role-model presentation at a secondary
/// school and a neighbourhood meeting in the first area with their reach, and two activities still to come. The last area
/// has had nothing for months, so its newly housed people show the signal. Always the same people and places.
/// </summary>
internal static class DemoCommunity
{
    public static async Task AddToAsync(AppDbContext db, Guid municipalityId, DemoTown town, string caseManagerName, TimeProvider clock)
    {
        var today = clock.InTheNetherlands();
        var at = clock.GetUtcNow();
        var longest = await db.Newcomers
            .Where(n => n.Status == DossierStatus.Active && n.HousingDate != null && n.HousingDate < today.AddMonths(-12) && n.Bsn != town.FirstBsn)
            .OrderBy(n => n.HousingDate).ThenBy(n => n.FamilyName).ThenBy(n => n.GivenNames).Take(3).ToListAsync();
        var consents = longest.Select((n, i) => new RoleModelConsent(n, today.AddMonths(-6 + i), i == 0 ? "Vertelt graag op scholen over zijn of haar eerste jaar." : null,
            ByWhom.Staff(caseManagerName, at))).ToList();
        db.RoleModelConsents.AddRange(consents);

        var organisations = await db.Organisations.OrderBy(o => o.Name).ToListAsync();
        Organisation Host(OrganisationType type) => organisations.FirstOrDefault(o => o.Type == type) ?? organisations[0];
        var volunteers = await db.Volunteers.OrderBy(v => v.Name).Select(v => v.Id).Take(2).ToListAsync();
        var first = town.PostcodeDigits[0];
        var last = town.PostcodeDigits[^1];
        var roleModels = consents.Take(2).Select(c => c.NewcomerId).ToList();
        var consenting = roleModels.ToHashSet();

        CommunityActivity Add(CommunityActivityKind kind, PresentationSetting? setting, string title, OrganisationType host, string place, DateOnly date, string area,
            string? name, AudienceKind audience, string? audienceNote, CommunityReach? reach, IEnumerable<Guid> people)
        {
            var organisation = Host(host);
            var activity = new CommunityActivity(municipalityId, new CommunityActivityDetails(kind, setting, title, organisation.Id, date,
                place, area, name, audience, audienceNote));
            activity.ChooseRoleModels(people, consenting);
            activity.ChooseVolunteers(volunteers);
            if (reach is not null)
            {
                activity.RecordReach(reach, today);
            }
            db.CommunityActivities.Add(activity);
            return activity;
        }

        Add(CommunityActivityKind.SharedMeal, null, "Samen eten in de buurt", OrganisationType.ReligiousCommunity, "Kerkzaal", today.AddMonths(-10), last, null,
            AudienceKind.Mixed, "buren, nieuwe bewoners en vrijwilligers", new CommunityReach(60, 1, null, "Twee buren koken voortaan mee bij het taalcafé."), []);
        Add(CommunityActivityKind.RoleModelPresentation, PresentationSetting.SecondarySchool, "Gastles: mijn eerste jaar in " + town.City,
            OrganisationType.SchoolOrParentRoom, "Aula", today.AddMonths(-4), first, "Centrum", AudienceKind.Pupils, "twee klassen van het derde jaar",
            new CommunityReach(54, 2, 1, "De school biedt een plek voor een maatschappelijke stage bij VluchtelingenWerk."), roleModels.Take(1));
        Add(CommunityActivityKind.NeighbourhoodMeeting, null, "Buurtavond: nieuwe buren in de wijk", OrganisationType.Welfare, "Wijkcentrum", today.AddMonths(-2), first, "Centrum",
            AudienceKind.Residents, null, new CommunityReach(45, 3, null, null), roleModels.Take(1));
        Add(CommunityActivityKind.RoleModelPresentation, PresentationSetting.Club, "Verhaal bij de club", OrganisationType.SportsClub, "Kantine", today.AddDays(21), first, "Centrum",
            AudienceKind.ClubMembers, "leden en trainers", null, roleModels);
        Add(CommunityActivityKind.OpenDay, null, "Open dag: kennismaken met nieuwe buren", OrganisationType.VolunteerOrganisation, "Inloophuis", today.AddDays(45), first, "Centrum",
            AudienceKind.Mixed, null, null, []);
        await db.SaveChangesAsync();

        // The third one changed their mind: withdrawn, and audited like every change.
        if (consents.Count == 3)
        {
            consents[2].Withdraw(today.AddDays(-7), ByWhom.Staff(caseManagerName, at));
        }
    }
}
