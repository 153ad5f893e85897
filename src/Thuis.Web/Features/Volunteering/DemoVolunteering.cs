using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Volunteering;

/// <summary>
/// A taalmaatje with their own view in each demo town (<c>vrijwilliger@…</c>): three matches, one with weekly meetings,
/// one that has gone quiet and one that has just begun; and two trainings at the volunteer centre. Deterministic.
/// </summary>
public static class DemoVolunteering
{
    public const string Mailbox = "vrijwilliger";

    public static async Task AddToAsync(AppDbContext db, UserManager<ThuisUser> users, Guid municipalityId, string domain, string password,
        string caseManagerName, TimeProvider clock)
    {
        var today = clock.InTheNetherlands();
        var volunteer = (await db.Volunteers.ToListAsync())
            .Where(v => v.Roles.Contains(VolunteerRole.LanguageBuddy) && v.Vog == VogStatus.Received)
            .OrderBy(v => v.Name, StringComparer.Ordinal).FirstOrDefault();
        var centre = (await db.Organisations.Where(o => o.Type == OrganisationType.VolunteerOrganisation).ToListAsync())
            .OrderBy(o => o.Name.StartsWith("Vrijwilligerscentrale", StringComparison.Ordinal) ? 0 : 1).ThenBy(o => o.Name, StringComparer.Ordinal).FirstOrDefault();
        if (volunteer is null || centre is null)
        {
            return;
        }
        db.Offers.Add(new Offer(centre, new OfferDetails(SocialMap.OfferKind.Course, "Basistraining taalmaatje",
            "Drie avonden: hoe oefen je Nederlands in gewone gesprekken, wat doe je wel en niet, en bij wie kun je terecht.", "dinsdag 19.30–21.30, drie weken",
            WeekGrid.Empty, null, 0, 12, CefrLevel.B1, false, [ParticipationDomain.ContributingToSociety], [], ["vrijwilligerstraining"])));
        db.Offers.Add(new Offer(centre, new OfferDetails(SocialMap.OfferKind.Course, "Zorgen signaleren als maatje",
            "Wat zie je als het niet goed gaat met iemand, en hoe geef je het door zonder zelf hulpverlener te worden.", "donderdag 19.30–21.30, één avond",
            WeekGrid.Empty, null, 0, 15, CefrLevel.B1, false, [ParticipationDomain.ContributingToSociety], [], ["vrijwilligerstraining"])));

        // Not the person with their own Thuis: their one question "Hoe gaat het?" stays the one the demo shows.
        var ownAccounts = (await db.Users.Where(u => u.NewcomerId != null).Select(u => u.NewcomerId!.Value).ToListAsync()).ToHashSet();
        var people = (await db.Newcomers.Where(n => n.Status == DossierStatus.Active).ToListAsync())
            .Where(n => !ownAccounts.Contains(n.Id) && n.CaseManagerId != null && !n.AsksNotNow(today) && n.DateOfBirth <= today.AddYears(-18))
            .OrderBy(n => n.FamilyName, StringComparer.Ordinal).ThenBy(n => n.GivenNames, StringComparer.Ordinal)
            .Take(3).ToList();
        var first = VolunteeringTexts.FirstName(volunteer.Name);
        // Weekly meetings; quiet for six weeks; and begun a week ago.
        (int StartedDaysAgo, int[] MeetingDaysAgo, bool SharesPhone)[] plans = [(70, [63, 56, 42, 35, 28, 21, 14, 7, 2], true), (90, [84, 70, 49], false), (7, [], true)];
        for (var i = 0; i < people.Count; i++)
        {
            var person = people[i];
            var (startedDaysAgo, meetingDaysAgo, sharesPhone) = plans[i];
            var started = today.AddDays(-startedDaysAgo);
            var proposedOn = started.AddDays(-10);
            var proposal = new Proposal(person, TargetKind.Volunteer, volunteer.Id, $"Taalmaatje {first}", null,
                "Wil Nederlands oefenen in het dagelijks leven.", caseManagerName,
                new DateTimeOffset(proposedOn.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero), proposedOn);
            proposal.RecordAnswer(NewcomerAnswer.Yes, proposedOn.AddDays(2), null);
            db.Proposals.Add(proposal);
            db.Consents.Add(new Consent(proposal, $"Kennismaken en Nederlands oefenen met taalmaatje {first}", proposedOn.AddDays(2), proposedOn.AddDays(2).AddMonths(12),
                ByWhom.Staff(caseManagerName, new DateTimeOffset(proposedOn.AddDays(2).ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero)), sharesPhone, false));
            proposal.RecordArrangement(centre.Name, started, null);
            var key = new MatchKey(proposal.Id, person.Id, volunteer.Id);
            var n = 0;
            foreach (var daysAgo in meetingDaysAgo)
            {
                var on = today.AddDays(-daysAgo);
                MeetingActivity[] did = (n++ % 3) switch
                {
                    0 => [MeetingActivity.LanguagePractice, MeetingActivity.GettingToKnow],
                    1 => [MeetingActivity.LanguagePractice, MeetingActivity.Paperwork],
                    _ => [MeetingActivity.OutTogether],
                };
                db.VolunteerMeetings.Add(new VolunteerMeeting(municipalityId, key, on, n % 2 == 0 ? 90 : 60, did,
                    n % 4 == 1 ? "Samen naar de bibliotheek geweest en een pas gemaakt." : null, volunteer.Name,
                    new DateTimeOffset(on.ToDateTime(new TimeOnly(20, 0)), TimeSpan.Zero), today));
            }
        }
        await db.SaveChangesAsync();
        var account = ThuisUser.ForVolunteer($"{Mailbox}@{domain}", volunteer.Name, municipalityId, volunteer.Id);
        await DemoData.CreateUserAsync(users, account, password, Roles.Volunteer);
    }
}
