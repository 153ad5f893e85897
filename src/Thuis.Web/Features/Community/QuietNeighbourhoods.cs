using Microsoft.EntityFrameworkCore;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Signals;

namespace Thuis.Web.Features.Community;

/// <summary>A person who is new in a neighbourhood that had no draagvlak activity in the window.</summary>
public sealed record NewInQuietNeighbourhood(Guid NewcomerId, string GivenNames, DateOnly HousedOn, string PostcodeArea, DateOnly? LastActivity);

/// <summary>
/// Which neighbourhoods receive new people without having been prepared. A neighbourhood is a postcode area; someone is
/// new there when housed there within the last <c>months</c> (or to be housed there later); the neighbourhood is prepared
/// when it had a draagvlak activity on or after the same day <c>months</c> ago, or has one planned. The boundary day
/// itself counts as within.
/// </summary>
public static class QuietNeighbourhoods
{
    public static DateOnly WindowStart(DateOnly today, int months) => today.AddMonths(-months);

    public static async Task<IReadOnlyList<NewInQuietNeighbourhood>> FindAsync(IQueryable<Newcomer> people, IQueryable<CommunityActivity> activities,
        DateOnly today, int months, CancellationToken cancellationToken)
    {
        var since = WindowStart(today, months);
        var housed = await people.Where(n => n.Status == DossierStatus.Active && n.HousingDate >= since && n.Postcode != null)
            .Select(n => new { n.Id, n.GivenNames, HousingDate = n.HousingDate!.Value, n.Postcode }).ToListAsync(cancellationToken);
        var inAreas = housed.Select(n => (Person: n, Area: CommunityActivity.AreaOf(n.Postcode))).Where(n => n.Area is not null).ToList();
        if (inAreas.Count == 0)
        {
            return [];
        }
        var areas = inAreas.Select(n => n.Area!).Distinct().ToList();
        var last = (await activities.Where(a => areas.Contains(a.PostcodeArea))
                .GroupBy(a => a.PostcodeArea).Select(g => new { Area = g.Key, Last = g.Max(a => a.Date) }).ToListAsync(cancellationToken))
            .ToDictionary(a => a.Area, a => a.Last);
        return [.. inAreas
            .Where(n => !(last.TryGetValue(n.Area!, out var latest) && latest >= since))
            .Select(n => new NewInQuietNeighbourhood(n.Person.Id, n.Person.GivenNames, n.Person.HousingDate, n.Area!,
                last.TryGetValue(n.Area!, out var latest) ? latest : null))];
    }
}

/// <summary>
/// Someone is new in a neighbourhood that had no draagvlak activity in the municipality's months
/// (<see cref="SignalSettings.QuietNeighbourhoodMonths"/>). The cause is the neighbourhood's, so the signal is raised
/// on each newly housed person there, for their case manager: it names the postcode area and asks the coordinator to be
/// told, and it closes for all of them once an activity there is planned or held (decision 0037).
/// </summary>
public sealed class QuietNeighbourhoodRule : ISignalRule
{
    public SignalKind Kind => SignalKind.QuietNeighbourhood;

    public async Task<IReadOnlyList<SignalFinding>> FindAsync(SignalScope scope, CancellationToken cancellationToken)
    {
        var months = scope.Settings.QuietNeighbourhoodMonths;
        var found = await QuietNeighbourhoods.FindAsync(scope.Active, scope.Db.CommunityActivities.AsNoTracking(), scope.Today, months, cancellationToken);
        return [.. found.Select(f => new SignalFinding(f.NewcomerId, null, 3,
            $"{f.GivenNames} {(f.HousedOn > scope.Today ? "komt op " + SignalScope.Date(f.HousedOn) + " wonen" : "woont sinds " + SignalScope.Date(f.HousedOn))} in postcodegebied {f.PostcodeArea}, "
                + (f.LastActivity is { } lastOne
                    ? $"waar de laatste draagvlakactiviteit op {SignalScope.Date(lastOne)} was, meer dan {months} maanden geleden"
                    : "waar nog nooit een draagvlakactiviteit was"),
            $"Vraag de coördinator een buurtbijeenkomst of rolmodelpresentatie in {f.PostcodeArea} te plannen, en zoek met {f.GivenNames} de buren op",
            f.HousedOn > scope.Today ? scope.Today : f.HousedOn))];
    }
}
