using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Money;

public sealed class BudgetRow
{
    public BudgetItem Item { get; set; }
    /// <summary>As typed: "1.234,50"; empty is no money.</summary>
    public string? PerMonth { get; set; }
}

public sealed class HouseholdBudgetForm
{
    /// <summary>One row for every line a budget can have, income first; an empty row is no money.</summary>
    public List<BudgetRow> Rows { get; set; } = [];

    /// <summary>Empty while the person has no budget yet.</summary>
    public Guid Version { get; set; }

    public static HouseholdBudgetForm From(HouseholdBudget? budget) => new()
    {
        Rows = [.. Enum.GetValues<BudgetItem>().Select(item => new BudgetRow
        {
            Item = item,
            PerMonth = budget?.Lines.Any(l => l.Item == item) == true ? DutchFormat.Amount(budget.PerMonth(item)) : null,
        })],
        Version = budget?.Version ?? Guid.Empty,
    };
}

/// <summary>Saves the household budget made with the person; two people saving at once cannot both win.</summary>
public sealed class EditHouseholdBudget(AppDbContext db, TimeProvider clock)
{
    public const string ChangedMeanwhile = "Iemand anders heeft het huishoudboekje intussen opgeslagen. Open de pagina opnieuw en vul het dan opnieuw in.";

    public async Task<Outcome> HandleAsync(Guid newcomerId, HouseholdBudgetForm form, CancellationToken cancellationToken)
    {
        var newcomer = await db.Newcomers.AsNoTracking().SingleOrDefaultAsync(n => n.Id == newcomerId, cancellationToken);
        if (newcomer is null)
        {
            return Outcome.NotFound();
        }
        var errors = new Dictionary<string, string>();
        var amounts = new Dictionary<BudgetItem, decimal>();
        for (var i = 0; i < form.Rows.Count; i++)
        {
            var row = form.Rows[i];
            if (!Enum.IsDefined(row.Item) || amounts.ContainsKey(row.Item))
            {
                return Outcome.Refused("Het formulier is niet compleet. Open de pagina opnieuw.");
            }
            var field = $"{nameof(form.Rows)}[{i}].{nameof(BudgetRow.PerMonth)}";
            var amount = 0m;
            if (!string.IsNullOrWhiteSpace(row.PerMonth) && !DutchFormat.TryParseEuro(row.PerMonth, out amount))
            {
                errors[field] = DutchFormat.EuroExample;
            }
            else if (HouseholdBudget.Problem(amount) is { } problem)
            {
                errors[field] = problem;
            }
            amounts[row.Item] = amount;
        }
        if (errors.Count == 0 && amounts.Values.All(a => a == 0))
        {
            errors[$"{nameof(form.Rows)}[0].{nameof(BudgetRow.PerMonth)}"] = "Vul ten minste één bedrag in.";
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var today = clock.InTheNetherlands();
        var budget = await db.HouseholdBudgets.SingleOrDefaultAsync(b => b.NewcomerId == newcomerId, cancellationToken);
        return budget is null
            ? await SaveVersionedChange.AddAsync(db, () => new HouseholdBudget(newcomer, amounts, today), form.Version, ChangedMeanwhile, cancellationToken)
            : await SaveVersionedChange.HandleAsync(db, budget, form.Version, b => b.Change(amounts, today), ChangedMeanwhile, cancellationToken);
    }
}
