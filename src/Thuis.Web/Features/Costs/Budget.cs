using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Municipalities;
using Thuis.Web.Features.Plans;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Costs;

/// <summary>Where the money of the integration budget comes from.</summary>
public enum BudgetSource
{
    /// <summary>Rijksbijdrage inburgering: the state's contribution for the integration services.</summary>
    StateContribution,
    /// <summary>Maatschappelijke begeleiding: the state's contribution for social guidance.</summary>
    SocialGuidance,
    /// <summary>Eigen middelen: the municipality's own funds.</summary>
    OwnFunds,
}

/// <summary>A year's budget as the coordinator fills it in: per source, per category, and the norm per learning route.</summary>
public sealed record BudgetDetails(
    IReadOnlyDictionary<BudgetSource, decimal> Sources,
    IReadOnlyDictionary<CostCategory, decimal> Allocation,
    IReadOnlyDictionary<LearningRoute, decimal?> Norms);

/// <summary>
/// The municipality's integration budget for one year: what it has per source, how it allocates it over the cost
/// categories, and what one person's trajectory may cost per learning route (the norm).
/// </summary>
public sealed class Budget : IMunicipalityOwned
{
    private Budget() { }

    public Budget(Guid municipalityId, int year, BudgetDetails details)
    {
        Id = Guid.CreateVersion7();
        MunicipalityId = municipalityId;
        Year = year;
        Update(details);
    }

    public Guid Id { get; private set; }

    public Guid MunicipalityId { get; private set; }

    public int Year { get; private set; }

    public decimal StateContribution { get; private set; }

    public decimal SocialGuidance { get; private set; }

    public decimal OwnFunds { get; private set; }

    public decimal ForLessons { get; private set; }

    public decimal ForPvt { get; private set; }

    public decimal ForMap { get; private set; }

    public decimal ForOffers { get; private set; }

    public decimal ForInterventions { get; private set; }

    public decimal ForInterpreters { get; private set; }

    public decimal ForChildcare { get; private set; }

    public decimal? NormB1 { get; private set; }

    public decimal? NormEducation { get; private set; }

    public decimal? NormZ { get; private set; }

    public Guid Version { get; private set; }

    public decimal Total => StateContribution + SocialGuidance + OwnFunds;

    public decimal Source(BudgetSource source) => source switch
    {
        BudgetSource.StateContribution => StateContribution,
        BudgetSource.SocialGuidance => SocialGuidance,
        _ => OwnFunds,
    };

    public decimal Allocated(CostCategory category) => category switch
    {
        CostCategory.Lessons => ForLessons,
        CostCategory.Pvt => ForPvt,
        CostCategory.Map => ForMap,
        CostCategory.Offer => ForOffers,
        CostCategory.Intervention => ForInterventions,
        CostCategory.Interpreter => ForInterpreters,
        _ => ForChildcare,
    };

    public decimal? Norm(LearningRoute route) => route switch
    {
        LearningRoute.B1 => NormB1,
        LearningRoute.Education => NormEducation,
        _ => NormZ,
    };

    public BudgetDetails Details => new(
        Enum.GetValues<BudgetSource>().ToDictionary(s => s, Source),
        Enum.GetValues<CostCategory>().ToDictionary(c => c, Allocated),
        Enum.GetValues<LearningRoute>().ToDictionary(r => r, Norm));

    /// <summary>Why these figures cannot be a budget, keyed by what they are about; empty when they can.</summary>
    public static IReadOnlyDictionary<string, string> Refusals(BudgetDetails details)
    {
        var refusals = new Dictionary<string, string>();
        foreach (var (source, amount) in details.Sources)
        {
            Euros.Check(refusals, source.ToString(), amount, MaxAmount);
        }
        foreach (var (category, amount) in details.Allocation)
        {
            Euros.Check(refusals, category.ToString(), amount, MaxAmount);
        }
        foreach (var (route, amount) in details.Norms)
        {
            Euros.Check(refusals, route.ToString(), amount, MaxNorm);
        }
        var total = details.Sources.Values.Sum();
        var allocated = details.Allocation.Values.Sum();
        if (refusals.Count == 0 && allocated > total)
        {
            refusals[nameof(Allocation)] =
                $"Er is {Platform.Localization.DutchFormat.Euro(allocated)} verdeeld over de categorieën, meer dan de begroting van {Platform.Localization.DutchFormat.Euro(total)}.";
        }
        return refusals;
    }

    public const decimal MaxAmount = 100_000_000m;

    public const decimal MaxNorm = 100_000m;

    private const string Allocation = "Allocation";

    public void Update(BudgetDetails details)
    {
        if (Refusals(details).Values.FirstOrDefault() is { } refusal)
        {
            throw new ArgumentException(refusal, nameof(details));
        }
        StateContribution = details.Sources.GetValueOrDefault(BudgetSource.StateContribution);
        SocialGuidance = details.Sources.GetValueOrDefault(BudgetSource.SocialGuidance);
        OwnFunds = details.Sources.GetValueOrDefault(BudgetSource.OwnFunds);
        ForLessons = details.Allocation.GetValueOrDefault(CostCategory.Lessons);
        ForPvt = details.Allocation.GetValueOrDefault(CostCategory.Pvt);
        ForMap = details.Allocation.GetValueOrDefault(CostCategory.Map);
        ForOffers = details.Allocation.GetValueOrDefault(CostCategory.Offer);
        ForInterventions = details.Allocation.GetValueOrDefault(CostCategory.Intervention);
        ForInterpreters = details.Allocation.GetValueOrDefault(CostCategory.Interpreter);
        ForChildcare = details.Allocation.GetValueOrDefault(CostCategory.Childcare);
        NormB1 = details.Norms.GetValueOrDefault(LearningRoute.B1);
        NormEducation = details.Norms.GetValueOrDefault(LearningRoute.Education);
        NormZ = details.Norms.GetValueOrDefault(LearningRoute.Z);
        Version = Guid.NewGuid();
    }
}

internal sealed class BudgetMapping : IEntityTypeConfiguration<Budget>
{
    public void Configure(EntityTypeBuilder<Budget> builder)
    {
        foreach (var property in builder.Metadata.ClrType.GetProperties().Where(p => p.PropertyType == typeof(decimal) || p.PropertyType == typeof(decimal?)))
        {
            if (property.Name != nameof(Budget.Total))
            {
                builder.Property(property.Name).HasPrecision(12, 2);
            }
        }
        builder.Ignore(b => b.Total);
        builder.Ignore(b => b.Details);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasIndex(b => new { b.MunicipalityId, b.Year }).IsUnique();
        builder.HasOne<Municipality>().WithMany().HasForeignKey(b => b.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}
