using Thuis.Web.Features.Plans;

namespace Thuis.Web.Features.Costs;

/// <summary>One month of the budget year: spent in it, still committed from it, and the forecast (decision 0034).</summary>
public sealed record BudgetMonth(DateOnly Month, decimal Spent, decimal Committed, decimal Forecast);

/// <summary>One category: allocated, spent and committed in the year, and what is left.</summary>
public sealed record CategoryFigures(CostCategory Category, decimal Allocated, decimal Spent, decimal Committed)
{
    public decimal Left => Allocated - Spent - Committed;
}

/// <summary>One person's costs (committed and spent, over their whole trajectory) against the norm of their route.</summary>
public sealed record PersonCosts(Guid NewcomerId, string Name, LearningRoute? Route, decimal? Norm, decimal Costs)
{
    public decimal? OverNorm => Norm is { } norm ? Costs - norm : null;

    public bool IsOverNorm => OverNorm > 0;
}

/// <summary>Cost against result for one group, offer or intervention, or one organisation.</summary>
public sealed record ResultFigures(string Label, decimal Spent, decimal Shared, int Started, decimal? PerParticipant,
    int Counted, int Going, decimal? PerGoingParticipant);

/// <summary>
/// The people of one housing cohort (the year they were housed here, or not yet housed) with costs: what they cost over
/// their whole trajectory (committed and spent), per person, and what was spent on them in the budget year.
/// </summary>
public sealed record CohortCosts(int? HousedIn, int People, decimal Costs, decimal SpentInYear)
{
    public decimal? PerPerson => Euros.PerHead(Costs, People);

    public string Label => HousedIn is { } year ? $"gehuisvest in {year}" : "nog niet gehuisvest";
}

/// <summary>The arithmetic of the budget page on plain lines, so every rule of decision 0034 can be checked by hand.</summary>
public static class BudgetFigures
{
    /// <summary>
    /// Per month of the year: spent (by the day it was spent), committed (open commitments by the day they were made;
    /// those from before the year in its first month), and the forecast: spent + committed, plus the run rate for every
    /// month after the current one.
    /// </summary>
    public static IReadOnlyList<BudgetMonth> Months(IReadOnlyList<CostLine> lines, int year, DateOnly today)
    {
        var runRate = RunRate(lines, today);
        var current = new DateOnly(today.Year, today.Month, 1);
        return [.. Enumerable.Range(1, 12).Select(month =>
        {
            var first = new DateOnly(year, month, 1);
            var spent = lines.Where(l => l.SpentOn is { } on && on.Year == year && on.Month == month).Sum(l => l.Amount);
            var committed = lines.Where(l => !l.IsSpent && InMonth(l.CommittedOn, year, month)).Sum(l => l.Amount);
            return new BudgetMonth(first, spent, committed, spent + committed + (first > current ? runRate : 0));
        })];
    }

    private static bool InMonth(DateOnly day, int year, int month) =>
        day.Year == year ? day.Month == month : day.Year < year && month == 1;

    /// <summary>The average spent per month over the three whole months before this one, to the cent.</summary>
    public static decimal RunRate(IReadOnlyList<CostLine> lines, DateOnly today)
    {
        var until = new DateOnly(today.Year, today.Month, 1);
        var from = until.AddMonths(-3);
        return Euros.Cents(lines.Where(l => l.SpentOn >= from && l.SpentOn < until).Sum(l => l.Amount) / 3);
    }

    public static IReadOnlyList<CategoryFigures> Categories(IReadOnlyList<CostLine> lines, Budget? budget, int year) =>
        [.. Enum.GetValues<CostCategory>().Select(category =>
        {
            var these = lines.Where(l => l.Category == category).ToList();
            return new CategoryFigures(category, budget?.Allocated(category) ?? 0,
                these.Where(l => l.SpentOn?.Year == year).Sum(l => l.Amount),
                these.Where(l => !l.IsSpent && l.CommittedOn.Year <= year).Sum(l => l.Amount));
        })];

    /// <summary>Everyone with costs, those over the norm of their route first (most over first), then by name.</summary>
    public static IReadOnlyList<PersonCosts> People(IReadOnlyList<CostLine> lines, IReadOnlyDictionary<Guid, (string Name, LearningRoute? Route)> people, Budget? budget) =>
        [.. lines.Where(l => l.NewcomerId is { } id && people.ContainsKey(id))
            .GroupBy(l => l.NewcomerId!.Value)
            .Select(g =>
            {
                var (name, route) = people[g.Key];
                return new PersonCosts(g.Key, name, route, route is { } r ? budget?.Norm(r) : null, g.Sum(l => l.Amount));
            })
            .OrderByDescending(p => p.IsOverNorm).ThenByDescending(p => p.OverNorm ?? 0).ThenBy(p => p.Name, StringComparer.CurrentCulture)];

    /// <summary>Per housing year, newest first, then those not yet housed: the person-bound costs of its people.</summary>
    public static IReadOnlyList<CohortCosts> PerCohort(IReadOnlyList<CostLine> lines, IReadOnlyDictionary<Guid, DateOnly?> housingDates, int year) =>
        [.. lines.Where(l => l.NewcomerId is { } id && housingDates.ContainsKey(id))
            .GroupBy(l => housingDates[l.NewcomerId!.Value]?.Year)
            .Select(g => new CohortCosts(g.Key, g.Select(l => l.NewcomerId).Distinct().Count(), g.Sum(l => l.Amount),
                g.Where(l => l.SpentOn?.Year == year).Sum(l => l.Amount)))
            .OrderBy(c => c.HousedIn is null).ThenByDescending(c => c.HousedIn)];

    /// <summary>
    /// Per group, offer or intervention: the spent costs of its participants, shared by those who started, and by those
    /// still going at three months among the participants whose three months have passed. Interpreters and childcare
    /// are not one person's and are shown apart.
    /// </summary>
    public static IReadOnlyList<ResultFigures> PerSource(CostPicture picture) =>
        Results(picture, l => l.Source, p => p.Source, (source, lines) => $"{lines[0].SourceName} ({lines[0].Organisation})");

    /// <summary>The same per organisation: everything it delivered together.</summary>
    public static IReadOnlyList<ResultFigures> PerOrganisation(CostPicture picture) =>
        Results(picture, l => l.Organisation, p => p.Organisation, (organisation, _) => organisation);

    private static IReadOnlyList<ResultFigures> Results(CostPicture picture, Func<CostLine, string> lineKey, Func<Participation, string> participationKey,
        Func<string, IReadOnlyList<CostLine>, string> label) =>
        [.. picture.Lines.GroupBy(lineKey).Select(group =>
        {
            var lines = group.ToList();
            var sources = lines.Select(l => l.Source).ToHashSet();
            var participants = picture.Participations.Where(p => participationKey(p) == group.Key && sources.Contains(p.Source)).ToList();
            var personal = lines.Where(l => l.NewcomerId is not null && l.IsSpent).ToList();
            var counted = participants.Where(p => p.GoingAtThreeMonths is not null).ToList();
            var countedSpent = personal.Where(l => counted.Exists(p => p.NewcomerId == l.NewcomerId && p.Source == l.Source)).Sum(l => l.Amount);
            var going = counted.Count(p => p.GoingAtThreeMonths == true);
            var personalSpent = personal.Sum(l => l.Amount);
            return new ResultFigures(label(group.Key, lines), personalSpent,
                lines.Where(l => l.NewcomerId is null && l.IsSpent).Sum(l => l.Amount),
                participants.Count, Euros.PerHead(personalSpent, participants.Count),
                counted.Count, going, Euros.PerHead(countedSpent, going));
        }).OrderBy(r => r.Label, StringComparer.CurrentCulture)];
}
