using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Reports;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Costs;

/// <summary>The budget page's figures for one year.</summary>
public sealed record BudgetView(int Year, DateOnly Today, Budget? Budget, IReadOnlyList<BudgetMonth> Months, IReadOnlyList<CategoryFigures> Categories,
    IReadOnlyList<PersonCosts> People, IReadOnlyList<ResultFigures> PerSource, IReadOnlyList<ResultFigures> PerOrganisation)
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
            .Select(n => new { n.Id, Name = n.GivenNames + " " + n.FamilyName }).ToListAsync(cancellationToken);
        var routes = await db.IntegrationPlans.AsNoTracking().Where(p => ids.Contains(p.NewcomerId))
            .Select(p => new { p.NewcomerId, p.LearningRoute }).ToListAsync(cancellationToken);
        var people = names.ToDictionary(n => n.Id, n => (n.Name, routes.Where(r => r.NewcomerId == n.Id).Select(r => r.LearningRoute).FirstOrDefault()));
        var perPerson = BudgetFigures.People(picture.Lines, people, budget);
        foreach (var person in perPerson)
        {
            db.RecordAudit(AuditAction.View, nameof(CostLine), person.NewcomerId.ToString(), AuditResult.Success, purpose, person.NewcomerId);
        }
        db.RecordAudit(AuditAction.View, nameof(Budget), year.ToString(System.Globalization.CultureInfo.InvariantCulture), AuditResult.Success, purpose);
        await db.SaveChangesAsync(cancellationToken);
        return new BudgetView(year, today, budget, BudgetFigures.Months(picture.Lines, year, today), BudgetFigures.Categories(picture.Lines, budget, year),
            perPerson, BudgetFigures.PerSource(picture), BudgetFigures.PerOrganisation(picture));
    }
}

/// <summary>The budget page's tables, made once for the page, the CSV and the workbook.</summary>
public static class BudgetTables
{
    public const string Months = "per-maand";
    public const string Categories = "per-categorie";
    public const string People = "per-persoon";
    public const string PerSource = "kosten-tegen-resultaat";
    public const string PerOrganisation = "per-organisatie";

    public static IReadOnlyList<string> Keys { get; } = [Months, Categories, People, PerSource, PerOrganisation];

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
        Result(PerSource, "Kosten tegen resultaat per groep, aanbod en interventie", "Groep, aanbod of interventie", view.PerSource),
        Result(PerOrganisation, "Kosten tegen resultaat per organisatie", "Organisatie", view.PerOrganisation),
    ];

    public static string PersonLabel(PersonCosts person) =>
        person.Name + (person.Route is { } route ? $" ({route.Dutch()})" : " (nog geen leerroute)");

    private static ReportTable Result(string key, string title, string rowHeader, IReadOnlyList<ResultFigures> rows) =>
        new(key, title, rowHeader,
            [Count("gestart"), Euro("uitgegeven aan deelnemers"), Euro("per deelnemer"), Count("drie maanden voorbij"), Count("nog bezig na drie maanden"),
                Euro("per deelnemer nog bezig"), Euro("tolk en kinderopvang")],
            [.. rows.Select(r => new ReportRow(r.Label, [r.Started, r.Spent, r.PerParticipant, r.Counted, r.Going, r.PerGoingParticipant, r.Shared]))]);
}
