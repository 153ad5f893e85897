using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Plans;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Security;
using Engine = Thuis.Matching;

namespace Thuis.Web.Features.Matching;

public sealed class CohortForm
{
    public ParticipationDomain? Domain { get; set; }

    public string? Kind { get; set; }

    [Range(1, RunCohort.MostPerPerson, ErrorMessage = "Kies 1, 2 of 3 voorstellen per persoon.")]
    public int MaxPerPerson { get; set; } = 1;

    /// <summary>The ticked people, as the form posts them: People[id]=true.</summary>
    public Dictionary<Guid, bool> People { get; set; } = [];
}

/// <summary>Someone who can take part in a matching round.</summary>
public sealed record CohortCandidate(Guid Id, string Name, string? CaseManager, DateOnly? HousingDate);

/// <summary>
/// A coordinator's matching round: the chosen people against one pool, assigned as well as possible at once
/// (min-cost flow in the engine), with no place given twice and nobody asked more than the chosen number of times.
/// The proposals wait in a <see cref="CohortRun"/> until the coordinator accepts or rejects each one.
/// </summary>
public sealed class RunCohort(AppDbContext db, ReadMatchingPool readPool, ReadMatchingPeople readPeople, CurrentUser currentUser, TimeProvider clock)
{
    public const int MostPerPerson = 3;

    /// <summary>Everyone still active, in the order of housing: the newest arrivals first.</summary>
    public async Task<IReadOnlyList<CohortCandidate>> CandidatesAsync(CancellationToken cancellationToken)
    {
        var people = await db.Newcomers.AsNoTracking()
            .Where(n => n.Status == DossierStatus.Active)
            .OrderByDescending(n => n.HousingDate).ThenBy(n => n.FamilyName).ThenBy(n => n.GivenNames)
            .Select(n => new
            {
                n.Id,
                n.GivenNames,
                n.FamilyName,
                n.HousingDate,
                CaseManager = db.Users.Where(u => u.Id == n.CaseManagerId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. people.Select(p => new CohortCandidate(p.Id, $"{p.GivenNames} {p.FamilyName}", p.CaseManager, p.HousingDate))];
    }

    /// <returns>The round kept for review, or the fields that were not right.</returns>
    public async Task<Outcome<Guid>> HandleAsync(CohortForm form, CancellationToken cancellationToken)
    {
        var filter = new PoolFilter(form.Domain, string.IsNullOrEmpty(form.Kind) ? null : form.Kind);
        var errors = new Dictionary<string, string>();
        if (!filter.IsKnownKind)
        {
            errors[nameof(CohortForm.Kind)] = "Kies een soort aanbod uit de lijst.";
        }
        var ids = form.People.Where(p => p.Value).Select(p => p.Key).ToList();
        var newcomers = await db.Newcomers.AsNoTracking().Where(n => ids.Contains(n.Id) && n.Status == DossierStatus.Active).ToListAsync(cancellationToken);
        if (newcomers.Count == 0)
        {
            errors[nameof(CohortForm.People)] = "Kies minstens één persoon.";
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var pool = await readPool.HandleAsync(filter, cancellationToken);
        if (pool.Items.Values.All(i => i.PlacesFree == 0))
        {
            return Outcome.Invalid(nameof(CohortForm.Kind), $"In ‘{filter.Describe()}’ is nu geen plek vrij. Kies een andere soort of een ander domein.");
        }
        var people = await readPeople.HandleAsync(newcomers, pool, cancellationToken);
        var assignment = Engine.MatchingEngine.ProposeForCohort(people, pool.Index, new Engine.CohortOptions { MaxProposalsPerPerson = form.MaxPerPerson });

        var run = new CohortRun(currentUser.MunicipalityId!.Value, filter, form.MaxPerPerson, newcomers.Select(n => n.Id), Engine.MatchingEngine.RulesVersion,
            currentUser.DisplayName, clock.GetUtcNow());
        var byId = newcomers.ToDictionary(n => n.Id.ToString());
        foreach (var suggestion in assignment.Suggestions.OrderBy(s => byId[s.PersonId].FamilyName).ThenByDescending(s => s.Score))
        {
            run.Add(byId[suggestion.PersonId], pool.Items[suggestion.OfferId], suggestion.Score, suggestion.Reasons);
        }
        db.CohortRuns.Add(run);
        foreach (var newcomer in newcomers)
        {
            // The round read each person's intake to match them.
            db.RecordAudit(AuditAction.View, nameof(Newcomer), newcomer.Id.ToString(), AuditResult.Success, "Koppelronde");
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Saved(run.Id);
    }
}
