using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Plans;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
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

    /// <summary>"alle" or "geen" when the coordinator ticks everyone shown or nobody, instead of running the round.</summary>
    public string? Select { get; set; }
}

/// <summary>Who the list of people shows: a housing cohort ("2026-09" a month, "2026-K3" a quarter), a status, a case manager.</summary>
public sealed record CohortQuery(string? Cohort, string? Status, string? CaseManager)
{
    public const string Active = "actief";
    public const string AfterNotNow = "na-niet-nu";

    public bool Includes(CohortCandidate person) =>
        (string.IsNullOrEmpty(Cohort) || (person.HousingDate is { } housed && (Cohort == MonthOf(housed) || Cohort == QuarterOf(housed))))
        && (string.IsNullOrEmpty(Status) || Status == (person.Status == DossierStatus.Active ? Active : AfterNotNow))
        && (string.IsNullOrEmpty(CaseManager) || CaseManager == person.CaseManagerId);

    public static string MonthOf(DateOnly day) => $"{day.Year:0000}-{day.Month:00}";

    public static string QuarterOf(DateOnly day) => $"{day.Year:0000}-K{((day.Month - 1) / 3) + 1}";
}

/// <summary>Someone who can take part in a matching round.</summary>
public sealed record CohortCandidate(Guid Id, string Name, string? CaseManagerId, string? CaseManager, DateOnly? HousingDate, DossierStatus Status);

/// <summary>The people the chosen filters show, and the choices the filters offer.</summary>
public sealed record CohortCandidates(IReadOnlyList<CohortCandidate> Shown, IReadOnlyList<(string Key, string Label)> Cohorts,
    IReadOnlyList<(string Id, string Name)> CaseManagers);

/// <summary>
/// A coordinator's matching round: the chosen people against one pool, assigned as well as possible at once
/// (min-cost flow in the engine), with no place given twice and nobody asked more than the chosen number of times.
/// The proposals wait in a <see cref="CohortRun"/> until the coordinator accepts or rejects each one.
/// </summary>
public sealed class RunCohort(AppDbContext db, ReadMatchingPool readPool, ReadMatchingPeople readPeople, CurrentUser currentUser, TimeProvider clock)
{
    public const int MostPerPerson = 3;

    /// <summary>
    /// Everyone who can be matched now, in the order of housing (the newest arrivals first), narrowed by the query:
    /// an active dossier, or a "niet nu" that has ended. Someone housed in the future, or still asking "niet nu", is not offered.
    /// </summary>
    public async Task<CohortCandidates> CandidatesAsync(CohortQuery query, CancellationToken cancellationToken)
    {
        var everyone = await EligibleAsync(cancellationToken);
        var cohorts = everyone.Where(p => p.HousingDate is not null).Select(p => p.HousingDate!.Value)
            .SelectMany(d => new[] { (Key: CohortQuery.QuarterOf(d), Sort: CohortQuery.QuarterOf(d) + "~", Label: $"kwartaal {(d.Month - 1) / 3 + 1} van {d.Year}"),
                (Key: CohortQuery.MonthOf(d), Sort: CohortQuery.MonthOf(d), Label: DutchFormat.MonthYear(d)) })
            .DistinctBy(c => c.Key).OrderByDescending(c => c.Sort, StringComparer.Ordinal).Select(c => (c.Key, c.Label)).ToList();
        var caseManagers = everyone.Where(p => p.CaseManagerId is not null).DistinctBy(p => p.CaseManagerId)
            .Select(p => (p.CaseManagerId!, p.CaseManager ?? "onbekend")).OrderBy(c => c.Item2, StringComparer.CurrentCulture).ToList();
        return new CohortCandidates([.. everyone.Where(query.Includes)], cohorts, caseManagers);
    }

    /// <summary>Who can be matched on a day: an active dossier, or a "niet nu" that has ended; and already housed.</summary>
    internal static IQueryable<Newcomer> Matchable(AppDbContext db, DateOnly today) => db.Newcomers.AsNoTracking()
        .Where(n => n.Status == DossierStatus.Active || (n.Status == DossierStatus.Paused && n.PausedUntil != null && n.PausedUntil < today))
        .Where(n => n.HousingDate == null || n.HousingDate <= today);

    private async Task<List<CohortCandidate>> EligibleAsync(CancellationToken cancellationToken)
    {
        var people = await Matchable(db, clock.InTheNetherlands())
            .OrderByDescending(n => n.HousingDate).ThenBy(n => n.FamilyName).ThenBy(n => n.GivenNames)
            .Select(n => new
            {
                n.Id,
                n.GivenNames,
                n.FamilyName,
                n.HousingDate,
                n.Status,
                n.CaseManagerId,
                CaseManager = db.Users.Where(u => u.Id == n.CaseManagerId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. people.Select(p => new CohortCandidate(p.Id, $"{p.GivenNames} {p.FamilyName}", p.CaseManagerId, p.CaseManager, p.HousingDate, p.Status))];
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
        var eligible = (await EligibleAsync(cancellationToken)).Select(c => c.Id).ToHashSet();
        // Someone ticked on a page opened before they asked for "niet nu" (or a crafted form) is left out.
        var ids = form.People.Where(p => p.Value && eligible.Contains(p.Key)).Select(p => p.Key).ToList();
        var newcomers = await db.Newcomers.AsNoTracking().Where(n => ids.Contains(n.Id)).ToListAsync(cancellationToken);
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
        var people = await readPeople.HandleAsync(newcomers, pool, cancellationToken, forRound: true);
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
            db.RecordAudit(AuditAction.View, nameof(Newcomer), newcomer.Id.ToString(), AuditResult.Success, "Koppelronde", newcomer.Id);
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Saved(run.Id);
    }
}
