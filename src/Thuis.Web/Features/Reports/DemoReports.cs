using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Reports;

/// <summary>
/// A few demo people who found volunteer work, a course or a job through a referral from the social map, some of them
/// from a suggestion and still going after three months, so the report's work, matching and organisation tables say
/// something in the demo.
/// </summary>
public static class DemoReports
{
    public static async Task AddToAsync(AppDbContext db, string caseManagerName, TimeProvider clock)
    {
        var today = clock.InTheNetherlands();
        var partners = await db.Organisations.Where(o => o.IsPartner).ToDictionaryAsync(o => o.Id);
        var offers = (await db.Offers
                .Where(o => o.Active && (o.Kind == OfferKind.VolunteerRole || o.Kind == OfferKind.Course || o.Kind == OfferKind.Job || o.Kind == OfferKind.Internship))
                .OrderBy(o => o.Title).ToListAsync())
            .Where(o => partners.ContainsKey(o.OrganisationId)).ToList();
        var longEnough = today.AddDays(-150);
        var people = await db.Newcomers
            .Where(n => n.Status == DossierStatus.Active && n.HousingDate != null && n.HousingDate <= longEnough)
            .OrderBy(n => n.HousingDate).ThenBy(n => n.FamilyName).Take(8).ToListAsync();
        if (offers.Count == 0)
        {
            return;
        }
        for (var i = 0; i < people.Count; i++)
        {
            var person = people[i];
            var offer = offers[i % offers.Count];
            var asked = person.HousingDate!.Value.AddDays(50 + (i * 5));
            var proposal = new Proposal(person, TargetKind.Offer, offer.Id, offer.Title, offer.OrganisationId, "Past bij wat hij of zij wil en kan.",
                caseManagerName, new DateTimeOffset(asked, new TimeOnly(10, 0), TimeSpan.Zero), today,
                i % 2 == 0 ? new MatchMark(0.7, "demo") : null);
            proposal.RecordAnswer(NewcomerAnswer.Yes, asked, null);
            var consent = new Consent(proposal, $"Doorverwijzen naar {offer.Title}", asked, asked.AddYears(1), caseManagerName);
            var referral = new Referral(proposal, consent, partners[offer.OrganisationId], null, asked);
            referral.Send(asked);
            referral.Accept(asked.AddDays(4));
            var started = asked.AddDays(14);
            referral.Start(started);
            if (i % 3 != 2 && started.AddMonths(3) <= today)
            {
                referral.End(started.AddMonths(3), ReferralOutcome.StillGoingAtThreeMonths, null);
            }
            db.Proposals.Add(proposal);
            db.Consents.Add(consent);
            db.Referrals.Add(referral);
        }
    }
}
