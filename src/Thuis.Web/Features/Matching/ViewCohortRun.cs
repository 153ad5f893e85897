using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;

namespace Thuis.Web.Features.Matching;

public sealed record CohortRunSummary(Guid Id, DateTimeOffset CreatedAt, string CreatedBy, string Pool, int People, int Matches, int Accepted, int Open);

public sealed record CohortMatchView(CohortMatch Match, string Name);

public sealed record CohortRunView(CohortRun Run, IReadOnlyList<CohortMatchView> Matches, IReadOnlyList<(Guid Id, string Name)> NothingFound)
{
    public int PeoplePlaced => Matches.Select(m => m.Match.NewcomerId).Distinct().Count();
}

/// <summary>A matching round for review, and the recent rounds of the municipality.</summary>
public sealed class ViewCohortRun(AppDbContext db)
{
    public async Task<CohortRunView?> HandleAsync(Guid runId, CancellationToken cancellationToken)
    {
        var run = await db.CohortRuns.AsNoTracking().Include(r => r.Matches).SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null)
        {
            return null;
        }
        var names = await db.Newcomers.AsNoTracking().Where(n => run.People.Contains(n.Id))
            .Select(n => new { n.Id, Name = n.GivenNames + " " + n.FamilyName })
            .ToDictionaryAsync(n => n.Id, n => n.Name, cancellationToken);
        var matches = run.Matches
            .Where(m => names.ContainsKey(m.NewcomerId))
            .OrderBy(m => names[m.NewcomerId], StringComparer.CurrentCulture).ThenByDescending(m => m.Score)
            .Select(m => new CohortMatchView(m, names[m.NewcomerId]))
            .ToList();
        var matched = matches.Select(m => m.Match.NewcomerId).ToHashSet();
        var nothing = names.Where(n => !matched.Contains(n.Key)).OrderBy(n => n.Value, StringComparer.CurrentCulture).Select(n => (n.Key, n.Value)).ToList();
        return new CohortRunView(run, matches, nothing);
    }

    public async Task<IReadOnlyList<CohortRunSummary>> RecentAsync(CancellationToken cancellationToken) =>
        (await db.CohortRuns.AsNoTracking()
            // Ids are time-ordered (version 7), and both databases sort them as such; SQLite cannot sort DateTimeOffset.
            .OrderByDescending(r => r.Id)
            .Take(20)
            .Select(r => new
            {
                r.Id,
                r.CreatedAt,
                r.CreatedBy,
                r.Pool,
                r.People,
                Matches = r.Matches.Count,
                Accepted = r.Matches.Count(m => m.Decision == CohortMatchDecision.Accepted),
                Open = r.Matches.Count(m => m.Decision == CohortMatchDecision.Open),
            })
            .ToListAsync(cancellationToken))
        .Select(r => new CohortRunSummary(r.Id, r.CreatedAt, r.CreatedBy, r.Pool, r.People.Count, r.Matches, r.Accepted, r.Open))
        .ToList();
}
