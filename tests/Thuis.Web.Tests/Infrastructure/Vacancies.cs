using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Organisations;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Features.Work;

namespace Thuis.Web.Tests.Infrastructure;

/// <summary>A vacancy a newcomer said yes to, with their consent to share their CV with the employer, for tests of the road to work.</summary>
public static class Vacancies
{
    public static Proposal YesTo(AppDbContext db, Newcomer newcomer, DateOnly today, string title = "Magazijnmedewerker")
    {
        var employer = new Organisation(newcomer.MunicipalityId, $"Werkgever {Guid.NewGuid().ToString("N")[..8]}", isPartner: false);
        var vacancy = new Offer(employer, new OfferDetails(OfferKind.Job, title, null, null, WeekGrid.Empty, null, 0, null, CefrLevel.None, false,
            [ParticipationDomain.PaidWork], [], [], HoursPerWeek: 24, Contract: ContractKind.Temporary));
        var proposal = new Proposal(newcomer, TargetKind.Offer, vacancy.Id, $"{title} ({employer.Name})", employer.Id, null, "Klantregisseur",
            new DateTimeOffset(today.AddDays(-3).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero), today.AddDays(-3));
        proposal.RecordAnswer(NewcomerAnswer.Yes, today.AddDays(-2), null);
        db.Organisations.Add(employer);
        db.Offers.Add(vacancy);
        db.Proposals.Add(proposal);
        db.Consents.Add(new Consent(proposal, RecordNewcomerAnswer.DefaultPurpose(proposal.What, employer.Name, application: true),
            today.AddDays(-2), today.AddYears(2), "Klantregisseur"));
        return proposal;
    }
}
