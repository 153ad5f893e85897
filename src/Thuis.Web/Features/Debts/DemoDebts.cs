using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Debts;

/// <summary>
/// A few debts and early signals in each demo town, so the pages show something real: the town's first person has a
/// debt paid off; three people whose intake says they have debts get open debts, and two of them an early signal of
/// arrears, one with the contact already made and one still waiting. Always the same people and amounts.
/// </summary>
internal static class DemoDebts
{
    public static async Task AddToAsync(AppDbContext db, DemoTown town, string caseManagerName, TimeProvider clock)
    {
        var today = clock.InTheNetherlands();
        var first = await db.Newcomers.SingleAsync(n => n.Bsn == town.FirstBsn);
        db.Debts.Add(new Debt(first, new DebtDetails("Zilveren Kruis", CreditorKind.HealthInsurer, 187.35m, today.AddMonths(-10), DebtStatus.PaidOff, null,
            $"{first.GivenNames} betaalde de achterstand van de zorgpremie in drie termijnen af."), today.AddMonths(-4)));

        var withDebts = await (from f in db.Set<FinancesSection>()
                               join n in db.Newcomers on f.NewcomerId equals n.Id
                               where f.HasDebts == true && n.Status == DossierStatus.Active && n.Id != first.Id
                               orderby n.FamilyName, n.GivenNames
                               select n).Take(3).ToListAsync();
        var landlord = $"Woonstichting {town.City}";
        for (var i = 0; i < withDebts.Count; i++)
        {
            var person = withDebts[i];
            var (creditor, kind, amount, months) = (i % 3) switch
            {
                0 => (landlord, CreditorKind.Landlord, 1234.50m, 3),
                1 => ("Belastingdienst/Toeslagen", CreditorKind.TaxAndBenefits, 2480.00m, 8),
                _ => ("CJIB", CreditorKind.Cjib, 95.00m, 2),
            };
            db.Debts.Add(new Debt(person, new DebtDetails(creditor, kind, amount, today.AddMonths(-months), DebtStatus.Open, null, null), today));
            if (i == 0)
            {
                db.Debts.Add(new Debt(person, new DebtDetails("Vodafone", CreditorKind.Telecom, 312.80m, today.AddMonths(-5), DebtStatus.Arrangement, null,
                    "Betaalt € 25 per maand af."), today.AddMonths(-1)));
            }
        }
        if (withDebts.Count > 0)
        {
            db.ArrearsReports.Add(new ArrearsReport(withDebts[0],
                new ArrearsDetails(landlord, ArrearsPartyKind.Landlord, $"HA-{town.Seed}-0113", 1234.50m, 3, today.AddDays(-5)), imported: true));
        }
        if (withDebts.Count > 1)
        {
            var handled = new ArrearsReport(withDebts[1],
                new ArrearsDetails("Vitens", ArrearsPartyKind.Water, $"VS-{town.Seed}-2290", 86.40m, 2, today.AddDays(-30)), imported: true);
            handled.RecordOutcome(ArrearsOutcome.HelpOffered, today.AddDays(-24), "Gebeld met tolk; afspraak bij de schuldhulp gemaakt.", caseManagerName);
            db.ArrearsReports.Add(handled);
        }
    }
}
