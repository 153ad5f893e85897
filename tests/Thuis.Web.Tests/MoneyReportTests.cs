using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Thuis.Web.Data;
using Thuis.Web.Features.Costs;
using Thuis.Web.Features.Debts;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Money;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Reports;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;
using static Thuis.Web.Tests.Infrastructure.ReportTablePage;

namespace Thuis.Web.Tests;

/// <summary>
/// The money of a cohort in the report, and the annual accounting to the state on the budget page, on a municipality
/// built by hand; "today" is 10 April 2027 and the arrears contact term the default 14 days.
/// <code>
///      housed        ontzorgen                                  budget (a month)     debts           early signal (reported → contact)
/// P1   1 Feb 2026    rent 600 back 1 Dec 2026; energy 85,50     –                    –               1 Jan 2027 → none (due 15 Jan: late)
/// P2   1 Mar 2026    water 20,25 back 1 Mar 2027                –                    –               –
/// P3   1 Apr 2026    –                                          in 1.200, rent 600   –               –
/// P4   1 May 2026    –                                          in 500, rent 600     –               –
/// P5   1 Jun 2026    –                                          –                    open 500        1 Mar 2027 → 10 Mar (on time)
/// P6   1 Jul 2026    –                                          –                    in help 1.200,50 1 Apr 2027 → none (due 15 Apr: not yet)
/// P7  15 Jan 2027    family migrant, fixed plan (B1)
/// P8   not housed    open debt 999 (never counted)
/// </code>
/// </summary>
public sealed class MoneyReportTests
{
    private static readonly DateOnly Today = new(2027, 4, 10);

    [Fact]
    public async Task The_report_counts_a_cohorts_money_by_hand_per_year_and_the_exports_agree()
    {
        await using var app = NewApp();
        var (world, olst) = await SeedAsync(app);
        using var coordinator = new ThuisClient(app);
        await coordinator.SignInOrFailAsync(await world.CreateUserAsync(olst, Roles.Coordinator));

        var page = await coordinator.GetAsync("/rapportages?cohort=2026");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Gehuisvest in 2026: 6 personen", page.Text, StringComparison.Ordinal);
        var money = Table(page, ReportTables.Money);
        // Columns: how many, out of how many, share. P1 and P2 were ontzorgd; of them only P2 pays every bill again.
        Assert.Equal(["2", "6", "33,3%"], money[MoneyLines.Ontzorgd]);
        Assert.Equal(["1", "2", "50%"], money[MoneyLines.HandedBack]);
        // P3 keeps 600 a month over (138,46 a week), P4 is 100 short.
        Assert.Equal(["2", "6", "33,3%"], money[MoneyLines.Budget]);
        Assert.Equal(["1", "2", "50%"], money[MoneyLines.KeepsMoneyOver]);
        // P5 and P6 have open debts; P6's is with debt help. P8 is not housed and never counts.
        Assert.Equal(["2", "6", "33,3%"], money[MoneyLines.OpenDebts]);
        Assert.Equal(["1", "2", "50%"], money[MoneyLines.DebtHelp]);
        // P1, P5 and P6 were reported; of the two reports whose term is over or taken up, P5's was on time.
        Assert.Equal(["3", "6", "50%"], money[MoneyLines.Arrears]);
        Assert.Equal(["1", "2", "50%"], money[MoneyLines.ArrearsOnTime(14)]);

        var amounts = Table(page, ReportTables.MoneyAmounts);
        // Paid today: only P1's energy (P1's rent went back on 1 Dec, P2's water on 1 Mar).
        Assert.Equal(["€ 85,50", "1", "€ 85,50"], amounts[MoneyLines.PaidNow]);
        Assert.Equal(["€ 1.700,50", "2", "€ 850,25"], amounts[MoneyLines.OpenDebtAmount]);
        // 300 + 150,20 + 99,99 = 550,19 over three people = 183,3966…: 183,40.
        Assert.Equal(["€ 550,19", "3", "€ 183,40"], amounts[MoneyLines.ArrearsAmount]);
        Assert.NotNull(page.Document.QuerySelector("#grafiek-geld-titel"));

        // Everyone housed: seven people, the same money.
        var everyone = Table(await coordinator.GetAsync("/rapportages"), ReportTables.Money);
        Assert.Equal(["2", "7", "28,6%"], everyone[MoneyLines.Ontzorgd]);
        // Housed in 2027: P7 alone, who has no money matters.
        var later = Table(await coordinator.GetAsync("/rapportages?cohort=2027"), ReportTables.Money);
        Assert.Equal(["0", "1", "0%"], later[MoneyLines.Ontzorgd]);
        Assert.Equal(["0", "0", "–"], later[MoneyLines.HandedBack]);

        // The CSV and the workbook write the same figures, amounts with their two decimals.
        var csv = Encoding.UTF8.GetString(await coordinator.Http.GetByteArrayAsync(ReportsSetup.CsvAddress(Cohort.OfYear(2026), ReportTables.MoneyAmounts)));
        Assert.Contains($"{MoneyLines.OpenDebtAmount};1700,50;2;850,25", csv, StringComparison.Ordinal);
        var workbook = await coordinator.Http.GetAsync(ReportsSetup.XlsxAddress(Cohort.OfYear(2026)));
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
    }

    [Fact]
    public async Task The_budget_page_gives_the_accounting_to_the_state_and_the_costs_per_cohort()
    {
        await using var app = NewApp();
        var (world, olst) = await SeedAsync(app);
        using var coordinator = new ThuisClient(app);
        await coordinator.SignInOrFailAsync(await world.CreateUserAsync(olst, Roles.Coordinator));

        var page = await coordinator.GetAsync(CostsSetup.Address(2026));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("[data-testid=geen-uitkering]"));
        var account = Table(page, BudgetTables.Account);
        Assert.Equal(["–", "–"], account[AccountLines.Received]);
        Assert.Equal(["€ 0,00", "–"], account[AccountLines.ServicesSpent]);
        // Six asylum permit holders housed in 2026; nobody in the two years before, no family migrant.
        Assert.Equal(["–", "6"], account[AccountLines.AsylumHoused(2026)]);
        Assert.Equal(["–", "0"], account[AccountLines.AsylumHoused(2025)]);
        Assert.Equal(["–", "0"], account[AccountLines.FamilyAndOther(2026)]);
        // P6 has the onderwijsroute in a fixed plan.
        Assert.Equal(["–", "1"], account[AccountLines.EducationRoute(2026)]);
        // For 2027, 2026's people are the year before, and P7 is a family migrant of 2027.
        var next = Table(await coordinator.GetAsync(CostsSetup.Address(2027)), BudgetTables.Account);
        Assert.Equal(["–", "6"], next[AccountLines.AsylumHoused(2026)]);
        Assert.Equal(["–", "0"], next[AccountLines.AsylumHoused(2027)]);
        Assert.Equal(["–", "1"], next[AccountLines.FamilyAndOther(2027)]);
        Assert.Equal(["–", "0"], next[AccountLines.EducationRoute(2027)]);

        var csv = Encoding.UTF8.GetString(await coordinator.Http.GetByteArrayAsync(CostsSetup.CsvAddress(2026, BudgetTables.Account)));
        Assert.Contains($"{AccountLines.AsylumHoused(2026)};;6", csv, StringComparison.Ordinal);

        // Only the coordinator keeps the budget: a case manager is refused the page and the export.
        using var caseManager = new ThuisClient(app);
        await caseManager.SignInOrFailAsync(await world.CreateUserAsync(olst, Roles.CaseManager));
        Assert.Equal(HttpStatusCode.Forbidden, (await caseManager.GetAsync(CostsSetup.Address(2026))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await caseManager.Http.GetAsync(CostsSetup.CsvAddress(2026, BudgetTables.Account))).StatusCode);
    }

    [Fact]
    public void The_account_sets_what_was_spent_on_integration_services_in_the_year_against_the_payment()
    {
        static CostLine Line(CostCategory category, decimal amount, DateOnly? spentOn) =>
            new(category, amount, new DateOnly(2026, 1, 2), spentOn, Guid.NewGuid(), "Taalschool", "groep:1", "B1-groep");
        var lines = new[]
        {
            Line(CostCategory.Lessons, 1_000.10m, new DateOnly(2026, 3, 1)),
            Line(CostCategory.Lessons, 2_000m, new DateOnly(2027, 1, 1)), // spent the next year
            Line(CostCategory.Pvt, 400m, new DateOnly(2026, 12, 31)),
            Line(CostCategory.Map, 350.45m, new DateOnly(2026, 6, 1)),
            Line(CostCategory.Interpreter, 62.50m, new DateOnly(2026, 2, 2)),
            Line(CostCategory.Map, 999m, null), // committed only
            Line(CostCategory.Offer, 75m, new DateOnly(2026, 5, 5)),
            Line(CostCategory.Childcare, 40m, new DateOnly(2026, 5, 6)),
        };
        var account = StateAccount.Of(2026, lines, null, HousedCounts.None);
        Assert.Null(account.Received);
        Assert.Equal(1_813.05m, account.ServicesSpent); // 1.000,10 + 400 + 350,45 + 62,50
        Assert.Equal(115m, account.OtherSpent);
        Assert.Null(account.Unspent);

        static Budget Paid(decimal amount) => new(Guid.NewGuid(), 2026, new BudgetDetails(
            new Dictionary<BudgetSource, decimal> { [BudgetSource.StateContribution] = amount, [BudgetSource.OwnFunds] = 5_000m },
            new Dictionary<CostCategory, decimal>(), new Dictionary<LearningRoute, decimal?>()));
        var under = StateAccount.Of(2026, lines, Paid(2_000m), HousedCounts.None);
        Assert.Equal(2_000m, under.Received); // the state's payment only, never the municipality's own funds
        Assert.Equal(186.95m, under.Unspent);
        Assert.Equal(0m, under.Overspent);
        var over = StateAccount.Of(2026, lines, Paid(1_800m), HousedCounts.None);
        Assert.Equal(0m, over.Unspent);
        Assert.Equal(13.05m, over.Overspent);
    }

    [Fact]
    public void Whoever_reads_the_report_may_read_money_and_whoever_keeps_the_budget_may_read_the_report()
    {
        // The report shows amounts of people's money: its readers must be finance readers; the budget page links to it.
        static string[] Of(string roles) => roles.Split(',');
        Assert.Subset(Of(Roles.FinanceReaders).ToHashSet(), Of(ReportsSetup.ReportReaders).ToHashSet());
        Assert.Subset(Of(ReportsSetup.ReportReaders).ToHashSet(), Of(Roles.BudgetKeepers).ToHashSet());
    }

    private static ThuisAppFactory NewApp()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(Today, new TimeOnly(9, 0), TimeSpan.Zero));
        return new ThuisAppFactory { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(clock) };
    }

    private static async Task<(TestWorld World, TestMunicipality Municipality)> SeedAsync(ThuisAppFactory app)
    {
        var world = await TestWorld.SeedAsync(app);
        var olst = await world.AddMunicipalityAsync("Olst");
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(olst.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // The municipality's own test newcomer is taken out of every cohort: not housed.
        var seeded = await db.Newcomers.SingleAsync(n => n.Id == olst.NewcomerId);
        seeded.UpdateLegalFrame(new LegalFrame(seeded.TargetGroup, seeded.PermitDate, seeded.RegistrationDate, null, null, null, null, null));

        Newcomer Person(string name, DateOnly? housed, TargetGroup group = TargetGroup.AsylumPermitHolder)
        {
            var registered = housed ?? new DateOnly(2026, 6, 1);
            var newcomer = new Newcomer(olst.Id,
                new PersonDetails(name, "Geld", new DateOnly(1990, 1, 1), Gender.Unknown, "Eritrea", null, null, null, null, false, null, null),
                new LegalFrame(group, new DateOnly(2025, 11, 1), registered, housed, null, null, null, null), new DateTimeOffset(registered, new TimeOnly(10, 0), TimeSpan.Zero));
            db.Newcomers.Add(newcomer);
            return newcomer;
        }
        var p1 = Person("P1", new DateOnly(2026, 2, 1));
        var p2 = Person("P2", new DateOnly(2026, 3, 1));
        var p3 = Person("P3", new DateOnly(2026, 4, 1));
        var p4 = Person("P4", new DateOnly(2026, 5, 1));
        var p5 = Person("P5", new DateOnly(2026, 6, 1));
        var p6 = Person("P6", new DateOnly(2026, 7, 1));
        var p7 = Person("P7", new DateOnly(2027, 1, 15), TargetGroup.FamilyMigrant);
        var p8 = Person("P8", null);

        db.OntzorgenCosts.Add(new OntzorgenCost(p1, new OntzorgenCostDetails(FixedCostKind.Rent, null, "Woonstichting", 600m, new DateOnly(2026, 2, 1), new DateOnly(2026, 12, 1), "budgetcoach")));
        db.OntzorgenCosts.Add(new OntzorgenCost(p1, new OntzorgenCostDetails(FixedCostKind.Energy, null, "Eneco", 85.50m, new DateOnly(2026, 2, 1), null, null)));
        db.OntzorgenCosts.Add(new OntzorgenCost(p2, new OntzorgenCostDetails(FixedCostKind.Water, null, "Vitens", 20.25m, new DateOnly(2026, 3, 1), new DateOnly(2027, 3, 1), "zelf")));
        db.HouseholdBudgets.Add(new HouseholdBudget(p3, new Dictionary<BudgetItem, decimal> { [BudgetItem.Benefit] = 1_200m, [BudgetItem.Rent] = 600m }, Today));
        db.HouseholdBudgets.Add(new HouseholdBudget(p4, new Dictionary<BudgetItem, decimal> { [BudgetItem.Benefit] = 500m, [BudgetItem.Rent] = 600m }, Today));
        db.Debts.Add(new Debt(p5, new DebtDetails("CJIB", CreditorKind.Cjib, 500m, new DateOnly(2026, 10, 1), DebtStatus.Open, null, null), Today));
        db.Debts.Add(new Debt(p6, new DebtDetails("Zilveren Kruis", CreditorKind.HealthInsurer, 1_200.50m, new DateOnly(2026, 9, 1), DebtStatus.InDebtHelp, null, null), Today));
        db.Debts.Add(new Debt(p8, new DebtDetails("Eneco", CreditorKind.Energy, 999m, new DateOnly(2026, 9, 1), DebtStatus.Open, null, null), Today));
        db.ArrearsReports.Add(new ArrearsReport(p1, new ArrearsDetails("Woonstichting", ArrearsPartyKind.Landlord, "W-1", 300m, 2, new DateOnly(2027, 1, 1)), imported: false));
        var onTime = new ArrearsReport(p5, new ArrearsDetails("Vitens", ArrearsPartyKind.Water, "V-1", 150.20m, 1, new DateOnly(2027, 3, 1)), imported: false);
        onTime.RecordOutcome(ArrearsOutcome.HelpOffered, new DateOnly(2027, 3, 10), null, "test");
        db.ArrearsReports.Add(onTime);
        db.ArrearsReports.Add(new ArrearsReport(p6, new ArrearsDetails("Eneco", ArrearsPartyKind.Energy, "E-1", 99.99m, 1, new DateOnly(2027, 4, 1)), imported: false));

        // P6's fixed plan names the onderwijsroute; P7's the B1 route.
        void Plan(Newcomer n, LearningRoute route, DateOnly decision)
        {
            var plan = IntegrationPlan.FirstDraft(n, "test", new DateTimeOffset(decision.AddDays(-7), new TimeOnly(10, 0), TimeSpan.Zero));
            plan.Revise(new PlanTerms(route, MainGoal.Education, null, null, null, null, null, null, null, null, null, null),
                new Dictionary<ParticipationDomain, string>(), [new StepContent(null, ParticipationDomain.Meeting, "Taalcafé", StepOwner.Newcomer, null, null, false, null)],
                decision.AddDays(-7));
            plan.Fix(decision, "test", new DateTimeOffset(decision, new TimeOnly(10, 0), TimeSpan.Zero));
            db.IntegrationPlans.Add(plan);
        }
        Plan(p6, LearningRoute.Education, new DateOnly(2026, 9, 1));
        Plan(p7, LearningRoute.B1, new DateOnly(2027, 3, 1));
        await db.SaveChangesAsync();
        return (world, olst);
    }
}
