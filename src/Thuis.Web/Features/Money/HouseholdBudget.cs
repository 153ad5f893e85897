using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Money;

/// <summary>One line of a household budget: an amount a month, in euros and cents.</summary>
public sealed class BudgetLine
{
    private BudgetLine() { }

    public BudgetLine(BudgetItem item, decimal perMonth) => (Item, PerMonth) = (item, perMonth);

    public BudgetItem Item { get; private set; }
    public decimal PerMonth { get; private set; }
}

/// <summary>
/// What comes in and what goes out each month, and what is left, all in exact cents. What is left per week is the
/// month's rest times twelve, divided by fifty-two, rounded down to the cent: a week's money is never overstated.
/// </summary>
public sealed record BudgetSums(decimal IncomePerMonth, decimal CostsPerMonth)
{
    public const int WeeksPerYear = 52;

    public decimal LeftPerMonth => IncomePerMonth - CostsPerMonth;

    public decimal LeftPerWeek => decimal.Floor(LeftPerMonth * 12 * 100 / WeeksPerYear) / 100;

    public static BudgetSums Of(IEnumerable<BudgetLine> lines)
    {
        var all = lines.ToList();
        return new(all.Where(l => l.Item.IsIncome()).Sum(l => l.PerMonth), all.Where(l => !l.Item.IsIncome()).Sum(l => l.PerMonth));
    }
}

/// <summary>
/// The household budget a case manager makes with the person: income and fixed costs a month. It belongs to the plan's
/// "financieel gezond zijn" and the person sees it in their own Thuis. One per person, kept up to date.
/// </summary>
public sealed class HouseholdBudget : IMunicipalityOwned, IPersonData
{
    /// <summary>A line above this a month is a typing error.</summary>
    public const decimal MaximumPerMonth = 100_000m;

    private HouseholdBudget() { }

    public HouseholdBudget(Newcomer newcomer, IReadOnlyDictionary<BudgetItem, decimal> perMonth, DateOnly on)
    {
        NewcomerId = newcomer.Id;
        MunicipalityId = newcomer.MunicipalityId;
        Change(perMonth, on);
    }

    public Guid NewcomerId { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public List<BudgetLine> Lines { get; private set; } = [];
    /// <summary>The day the amounts were last gone through with the person.</summary>
    public DateOnly UpdatedOn { get; private set; }
    public Guid Version { get; private set; }

    public BudgetSums Sums => BudgetSums.Of(Lines);

    public decimal PerMonth(BudgetItem item) => Lines.Where(l => l.Item == item).Sum(l => l.PerMonth);

    /// <summary>Why an amount cannot be a line of the budget; null when it can.</summary>
    public static string? Problem(decimal amount) =>
        amount < 0 || amount > MaximumPerMonth ? "Vul een bedrag per maand in van € 0 tot en met € 100.000."
        : !DutchFormat.IsWholeCents(amount) ? "Vul een bedrag in hele centen in."
        : null;

    /// <summary>Replaces the amounts; lines of zero are left out.</summary>
    public void Change(IReadOnlyDictionary<BudgetItem, decimal> perMonth, DateOnly on)
    {
        if (perMonth.Values.Select(Problem).FirstOrDefault(p => p is not null) is { } problem)
        {
            throw new ArgumentException(problem, nameof(perMonth));
        }
        Lines = [.. perMonth.Where(l => l.Value > 0).OrderBy(l => l.Key).Select(l => new BudgetLine(l.Key, l.Value))];
        UpdatedOn = on;
        Version = Guid.NewGuid();
    }
}

internal sealed class HouseholdBudgetMapping : IEntityTypeConfiguration<HouseholdBudget>
{
    public void Configure(EntityTypeBuilder<HouseholdBudget> builder)
    {
        builder.HasKey(b => b.NewcomerId);
        builder.OwnsMany(b => b.Lines, l => l.ToJson());
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.Ignore(b => b.Sums);
        builder.HasIndex(b => b.MunicipalityId);
        builder.HasOne<Newcomer>().WithMany().HasForeignKey(b => b.NewcomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
