using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Debts;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Money;

/// <summary>A person's money on one page: ontzorgen with its hand-back, and the household budget.</summary>
public sealed record MoneyView(Newcomer Newcomer, bool MustOntzorgen, OntzorgenPeriod? Period, IReadOnlyList<OntzorgenCost> Costs,
    HouseholdBudget? Budget, int OpenDebts, decimal OpenDebtTotal, DateOnly Today)
{
    /// <summary>Every bill has its day to go back to the person.</summary>
    public bool HandBackPlanned => Costs.Count > 0 && Costs.All(c => c.HandBackOn is not null);

    public decimal PaidPerMonthOn(DateOnly day) => Costs.Where(c => c.PaidOn(day)).Sum(c => c.AmountPerMonth);
}

/// <summary>Reads a person's money for the case manager; restricted like health and audited like every look at a dossier.</summary>
public sealed class ViewMoney(AppDbContext db, TimeProvider clock)
{
    public const string Purpose = "Geldzaken inzien: ontzorgen en huishoudboekje";

    public async Task<MoneyView?> HandleAsync(Guid newcomerId, CancellationToken cancellationToken)
    {
        var newcomer = await ReadDossier.NewcomerAsync(db, newcomerId, nameof(OntzorgenCost), Purpose, cancellationToken);
        if (newcomer is null)
        {
            return null;
        }
        var person = db.Newcomers.Where(n => n.Id == newcomerId);
        var periods = await OntzorgenPeriod.OfAsync(db, person, cancellationToken);
        var obliged = await OntzorgenPeriod.ObligedAsync(db, person, cancellationToken);
        var costs = await db.OntzorgenCosts.AsNoTracking().Where(c => c.NewcomerId == newcomerId).ToListAsync(cancellationToken);
        var budget = await db.HouseholdBudgets.AsNoTracking().SingleOrDefaultAsync(b => b.NewcomerId == newcomerId, cancellationToken);
        var debts = (await db.Debts.AsNoTracking().Where(d => d.NewcomerId == newcomerId).Select(d => new { d.Status, d.Amount }).ToListAsync(cancellationToken))
            .Where(d => Debt.IsOpenStatus(d.Status)).ToList();
        return new MoneyView(newcomer, obliged.GetValueOrDefault(newcomerId), periods.GetValueOrDefault(newcomerId),
            [.. costs.OrderBy(c => c.Kind).ThenBy(c => c.PaidFrom)], budget, debts.Count, debts.Sum(d => d.Amount), clock.InTheNetherlands());
    }
}
