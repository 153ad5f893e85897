using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Organisations;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Referrals;

/// <summary>
/// Proposals and referrals for the demo: a few people said yes and were referred to the partner, in every state of a
/// referral's life, one waits too long for an answer, and a few proposals still wait for the newcomer's answer. Most
/// people agreed to share their phone number (some also their e-mail address) so the partner can call them; one
/// contacts the partner without sharing anything. The running ones show their attendance per date, one day corrected.
/// </summary>
internal static class DemoReferrals
{
    private static readonly string[] Offers =
    [
        "Taalcafé op donderdagavond", "Hulp bij de thuisadministratie", "Kennismaken met een buddy", "Spreekuur werk en opleiding",
        "Inloopochtend voor ouders", "Fietsles voor volwassenen", "Vrouwengroep op woensdag", "Helpen bij de kledingbank",
    ];

    public static async Task AddToAsync(AppDbContext db, Organisation partner, DemoTown town, string caseManagerName, TimeProvider clock)
    {
        var today = clock.InTheNetherlands();
        var people = (await db.Newcomers.Where(n => n.Status == DossierStatus.Active && n.HousingDate != null).ToListAsync())
            .Where(n => n.GivenNames != town.FirstGivenName || n.FamilyName != town.FirstFamilyName)
            .OrderBy(n => n.RegistrationDate).ThenBy(n => n.FamilyName, StringComparer.Ordinal).Take(Offers.Length + 3).ToList();
        for (var i = 0; i < people.Count; i++)
        {
            var person = people[i];
            var daysAgo = 40 - (3 * i);
            var proposedOn = today.AddDays(-Math.Max(daysAgo, 1));
            var proposal = new Proposal(person, TargetKind.Other, null, Offers[i % Offers.Length], partner.Id,
                "Past bij wat de persoon zelf wil; laagdrempelig en in de buurt.", caseManagerName,
                new DateTimeOffset(proposedOn.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero), proposedOn);
            db.Proposals.Add(proposal);
            if (i >= Offers.Length)
            {
                continue; // still waiting for the newcomer's answer
            }
            if (i == 6)
            {
                proposal.RecordAnswer(NewcomerAnswer.NotNow, proposedOn.AddDays(2), "Eerst de verhuizing afronden.");
                continue;
            }
            var answeredOn = proposedOn.AddDays(2);
            proposal.RecordAnswer(NewcomerAnswer.Yes, answeredOn, null);
            var consent = new Consent(proposal, RecordNewcomerAnswer.DefaultPurpose(proposal.What, partner.Name), answeredOn, answeredOn.AddMonths(12), caseManagerName);
            db.Consents.Add(consent);
            var contact = i % 4 == 2
                ? ContactSharing.Nothing
                : new ContactSharing(true, person.Phone is not null, person.Email is not null);
            var referral = new Referral(proposal, consent, partner, person,
                contact.ContactNeeded ? "Graag contact opnemen in het Engels of met een tolk." : "Komt zelf langs op het spreekuur.", contact, answeredOn);
            referral.Send(answeredOn);
            // The referrals move along their life as far as the time since sending allows.
            switch (i % 6)
            {
                case 0:
                case 3:
                    referral.Accept(answeredOn.AddDays(2));
                    referral.Start(answeredOn.AddDays(7));
                    for (var week = 1; answeredOn.AddDays(7 * week) < today; week++)
                    {
                        referral.RecordAttendance(answeredOn.AddDays(7 * week), week != 2 || i != 3);
                    }
                    if (i == 0 && answeredOn.AddDays(14) < today)
                    {
                        // First noted as absent, then corrected: the list shows both.
                        referral.RecordAttendance(answeredOn.AddDays(14), false);
                        referral.RecordAttendance(answeredOn.AddDays(14), true);
                    }
                    break;
                case 1:
                    referral.Accept(answeredOn.AddDays(3));
                    break;
                case 2:
                    referral.Decline(answeredOn.AddDays(4), "Geen plek meer deze maand; in januari opnieuw.");
                    break;
            }
            db.Referrals.Add(referral);
        }
    }

    /// <summary>
    /// For the person with a demo account of their own: one proposal waiting for their answer, and one consent that
    /// holds, with its referral accepted by the partner, so they can answer in their own Thuis and withdraw a consent.
    /// </summary>
    public static async Task AddForOwnAccountAsync(AppDbContext db, Guid newcomerId, Organisation partner, string caseManagerName, TimeProvider clock)
    {
        var today = clock.InTheNetherlands();
        var person = await db.Newcomers.SingleAsync(n => n.Id == newcomerId);
        var existing = await db.Proposals.Where(p => p.NewcomerId == newcomerId).ToListAsync();
        if (!existing.Any(p => p.IsWaiting))
        {
            db.Proposals.Add(new Proposal(person, TargetKind.Other, null, "Samen koken in het buurthuis", partner.Id,
                "U kookt graag, en zo leert u mensen uit de buurt kennen.", caseManagerName, clock.GetUtcNow().AddDays(-2), today));
        }
        var consents = await db.Consents.Where(c => c.NewcomerId == newcomerId).ToListAsync();
        if (!consents.Any(c => c.IsValidOn(today)))
        {
            var proposedOn = today.AddDays(-20);
            var proposal = new Proposal(person, TargetKind.Other, null, "Taalcafé op donderdagavond", partner.Id,
                "Hier oefent u Nederlands met mensen uit de buurt.", caseManagerName,
                new DateTimeOffset(proposedOn.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero), proposedOn);
            var answeredOn = proposedOn.AddDays(2);
            var by = ByWhom.Staff(caseManagerName, new DateTimeOffset(answeredOn.ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero));
            proposal.RecordAnswer(NewcomerAnswer.Yes, answeredOn, null, null, null, by);
            var consent = new Consent(proposal, RecordNewcomerAnswer.DefaultPurpose(proposal.What, partner.Name), answeredOn,
                answeredOn.AddMonths(RecordNewcomerAnswer.DefaultConsentMonths), by);
            var contact = new ContactSharing(person.Phone is not null, person.Phone is not null, false);
            var referral = new Referral(proposal, consent, partner, person, "Komt graag op donderdag.", contact, answeredOn);
            referral.Send(answeredOn);
            referral.Accept(answeredOn.AddDays(1));
            db.Proposals.Add(proposal);
            db.Consents.Add(consent);
            db.Referrals.Add(referral);
        }
    }
}
