namespace Thuis.Web.Features.Money;

/// <summary>
/// A fixed cost the municipality pays from the benefit while it ontzorgt someone. The law names rent, energy (gas and
/// electricity), water and the health insurance premium (Participatiewet art. 56a); others are the municipality's choice.
/// </summary>
public enum FixedCostKind
{
    Rent,
    Energy,
    Water,
    HealthInsurance,
    Other,
}

/// <summary>A line of a household budget: money that comes in each month, or a fixed cost that goes out.</summary>
public enum BudgetItem
{
    /// <summary>Bijstand or another benefit, net.</summary>
    Benefit,
    /// <summary>Net wages.</summary>
    Wages,
    /// <summary>Huurtoeslag and zorgtoeslag.</summary>
    Allowances,
    /// <summary>Kinderbijslag and kindgebonden budget, per month.</summary>
    ChildBenefits,
    OtherIncome,
    Rent,
    Energy,
    Water,
    HealthInsurance,
    /// <summary>Telefoon en internet.</summary>
    PhoneAndInternet,
    /// <summary>Other insurance: liability, contents.</summary>
    Insurance,
    Transport,
    /// <summary>Municipal taxes and the water board.</summary>
    LocalTaxes,
    /// <summary>Paying off debts under an arrangement.</summary>
    DebtRepayment,
    OtherCosts,
}

public static class MoneyTerms
{
    public static string Dutch(this FixedCostKind kind) => kind switch
    {
        FixedCostKind.Rent => "huur",
        FixedCostKind.Energy => "energie (gas en stroom)",
        FixedCostKind.Water => "water",
        FixedCostKind.HealthInsurance => "zorgverzekering",
        _ => "andere vaste last",
    };

    /// <summary>The fixed costs the law itself names for ontzorgen; their minimum period is the law's.</summary>
    public static bool NamedByLaw(this FixedCostKind kind) => kind != FixedCostKind.Other;

    public static bool IsIncome(this BudgetItem item) => item <= BudgetItem.OtherIncome;

    public static IReadOnlyList<BudgetItem> Income { get; } = [.. Enum.GetValues<BudgetItem>().Where(i => i.IsIncome())];

    public static IReadOnlyList<BudgetItem> Costs { get; } = [.. Enum.GetValues<BudgetItem>().Where(i => !i.IsIncome())];

    public static string Dutch(this BudgetItem item) => item switch
    {
        BudgetItem.Benefit => "uitkering (netto)",
        BudgetItem.Wages => "loon (netto)",
        BudgetItem.Allowances => "huurtoeslag en zorgtoeslag",
        BudgetItem.ChildBenefits => "kinderbijslag en kindgebonden budget",
        BudgetItem.OtherIncome => "ander inkomen",
        BudgetItem.Rent => "huur",
        BudgetItem.Energy => "energie",
        BudgetItem.Water => "water",
        BudgetItem.HealthInsurance => "zorgverzekering",
        BudgetItem.PhoneAndInternet => "telefoon en internet",
        BudgetItem.Insurance => "andere verzekeringen",
        BudgetItem.Transport => "vervoer",
        BudgetItem.LocalTaxes => "gemeentelijke belastingen en waterschap",
        BudgetItem.DebtRepayment => "aflossing schulden",
        _ => "andere vaste lasten",
    };

    /// <summary>The budget line a fixed cost the municipality pays belongs to.</summary>
    public static BudgetItem Line(this FixedCostKind kind) => kind switch
    {
        FixedCostKind.Rent => BudgetItem.Rent,
        FixedCostKind.Energy => BudgetItem.Energy,
        FixedCostKind.Water => BudgetItem.Water,
        FixedCostKind.HealthInsurance => BudgetItem.HealthInsurance,
        _ => BudgetItem.OtherCosts,
    };
}
