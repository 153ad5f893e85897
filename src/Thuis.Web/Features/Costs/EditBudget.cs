using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Plans;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Costs;

/// <summary>A year's budget on the form: amounts in euro, empty for nothing; the field names are those of <see cref="Budget.Refusals"/>.</summary>
public sealed class BudgetForm
{
    private const double Max = (double)Budget.MaxAmount;
    private const double MaxNorm = (double)Budget.MaxNorm;

    [Euro(Max)] public decimal? StateContribution { get; set; }
    [Euro(Max)] public decimal? SocialGuidance { get; set; }
    [Euro(Max)] public decimal? OwnFunds { get; set; }

    [Euro(Max)] public decimal? Lessons { get; set; }
    [Euro(Max)] public decimal? Pvt { get; set; }
    [Euro(Max)] public decimal? Map { get; set; }
    [Euro(Max)] public decimal? Offer { get; set; }
    [Euro(Max)] public decimal? Intervention { get; set; }
    [Euro(Max)] public decimal? Interpreter { get; set; }
    [Euro(Max)] public decimal? Childcare { get; set; }

    [Euro(MaxNorm)] public decimal? B1 { get; set; }
    [Euro(MaxNorm)] public decimal? Education { get; set; }
    [Euro(MaxNorm)] public decimal? Z { get; set; }

    /// <summary>Where the message goes that more is allocated than the budget holds.</summary>
    public string? Allocation { get; set; }

    /// <summary>Empty while the year has no budget yet.</summary>
    public Guid Version { get; set; }

    public BudgetDetails ToDetails() => new(
        new Dictionary<BudgetSource, decimal>
        {
            [BudgetSource.StateContribution] = StateContribution ?? 0,
            [BudgetSource.SocialGuidance] = SocialGuidance ?? 0,
            [BudgetSource.OwnFunds] = OwnFunds ?? 0,
        },
        new Dictionary<CostCategory, decimal>
        {
            [CostCategory.Lessons] = Lessons ?? 0,
            [CostCategory.Pvt] = Pvt ?? 0,
            [CostCategory.Map] = Map ?? 0,
            [CostCategory.Offer] = Offer ?? 0,
            [CostCategory.Intervention] = Intervention ?? 0,
            [CostCategory.Interpreter] = Interpreter ?? 0,
            [CostCategory.Childcare] = Childcare ?? 0,
        },
        new Dictionary<LearningRoute, decimal?>
        {
            [LearningRoute.B1] = B1,
            [LearningRoute.Education] = Education,
            [LearningRoute.Z] = Z,
        });

    public static BudgetForm From(Budget? budget) => budget is null ? new() : new()
    {
        StateContribution = budget.StateContribution,
        SocialGuidance = budget.SocialGuidance,
        OwnFunds = budget.OwnFunds,
        Lessons = budget.ForLessons,
        Pvt = budget.ForPvt,
        Map = budget.ForMap,
        Offer = budget.ForOffers,
        Intervention = budget.ForInterventions,
        Interpreter = budget.ForInterpreters,
        Childcare = budget.ForChildcare,
        B1 = budget.NormB1,
        Education = budget.NormEducation,
        Z = budget.NormZ,
        Version = budget.Version,
    };
}

/// <summary>Sets a year's budget, its allocation and the norms per route; one budget per municipality per year.</summary>
public sealed class EditBudget(AppDbContext db, CurrentUser currentUser)
{
    public const string ChangedMeanwhile = "Iemand anders heeft de begroting van dit jaar intussen gewijzigd. Open de begroting opnieuw en voer uw wijziging dan opnieuw in.";

    public const int FirstYear = 2022;

    public static bool IsYear(int year) => year is >= FirstYear and <= 2100;

    public async Task<BudgetForm?> LoadAsync(int year, CancellationToken cancellationToken) =>
        IsYear(year) ? BudgetForm.From(await db.Budgets.AsNoTracking().SingleOrDefaultAsync(b => b.Year == year, cancellationToken)) : null;

    public async Task<Outcome> HandleAsync(int year, BudgetForm form, CancellationToken cancellationToken)
    {
        if (!IsYear(year) || currentUser.MunicipalityId is not { } municipalityId)
        {
            return Outcome.NotFound();
        }
        var details = form.ToDetails();
        if (Budget.Refusals(details) is { Count: > 0 } refusals)
        {
            return Outcome.Invalid(refusals);
        }
        var budget = await db.Budgets.SingleOrDefaultAsync(b => b.Year == year, cancellationToken);
        return budget is null
            ? await SaveVersionedChange.AddAsync(db, () => new Budget(municipalityId, year, details), form.Version, ChangedMeanwhile, cancellationToken)
            : await SaveVersionedChange.HandleAsync(db, budget, form.Version, b => b.Update(details), ChangedMeanwhile, cancellationToken);
    }
}
