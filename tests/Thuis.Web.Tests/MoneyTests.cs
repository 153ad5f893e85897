using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Money;
using Thuis.Web.Features.Plans;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// A person's money through the real app: the bills the municipality pays while it ontzorgt someone and their
/// hand-back, never before the law's six months; a household budget in exact cents; every error at once with nothing
/// lost; a stale page refused; amounts only for the roles that may see them; another municipality sees nothing.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class MoneyTests(AppFixture fixture)
{
    private static readonly DateOnly Today = TimeProvider.System.InTheNetherlands();

    private TestWorld World => fixture.World;

    [Theory]
    [InlineData("612,40", "612.40")]
    [InlineData("1.234,50", "1234.50")]
    [InlineData("€ 12", "12")]
    [InlineData("12.5", "12.5")]
    [InlineData("12.50", "12.50")]
    [InlineData("1.234", "1234")]
    [InlineData("0,1", "0.1")]
    public void An_amount_is_read_as_a_Dutch_user_types_it(string typed, string expected) =>
        Assert.True(DutchFormat.TryParseEuro(typed, out var amount) && amount == decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("")]
    [InlineData("twaalf")]
    [InlineData("12,50,3")]
    public void Text_that_is_no_amount_is_refused(string typed) => Assert.False(DutchFormat.TryParseEuro(typed, out _));

    [Fact]
    public void The_budget_is_counted_in_exact_cents_and_a_week_is_never_overstated()
    {
        // Three lines of ten cents are thirty cents, not 0.30000000000000004.
        var cents = BudgetSums.Of([new BudgetLine(BudgetItem.OtherIncome, 0.10m), new BudgetLine(BudgetItem.Benefit, 0.10m), new BudgetLine(BudgetItem.Wages, 0.10m)]);
        Assert.Equal(0.30m, cents.IncomePerMonth);
        var sums = BudgetSums.Of([new BudgetLine(BudgetItem.Benefit, 1_450.37m), new BudgetLine(BudgetItem.Allowances, 312.10m),
            new BudgetLine(BudgetItem.Rent, 612.40m), new BudgetLine(BudgetItem.Energy, 148.00m), new BudgetLine(BudgetItem.HealthInsurance, 151.93m)]);
        Assert.Equal(1_762.47m, sums.IncomePerMonth);
        Assert.Equal(912.33m, sums.CostsPerMonth);
        Assert.Equal(850.14m, sums.LeftPerMonth);
        // 850.14 × 12 / 52 = 196.1861…: rounded down to the cent.
        Assert.Equal(196.18m, sums.LeftPerWeek);
        var short_ = BudgetSums.Of([new BudgetLine(BudgetItem.Benefit, 100m), new BudgetLine(BudgetItem.Rent, 100.01m)]);
        Assert.Equal(-0.01m, short_.LeftPerMonth);
        Assert.Equal(-0.01m, short_.LeftPerWeek);
    }

    [Fact]
    public async Task A_bill_the_municipality_pays_is_recorded_with_every_error_at_once_and_goes_back_no_sooner_than_the_law_allows()
    {
        var from = Today.AddMonths(-2);
        var person = await PersonAsync(World.A, IncomeSource.Benefit, from, null);
        using var client = await ClientAsync(World.A, Roles.CaseManager);
        var money = await client.GetAsync(MoneySetup.MoneyPath(person));
        Assert.Equal(HttpStatusCode.OK, money.Status);
        Assert.NotNull(money.Document.QuerySelector("[data-testid=geen-vaste-lasten]"));
        Assert.Contains($"tot en met {DutchFormat.Date(IntegrationLaw.OntzorgenMinimumLastDay(from))}", money.Text, StringComparison.Ordinal);

        // An "other" bill without description, payee or a readable amount, going back before it is paid: all at once.
        var bad = await client.SubmitAsync(MoneySetup.NewCostPath(person), "vaste-last", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(FixedCostKind.Other),
            ["Input.AmountPerMonth"] = "twaalf",
            ["Input.PaidFrom"] = Iso(from),
            ["Input.HandBackOn"] = Iso(from),
            ["Input.HandBackHelp"] = "",
        });
        Assert.Equal(HttpStatusCode.OK, bad.Status);
        foreach (var message in new[]
        {
            "Beschrijf welke vaste last de gemeente betaalt.", "Vul in aan wie de gemeente betaalt.", DutchFormat.EuroExample,
            "De rekening gaat terug na de eerste dag dat de gemeente betaalt.",
        })
        {
            Assert.Contains(message, bad.Document.QuerySelector(".thuis-error-summary")!.TextContent, StringComparison.Ordinal);
        }
        Assert.Equal("twaalf", bad.ValueOf("Input.AmountPerMonth"));
        Assert.Contains(DutchFormat.EuroExample, bad.Document.QuerySelector("#bedrag-fout")!.TextContent, StringComparison.Ordinal);

        // Rent going back on the law's last day is refused beside the field, with the first day allowed.
        var minimum = IntegrationLaw.OntzorgenMinimumLastDay(from);
        var early = await client.SubmitAsync(MoneySetup.NewCostPath(person), "vaste-last", Rent(from, "612,40", minimum, "budgetcoach"));
        Assert.Contains($"de rekening gaat op zijn vroegst op {DutchFormat.Date(minimum.AddDays(1))} terug", early.Text, StringComparison.Ordinal);
        Assert.Empty(await CostsAsync(World.A, person));

        var saved = await client.SubmitAsync(MoneySetup.NewCostPath(person), "vaste-last", Rent(from, "612,40", minimum.AddDays(1), "budgetcoach Welzijn"));
        Assert.Equal($"{MoneySetup.MoneyPath(person)}?klaar=vaste-last", saved.Location);
        var cost = Assert.Single(await CostsAsync(World.A, person));
        Assert.Equal(612.40m, cost.AmountPerMonth);
        Assert.Equal(minimum.AddDays(1), cost.HandBackOn);
        var after = await client.GetAsync(MoneySetup.MoneyPath(person));
        Assert.Contains("€ 612,40", after.Document.QuerySelector("[data-testid=vaste-lasten]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nu betaalt de gemeente € 612,40 per maand", after.Text, StringComparison.Ordinal);
        Assert.Contains("Voor elke rekening is gepland wanneer die teruggaat.", after.Text, StringComparison.Ordinal);

        // Two people on the same bill: the second save from the older page is refused and changes nothing.
        var first = await client.GetAsync(MoneySetup.CostPath(person, cost.Id));
        var second = await client.GetAsync(MoneySetup.CostPath(person, cost.Id));
        Assert.Equal("612,40", first.ValueOf("Input.AmountPerMonth"));
        var changed = await client.PostFormAsync(first, "vaste-last", new Dictionary<string, string> { ["Input.AmountPerMonth"] = "650" });
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        var stale = await client.PostFormAsync(second, "vaste-last", new Dictionary<string, string> { ["Input.AmountPerMonth"] = "1" });
        Assert.Contains(RecordOntzorgenCost.ChangedMeanwhile, stale.Text, StringComparison.Ordinal);
        Assert.Equal(650m, Assert.Single(await CostsAsync(World.A, person)).AmountPerMonth);
    }

    [Fact]
    public async Task The_household_budget_is_saved_in_cents_and_read_in_plain_words()
    {
        var person = await PersonAsync(World.A, IncomeSource.Benefit, null, null);
        using var client = await ClientAsync(World.A, Roles.CaseManager);
        var form = await client.GetAsync(MoneySetup.BudgetPath(person));
        var rows = Enum.GetValues<BudgetItem>().ToList();
        string Row(BudgetItem item) => $"Input.Rows[{rows.IndexOf(item)}].PerMonth";

        var empty = await client.PostFormAsync(form, "huishoudboekje", new Dictionary<string, string>());
        Assert.Contains("Vul ten minste één bedrag in.", empty.Text, StringComparison.Ordinal);
        var bad = await client.PostFormAsync(form, "huishoudboekje", new Dictionary<string, string>
        {
            [Row(BudgetItem.Benefit)] = "1.450,37",
            [Row(BudgetItem.Rent)] = "veel",
            [Row(BudgetItem.Energy)] = "200000",
            [Row(BudgetItem.Water)] = "12,345",
        });
        Assert.Contains(DutchFormat.EuroExample, bad.Text, StringComparison.Ordinal);
        Assert.Contains("Vul een bedrag per maand in van € 0 tot en met € 100.000.", bad.Text, StringComparison.Ordinal);
        Assert.Contains("Vul een bedrag in hele centen in.", bad.Text, StringComparison.Ordinal);
        Assert.Equal("1.450,37", bad.ValueOf(Row(BudgetItem.Benefit)));
        Assert.Equal("veel", bad.ValueOf(Row(BudgetItem.Rent)));

        var saved = await client.PostFormAsync(form, "huishoudboekje", new Dictionary<string, string>
        {
            [Row(BudgetItem.Benefit)] = "1.450,37",
            [Row(BudgetItem.Allowances)] = "312.10",
            [Row(BudgetItem.Rent)] = "612,40",
            [Row(BudgetItem.Energy)] = "148",
            [Row(BudgetItem.HealthInsurance)] = "151,93",
        });
        Assert.Equal($"{MoneySetup.MoneyPath(person)}?klaar=huishoudboekje", saved.Location);
        var page = await client.GetAsync(MoneySetup.MoneyPath(person));
        var summary = page.Document.QuerySelector("[data-testid=huishoudboekje-samenvatting]")!.TextContent;
        Assert.Contains("Per maand komt er € 1.762,47 binnen en gaat er € 912,33 aan vaste lasten uit.", summary, StringComparison.Ordinal);
        Assert.Contains("€ 196,18 per week", summary, StringComparison.Ordinal);
        var again = await client.GetAsync(MoneySetup.BudgetPath(person));
        Assert.Equal("612,40", again.ValueOf(Row(BudgetItem.Rent)));

        var stale = await client.PostFormAsync(form, "huishoudboekje", new Dictionary<string, string> { [Row(BudgetItem.Benefit)] = "1" });
        Assert.Contains(EditHouseholdBudget.ChangedMeanwhile, stale.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_case_manager_and_the_coordinator_see_amounts_each_look_is_audited_and_another_municipality_sees_nothing()
    {
        var person = await PersonAsync(World.A, IncomeSource.Benefit, Today.AddMonths(-1), null);
        foreach (var role in new[] { Roles.PartnerWorker, Roles.VolunteerCoordinator, Roles.Administrator, Roles.PrivacyOfficer })
        {
            using var other = await ClientAsync(World.A, role);
            foreach (var path in new[] { MoneySetup.MoneyPath(person), MoneySetup.BudgetPath(person), MoneySetup.NewCostPath(person) })
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(path)).Status);
            }
        }
        using var coordinator = await ClientAsync(World.A, Roles.Coordinator);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync(MoneySetup.MoneyPath(person))).Status);
        Assert.Contains(await AuditAsync(person), a => a == ViewMoney.Purpose);

        using var elsewhere = await ClientAsync(World.B, Roles.CaseManager);
        foreach (var path in new[] { MoneySetup.MoneyPath(person), MoneySetup.BudgetPath(person), MoneySetup.NewCostPath(person) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync(path)).Status);
        }
    }

    private static Dictionary<string, string> Rent(DateOnly from, string amount, DateOnly? back, string? help) => new()
    {
        ["Input.Kind"] = nameof(FixedCostKind.Rent),
        ["Input.Payee"] = "Woonstichting De Vecht",
        ["Input.AmountPerMonth"] = amount,
        ["Input.PaidFrom"] = Iso(from),
        ["Input.HandBackOn"] = back is { } day ? Iso(day) : "",
        ["Input.HandBackHelp"] = help ?? "",
    };

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<Guid> PersonAsync(TestMunicipality municipality, IncomeSource income, DateOnly? from, DateOnly? until)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var newcomer = People.Newcomer(municipality.Id, "Huda", $"Geld{Guid.NewGuid().ToString("N")[..6]}", new DateOnly(1991, 2, 3));
        db.Newcomers.Add(newcomer);
        var finances = new FinancesSection(newcomer.Id, newcomer.MunicipalityId);
        finances.Update(income, false, null, null, DebtHelp.NotNeeded, true, true);
        db.Add(finances);
        if (from is not null)
        {
            var plan = IntegrationPlan.FirstDraft(newcomer, "test", DateTimeOffset.UtcNow);
            plan.Revise(new PlanTerms(LearningRoute.B1, MainGoal.Participation, null, null, null, from, until, null, null, null, null, null),
                new Dictionary<ParticipationDomain, string>(), [], Today);
            db.IntegrationPlans.Add(plan);
        }
        await db.SaveChangesAsync();
        return newcomer.Id;
    }

    private async Task<ThuisClient> ClientAsync(TestMunicipality municipality, string role)
    {
        var client = fixture.NewClient();
        await client.SignInOrFailAsync(await World.CreateUserAsync(municipality, role));
        return client;
    }

    private async Task<List<OntzorgenCost>> CostsAsync(TestMunicipality municipality, Guid person)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().OntzorgenCosts.Where(c => c.NewcomerId == person).ToListAsync();
    }

    private async Task<List<string>> AuditAsync(Guid person)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.IgnoreQueryFilters()
            .Where(a => a.PersonId == person).Select(a => a.Purpose).ToListAsync();
    }
}
