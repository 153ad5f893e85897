using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Matching;
using Thuis.Web.Features.Occupations;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Localization;
using Engine = Thuis.Matching;

namespace Thuis.Web.Features.Work;

/// <summary>Someone a vacancy fits, as the page shows them: their level, the score and its reasons, and an open proposal.</summary>
public sealed record CandidateView(Guid NewcomerId, string Name, string Level, double Score, IReadOnlyList<Engine.Reason> Reasons, Guid? OpenProposalId);

/// <summary>A vacancy with its employer, what it asks, and the people it fits best.</summary>
public sealed record VacancyCandidates(Offer Vacancy, string Employer, string Work, string? NoCandidatesBecause, int Considered, IReadOnlyList<CandidateView> Candidates);

/// <summary>
/// Per vacancy — a job, internship or work-experience place on the social map — the people of the municipality it fits,
/// best first, with the reasons in words: the engine's own rules, so nobody is put forward for work far below their
/// level or before their plan allows paid work. Nothing reaches the employer from here: a candidate is first proposed
/// to the person, who says yes and gives consent before anything is shared.
/// </summary>
public sealed class FindCandidates(AppDbContext db, ReadMatchingPool readPool, ReadMatchingPeople readPeople, OccupationCatalogue occupations, TimeProvider clock)
{
    public const int Shown = 20;

    public async Task<VacancyCandidates?> HandleAsync(Guid offerId, CancellationToken cancellationToken)
    {
        var vacancy = await db.Offers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == offerId, cancellationToken);
        if (vacancy is null)
        {
            return null;
        }
        var employer = await db.Organisations.AsNoTracking().Where(o => o.Id == vacancy.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var work = WorkLevelNames.Work(occupations, vacancy.EscoUri, vacancy.Nlqf);
        if (!Offer.IsWork(vacancy.Kind))
        {
            return new VacancyCandidates(vacancy, employer, work, $"Kandidaten zijn er voor werk: een baan, stage of werkervaringsplaats. Dit is {vacancy.Kind.Dutch()}.", 0, []);
        }
        var pool = await readPool.HandleAsync(PoolFilter.Everything, cancellationToken);
        var offer = pool.Index.Offers.FirstOrDefault(o => o.Id == MatchingPool.KeyOf(vacancy.Id));
        if (!vacancy.Active || offer is null || pool.Items[offer.Id].PlacesFree == 0)
        {
            return new VacancyCandidates(vacancy, employer, work, "Deze vacature is niet actief of heeft geen plek meer vrij.", 0, []);
        }
        var newcomers = await RunCohort.Matchable(db, clock.InTheNetherlands()).ToListAsync(cancellationToken);
        var people = await readPeople.HandleAsync(newcomers, pool, cancellationToken);
        var found = Engine.MatchingEngine.Candidates(people, offer, pool.Index.Weights, Shown);
        var byId = newcomers.ToDictionary(n => n.Id.ToString());
        var levels = people.ToDictionary(p => p.Id, p => Engine.WorkLevels.OfPerson(p));
        var open = await db.Proposals.AsNoTracking()
            .Where(p => p.TargetId == vacancy.Id && (p.Answer == NewcomerAnswer.Pending || p.Answer == NewcomerAnswer.Yes))
            .Select(p => new { p.NewcomerId, p.Id })
            .ToListAsync(cancellationToken);
        var openFor = open.DistinctBy(p => p.NewcomerId).ToDictionary(p => p.NewcomerId, p => p.Id);
        var candidates = found.Select(c => (Found: c, Person: byId[c.PersonId]))
            .Select(c => new CandidateView(c.Person.Id, $"{c.Person.GivenNames} {c.Person.FamilyName}", WorkLevelNames.Skill(levels[c.Found.PersonId]),
                c.Found.Score, c.Found.Reasons, openFor.TryGetValue(c.Person.Id, out var proposal) ? proposal : null))
            .ToList();
        foreach (var candidate in candidates)
        {
            // The list read each candidate's intake to weigh them for this vacancy.
            db.RecordAudit(AuditAction.View, nameof(Newcomer), candidate.NewcomerId.ToString(), AuditResult.Success, "Kandidaten voor een vacature", candidate.NewcomerId);
        }
        await db.SaveChangesAsync(cancellationToken);
        return new VacancyCandidates(vacancy, employer, work, null, people.Count, candidates);
    }
}
