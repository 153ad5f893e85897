using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Money;

/// <summary>
/// Money in the demo: for everyone whose ontzorgen runs or ended lately, the bills the municipality pays — rent,
/// energy, water, health insurance — with the hand-back planned for most, and not yet for a few whose ontzorgen ends
/// soon (so the signal shows); and a household budget for those on a benefit. The town's first person, who has her
/// own Thuis, has both.
/// </summary>
internal static class DemoMoney
{
    private static readonly string[] Helpers = ["budgetcoach Welzijn", "schuldhulpmaatje", "zelf, met de klantregisseur", "VluchtelingenWerk"];

    public static async Task AddToAsync(AppDbContext db, DemoTown town, TimeProvider clock)
    {
        var today = clock.InTheNetherlands();
        var people = db.Newcomers.Where(n => n.Status == DossierStatus.Active);
        var periods = await OntzorgenPeriod.OfAsync(db, people, CancellationToken.None);
        var newcomers = await people.OrderBy(n => n.RegistrationDate).ThenBy(n => n.FamilyName).ToListAsync();
        var random = new Random(town.Seed + 19);
        var unplanned = 0;
        foreach (var newcomer in newcomers)
        {
            var first = newcomer.Bsn == town.FirstBsn;
            if (!periods.TryGetValue(newcomer.Id, out var period) || (!first && period.Until is { } ended && ended < today.AddDays(-60)))
            {
                continue;
            }
            var until = period.Until ?? period.From.AddMonths(6);
            // Most bills have their day; a couple of people whose ontzorgen ends within four weeks have none yet.
            var planned = first || until > today.AddDays(28) && random.NextDouble() < 0.5 || unplanned >= 2;
            if (!planned && until <= today.AddDays(28))
            {
                unplanned++;
            }
            var help = Helpers[random.Next(Helpers.Length)];
            DateOnly? back = planned ? until.AddDays(1) : null;
            var rent = 480m + random.Next(0, 40) * 5m;
            db.OntzorgenCosts.AddRange(
                Cost(newcomer, FixedCostKind.Rent, $"Woonstichting {town.City}", rent, period.From, back, help),
                Cost(newcomer, FixedCostKind.Energy, "Energiebedrijf Noord", 120m + random.Next(0, 12) * 5m, period.From, back, help),
                Cost(newcomer, FixedCostKind.Water, "Waterbedrijf Vitens", 21.35m, period.From, back, help),
                Cost(newcomer, FixedCostKind.HealthInsurance, "Zorgverzekeraar De Friesland", 151.93m, period.From, back, help));
            if (first || random.NextDouble() < 0.6)
            {
                db.HouseholdBudgets.Add(new HouseholdBudget(newcomer, new Dictionary<BudgetItem, decimal>
                {
                    [BudgetItem.Benefit] = 1_391.27m,
                    [BudgetItem.Allowances] = 312m + random.Next(0, 20),
                    [BudgetItem.ChildBenefits] = random.NextDouble() < 0.4 ? 283.50m : 0m,
                    [BudgetItem.Rent] = rent,
                    [BudgetItem.Energy] = 135m,
                    [BudgetItem.Water] = 21.35m,
                    [BudgetItem.HealthInsurance] = 151.93m,
                    [BudgetItem.PhoneAndInternet] = 45m,
                    [BudgetItem.Insurance] = 18.50m,
                    [BudgetItem.LocalTaxes] = 32.40m,
                }, today.AddDays(-random.Next(3, 60))));
            }
        }
    }

    private static OntzorgenCost Cost(Newcomer newcomer, FixedCostKind kind, string payee, decimal amount, DateOnly from, DateOnly? back, string help) =>
        new(newcomer, new OntzorgenCostDetails(kind, null, payee, amount, from, back, back is null ? null : help));
}
