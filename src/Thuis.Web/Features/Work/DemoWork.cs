using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Matching;
using Thuis.Web.Features.Occupations;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Platform.Localization;
using Engine = Thuis.Matching;

namespace Thuis.Web.Features.Work;

/// <summary>
/// The road to work in the demo: job coaches, professional and volunteer, and applications in every state — applied,
/// on interview, on trial, hired at or below their level (a year ago and recently), not hired with the reason, and a job
/// that ended. Each vacancy goes only to someone the matching engine puts forward for it, so no demo person applies
/// for work far below their level without a reason. The town's first person is left free to walk the road in a demo.
/// </summary>
internal static class DemoWork
{
    private sealed record Road(ApplicationState Reached, int AppliedDaysAgo, string? Note = null, ContractKind Contract = ContractKind.Temporary,
        int Hours = 24, BenefitAfterHire Benefit = BenefitAfterHire.Partly, int? LeftDaysAgo = null);

    private static readonly Road[] Roads =
    [
        new(ApplicationState.Hired, 420, Contract: ContractKind.Permanent, Hours: 32, Benefit: BenefitAfterHire.Fully),
        new(ApplicationState.Left, 300, "Het tijdelijke contract werd niet verlengd.", LeftDaysAgo: 90),
        new(ApplicationState.Hired, 60, Hours: 24, Benefit: BenefitAfterHire.Partly),
        new(ApplicationState.NotHired, 45, "Een andere kandidaat had meer ervaring; de werkgever wil haar graag bij een volgende vacature terugzien."),
        new(ApplicationState.TrialPlacement, 30, "Proefplaatsing van twee maanden met behoud van uitkering."),
        new(ApplicationState.Interview, 14, "Gesprek met de teamleider, samen met de jobcoach."),
        new(ApplicationState.Applied, 5),
    ];

    public static async Task AddToAsync(AppDbContext db, ReadMatchingPool readPool, ReadMatchingPeople readPeople, OccupationCatalogue occupations,
        DemoTown town, string caseManagerName, TimeProvider clock)
    {
        var today = clock.InTheNetherlands();
        var newcomers = (await RunCohort.Matchable(db, today).ToListAsync())
            .Where(n => n.GivenNames != town.FirstGivenName || n.FamilyName != town.FirstFamilyName)
            .OrderBy(n => n.RegistrationDate).ThenBy(n => n.FamilyName, StringComparer.Ordinal)
            .ToList();
        var pool = await readPool.HandleAsync(PoolFilter.Everything, CancellationToken.None);
        var people = await readPeople.HandleAsync(newcomers, pool, CancellationToken.None);
        var vacancies = await db.Offers.Where(o => o.Active && o.Kind == OfferKind.Job).OrderBy(o => o.Title).ToListAsync();
        var employers = await db.Organisations.Where(o => vacancies.Select(v => v.OrganisationId).Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var road = 0;
        // Each road goes to the best candidate not yet on one, vacancy after vacancy, until every state is shown.
        for (var round = 0; round < 3 && road < Roads.Length; round++)
        {
            foreach (var vacancy in vacancies)
            {
                if (road == Roads.Length || pool.Index.Offers.FirstOrDefault(o => o.Id == MatchingPool.KeyOf(vacancy.Id)) is not { } offer)
                {
                    continue;
                }
                if (Engine.MatchingEngine.Candidates(people, offer, pool.Index.Weights, people.Count).FirstOrDefault(c => !taken.Contains(c.PersonId)) is not { } candidate)
                {
                    continue;
                }
                taken.Add(candidate.PersonId);
                var newcomer = newcomers.Single(n => n.Id.ToString() == candidate.PersonId);
                var person = people.Single(p => p.Id == candidate.PersonId);
                Apply(db, newcomer, vacancy, employers[vacancy.OrganisationId], candidate, Roads[road++], Engine.WorkLevels.OfPerson(person),
                    RecordApplicationStep.LevelOf(vacancy, occupations), caseManagerName, today);
            }
        }
        AddCoaches(db, newcomers.Where(n => taken.Contains(n.Id.ToString())).ToList(), await db.Volunteers.Where(v => v.Roles.Contains(VolunteerRole.JobCoach)).Select(v => v.Name).FirstOrDefaultAsync(), today);
    }

    private static void Apply(AppDbContext db, Newcomer newcomer, Offer vacancy, string employer, Engine.Suggestion candidate, Road road,
        Engine.SkillLevel personLevel, Engine.SkillLevel workLevel, string caseManagerName, DateOnly today)
    {
        var appliedOn = today.AddDays(-road.AppliedDaysAgo);
        var proposedOn = appliedOn.AddDays(-7);
        var proposal = new Proposal(newcomer, TargetKind.Offer, vacancy.Id, $"{vacancy.Title} ({employer})", vacancy.OrganisationId,
            string.Join("; ", candidate.Reasons.Select(r => r.Text)), caseManagerName,
            new DateTimeOffset(proposedOn.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero), proposedOn,
            new MatchMark(Math.Round(candidate.Score, 4), candidate.RulesVersion));
        var answeredOn = proposedOn.AddDays(3);
        proposal.RecordAnswer(NewcomerAnswer.Yes, answeredOn, "Wil graag solliciteren; cv samen gemaakt.");
        var consent = new Consent(proposal, RecordNewcomerAnswer.DefaultPurpose(proposal.What, employer, application: true),
            answeredOn, answeredOn.AddMonths(24), caseManagerName);
        var application = new JobApplication(proposal, consent, vacancy, appliedOn, today);
        var step = appliedOn;
        if (road.Reached is ApplicationState.Interview or ApplicationState.TrialPlacement or ApplicationState.Hired or ApplicationState.Left or ApplicationState.NotHired)
        {
            step = Later(step, 7, today);
            application.Interview(step, road.Reached == ApplicationState.Interview ? road.Note : "Kennismakingsgesprek.");
        }
        if (road.Reached is ApplicationState.TrialPlacement or ApplicationState.Hired or ApplicationState.Left)
        {
            step = Later(step, 7, today);
            application.StartTrial(step, road.Reached == ApplicationState.TrialPlacement ? road.Note : "Proefplaatsing met behoud van uitkering.");
        }
        if (road.Reached is ApplicationState.Hired or ApplicationState.Left)
        {
            step = Later(step, 30, today);
            application.RecordHire(step, new Hire(road.Contract, road.Hours, road.Benefit, personLevel, workLevel), "Aangenomen na de proefplaatsing.");
        }
        if (road.Reached == ApplicationState.Left)
        {
            application.RecordLeft(today.AddDays(-road.LeftDaysAgo!.Value), road.Note!);
        }
        if (road.Reached == ApplicationState.NotHired)
        {
            application.RecordNotHired(Later(step, 5, today), road.Note!);
        }
        db.Proposals.Add(proposal);
        db.Consents.Add(consent);
        db.JobApplications.Add(application);
    }

    private static DateOnly Later(DateOnly day, int days, DateOnly today) => day.AddDays(days) <= today ? day.AddDays(days) : today;

    private static void AddCoaches(AppDbContext db, List<Newcomer> applicants, string? volunteer, DateOnly today)
    {
        for (var i = 0; i < applicants.Count; i++)
        {
            var details = i % 2 == 0 || volunteer is null
                ? new JobCoachDetails(JobCoachKind.Professional, "Ruud Werkcoach", "Werkplein", today.AddDays(-500))
                : new JobCoachDetails(JobCoachKind.Volunteer, volunteer, "VluchtelingenWerk", today.AddDays(-400));
            db.JobCoaches.Add(new JobCoach(applicants[i], details));
        }
    }
}
