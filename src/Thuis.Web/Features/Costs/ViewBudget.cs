using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Reports;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Costs;

/// <summary>The budget page's figures for one year.</summary>
public sealed record BudgetView(int Year, DateOnly Today, Budget? Budget, IReadOnlyList<BudgetMonth> Months, IReadOnlyList<CategoryFigures> Categories,
    IReadOnlyList<PersonCosts> People, IReadOnlyList<ResultFigures> PerSource, IReadOnlyList<ResultFigures> PerOrganisation,
    IReadOnlyList<CohortCosts> PerCohort, StateAccount Account)
{
    public decimal Spent => Months.Sum(m => m.Spent);

    public decimal Committed => Months.Sum(m => m.Committed);

    public decimal Forecast => Months.Sum(m => m.Forecast);

    /// <summary>The tables as the page shows them and the exports write them.</summary>
    public IReadOnlyList<ReportTable> Tables => BudgetTables.All(this);
}

/// <summary>
/// Reads the budget of a year with the costs that follow from what happened. The per-person table names people and
/// their costs: every person shown is recorded in the audit trail as viewed, like a look at their dossier.
/// </summary>
public sealed class ViewBudget(AppDbContext db, CostLines costLines, TimeProvider clock)
{
    public const string Purpose = "Begroting: kosten per persoon tegen de norm van de leerroute";

    public async Task<BudgetView?> HandleAsync(int year, string purpose, CancellationToken cancellationToken)
    {
        if (!EditBudget.IsYear(year))
        {
            return null;
        }
        var today = clock.InTheNetherlands();
        var budget = await db.Budgets.AsNoTracking().SingleOrDefaultAsync(b => b.Year == year, cancellationToken);
        var picture = await costLines.HandleAsync(today, cancellationToken);
        var ids = picture.Lines.Where(l => l.NewcomerId is not null).Select(l => l.NewcomerId!.Value).Distinct().ToList();
        var names = await db.Newcomers.AsNoTracking().Where(n => ids.Contains(n.Id))
            .Select(n => new { n.Id, Name = n.GivenNames + " " + n.FamilyName, n.HousingDate }).ToListAsync(cancellationToken);
        // The route of the plan in force, else of the draft: a superseded version's route is history.
        var routes = await db.IntegrationPlans.AsNoTracking().Where(p => ids.Contains(p.NewcomerId) && p.State != PlanState.Superseded)
            .Select(p => new { p.NewcomerId, p.LearningRoute, p.State }).ToListAsync(cancellationToken);
        var people = names.ToDictionary(n => n.Id, n => (n.Name,
            routes.Where(r => r.NewcomerId == n.Id).OrderBy(r => r.State == PlanState.Fixed ? 0 : 1).Select(r => r.LearningRoute).FirstOrDefault()));
        var perPerson = BudgetFigures.People(picture.Lines, people, budget);
        foreach (var person in perPerson)
        {
            db.RecordAudit(AuditAction.View, nameof(CostLine), person.NewcomerId.ToString(), AuditResult.Success, purpose, person.NewcomerId);
        }
        db.RecordAudit(AuditAction.View, nameof(Budget), year.ToString(System.Globalization.CultureInfo.InvariantCulture), AuditResult.Success, purpose);
        await db.SaveChangesAsync(cancellationToken);
        return new BudgetView(year, today, budget, BudgetFigures.Months(picture.Lines, year, today), BudgetFigures.Categories(picture.Lines, budget, year),
            perPerson, BudgetFigures.PerSource(picture), BudgetFigures.PerOrganisation(picture),
            BudgetFigures.PerCohort(picture.Lines, names.ToDictionary(n => n.Id, n => n.HousingDate), year),
            StateAccount.Of(year, picture.Lines, budget, await HousedAsync(year, today, cancellationToken)));
    }

    /// <summary>Thuis's count of the people the state's distribution counts for the year (<see cref="HousedCounts"/>), housed by today.</summary>
    private async Task<HousedCounts> HousedAsync(int year, DateOnly today, CancellationToken cancellationToken)
    {
        var from = new DateOnly(year - 2, 1, 1);
        var until = new DateOnly(year + 1, 1, 1);
        var housed = await db.Newcomers.AsNoTracking()
            .Where(n => n.HousingDate != null && n.HousingDate >= from && n.HousingDate < until && n.HousingDate <= today)
            .Select(n => new
            {
                n.TargetGroup,
                n.HousingDate!.Value.Year,
                Education = db.IntegrationPlans.Any(p => p.NewcomerId == n.Id && p.DecisionDate != null && p.LearningRoute == LearningRoute.Education),
            })
            .ToListAsync(cancellationToken);
        var asylum = housed.Where(h => h.TargetGroup == TargetGroup.AsylumPermitHolder).ToList();
        return new HousedCounts(asylum.Count(h => h.Year == year), asylum.Count(h => h.Year == year - 1), asylum.Count(h => h.Year == year - 2),
            asylum.Count(h => h.Year == year && h.Education), housed.Count(h => h.Year == year && h.TargetGroup != TargetGroup.AsylumPermitHolder));
    }
}

/// <summary>The lines of the accounting table, with the article each answers.</summary>
public static class AccountLines
{
    public const string Received = "ontvangen: uitkering inburgeringsvoorzieningen (Wi2021 art. 40 lid 1)";
    public const string ServicesSpent = "besteed aan inburgeringsvoorzieningen, totaal";
    public const string Unspent = "niet besteed: terug aan het Rijk, of te reserveren binnen de reserveringsruimte (Wi2021 art. 42 lid 2; Besluit art. 10.5)";
    public const string Overspent = "meer besteed dan de uitkering: toegerekend aan het volgende jaar (Besluit art. 10.6)";
    public const string Other = "niet uit de uitkering: aanbod, interventies en kinderopvang";

    public static string Spent(CostCategory category) => category switch
    {
        CostCategory.Lessons => "besteed: lessen (leerroutes)",
        CostCategory.Interpreter => "besteed: tolken",
        _ => $"besteed: {category.Dutch()}",
    };

    public static string AsylumHoused(int year) => $"asielstatushouders gehuisvest in {year} (Besluit art. 10.2 lid 3, AA)";

    public static string EducationRoute(int year) => $"asielstatushouders gehuisvest in {year} met de onderwijsroute in het PIP (Besluit art. 10.2 lid 4, AAO)";

    public static string FamilyAndOther(int year) => $"gezinsmigranten en overige migranten gehuisvest in {year} (Besluit art. 10.2 lid 1, AGO)";
}

/// <summary>The budget page's tables, made once for the page, the CSV and the workbook.</summary>
public static class BudgetTables
{
    public const string Months = "per-maand";
    public const string Categories = "per-categorie";
    public const string People = "per-persoon";
    public const string PerSource = "kosten-tegen-resultaat";
    public const string PerOrganisation = "per-organisatie";
    public const string PerCohort = "per-cohort";
    public const string Account = "verantwoording";

    public static IReadOnlyList<string> Keys { get; } = [Months, Categories, People, PerCohort, PerSource, PerOrganisation, Account];

    private static ReportColumn Euro(string title) => new(title, ValueKind.Money);

    private static ReportColumn Count(string title) => new(title, ValueKind.Count);

    public static IReadOnlyList<ReportTable> All(BudgetView view) =>
    [
        new(Months, $"Uitgegeven, verplicht en prognose per maand in {view.Year}", "Maand",
            [Euro("uitgegeven"), Euro("verplicht"), Euro("prognose")],
            [.. view.Months.Select(m => new ReportRow(Platform.Localization.DutchFormat.MonthYear(m.Month), [m.Spent, m.Committed, m.Forecast]))]),
        new(Categories, $"Toegewezen en besteed per categorie in {view.Year}", "Categorie",
            [Euro("toegewezen"), Euro("uitgegeven"), Euro("verplicht"), Euro("over")],
            [.. view.Categories.Select(c => new ReportRow(c.Category.Dutch(), [c.Allocated, c.Spent, c.Committed, c.Left]))]),
        new(People, "Kosten per persoon tegen de norm van de leerroute", "Persoon",
            [Euro("norm"), Euro("kosten (verplicht en uitgegeven)"), Euro("boven de norm")],
            [.. view.People.Select(p => new ReportRow(PersonLabel(p), [p.Norm, p.Costs, p.OverNorm]))]),
        new(PerCohort, $"Kosten per cohort, met wat in {view.Year} is uitgegeven", "Cohort",
            [Count("personen met kosten"), Euro("kosten (verplicht en uitgegeven)"), Euro("per persoon"), Euro($"uitgegeven in {view.Year}")],
            [.. view.PerCohort.Select(c => new ReportRow(c.Label, [c.People, c.Costs, c.PerPerson, c.SpentInYear]))]),
        Result(PerSource, "Kosten tegen resultaat per groep, aanbod en interventie", "Groep, aanbod of interventie", view.PerSource),
        Result(PerOrganisation, "Kosten tegen resultaat per organisatie", "Organisatie", view.PerOrganisation),
        AccountTable(view.Account),
    ];

    /// <summary>
    /// The annual accounting to the state as one table: amounts in the first column, numbers of people in the second,
    /// each line naming the article it answers.
    /// </summary>
    private static ReportTable AccountTable(StateAccount account)
    {
        static ReportRow Amount(string label, decimal? amount) => new(label, [amount, null]);
        static ReportRow People(string label, int count) => new(label, [null, count]);
        var t = account.Year;
        return new(Account, $"Verantwoording aan het Rijk over {t} (Wet inburgering 2021)", "Onderdeel",
            [Euro("bedrag"), Count("personen")],
            [
                Amount(AccountLines.Received, account.Received),
                .. account.Services.Select(s => Amount(AccountLines.Spent(s.Category), s.Spent)),
                Amount(AccountLines.ServicesSpent, account.ServicesSpent),
                Amount(AccountLines.Unspent, account.Unspent),
                Amount(AccountLines.Overspent, account.Overspent),
                Amount(AccountLines.Other, account.OtherSpent),
                People(AccountLines.AsylumHoused(t), account.Housed.AsylumHoused),
                People(AccountLines.AsylumHoused(t - 1), account.Housed.AsylumHousedYearBefore),
                People(AccountLines.AsylumHoused(t - 2), account.Housed.AsylumHousedTwoYearsBefore),
                People(AccountLines.EducationRoute(t), account.Housed.AsylumEducationRoute),
                People(AccountLines.FamilyAndOther(t), account.Housed.FamilyAndOtherHoused),
            ]);
    }

    public static string PersonLabel(PersonCosts person) =>
        person.Name + (person.Route is { } route ? $" ({route.Dutch()})" : " (nog geen leerroute)");

    private static ReportTable Result(string key, string title, string rowHeader, IReadOnlyList<ResultFigures> rows) =>
        new(key, title, rowHeader,
            [Count("gestart"), Euro("uitgegeven aan deelnemers"), Euro("per deelnemer"), Count("drie maanden voorbij"), Count("nog bezig na drie maanden"),
                Euro("per deelnemer nog bezig"), Euro("tolk en kinderopvang")],
            [.. rows.Select(r => new ReportRow(r.Label, [r.Started, r.Spent, r.PerParticipant, r.Counted, r.Going, r.PerGoingParticipant, r.Shared]))]);
}
