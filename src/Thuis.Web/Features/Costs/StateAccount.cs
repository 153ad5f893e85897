namespace Thuis.Web.Features.Costs;

/// <summary>
/// How many people of the municipality the state's distribution counts for a year, as Thuis knows them (Besluit
/// inburgering 2021 art. 10.2): asylum permit holders by the year they were housed here (AA, for the year and the two
/// before it), those housed in the year with the onderwijsroute in their fixed plan (AAO), and family and other
/// migrants housed in the year (AGO). The state takes these from DUO (art. 10.4); Thuis's own count is the check.
/// </summary>
public sealed record HousedCounts(int AsylumHoused, int AsylumHousedYearBefore, int AsylumHousedTwoYearsBefore, int AsylumEducationRoute, int FamilyAndOtherHoused)
{
    public static HousedCounts None { get; } = new(0, 0, 0, 0, 0);
}

/// <summary>
/// The annual accounting to the state for one year (Wet inburgering 2021 art. 40 and 42). The payment for integration
/// services (inburgeringsvoorzieningen: the learning routes, the PVT, the MAP and interpreters) is set against what was
/// spent on them in the year; what is not spent is reclaimed unless reserved within the reservation room (art. 42 lid 2;
/// Besluit art. 10.5), and what was spent beyond the payment is carried to the next year (Besluit art. 10.6). Offers,
/// interventions and childcare are paid from other money and shown apart.
/// </summary>
public sealed record StateAccount(int Year, decimal? Received, IReadOnlyList<(CostCategory Category, decimal Spent)> Services, decimal OtherSpent,
    HousedCounts Housed)
{
    /// <summary>The categories of cost that are integration services paid from the state's payment (Divosa: the SPUK Wi2021).</summary>
    public static IReadOnlyList<CostCategory> ServiceCategories { get; } = [CostCategory.Lessons, CostCategory.Pvt, CostCategory.Map, CostCategory.Interpreter];

    public decimal ServicesSpent => Services.Sum(s => s.Spent);

    /// <summary>The payment not spent in the year; null when no payment is recorded.</summary>
    public decimal? Unspent => Received is { } received ? Math.Max(0, received - ServicesSpent) : null;

    /// <summary>Spent beyond the payment, carried to the next year; null when no payment is recorded.</summary>
    public decimal? Overspent => Received is { } received ? Math.Max(0, ServicesSpent - received) : null;

    /// <summary>The account of a year from the cost lines (spent in that year) and the budget's state contribution.</summary>
    public static StateAccount Of(int year, IReadOnlyList<CostLine> lines, Budget? budget, HousedCounts housed)
    {
        var spentInYear = lines.Where(l => l.SpentOn?.Year == year).ToList();
        return new(year, budget?.StateContribution,
            [.. ServiceCategories.Select(c => (c, spentInYear.Where(l => l.Category == c).Sum(l => l.Amount)))],
            spentInYear.Where(l => !ServiceCategories.Contains(l.Category)).Sum(l => l.Amount),
            housed);
    }
}
