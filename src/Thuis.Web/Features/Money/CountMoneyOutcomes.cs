using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Debts;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Signals;

namespace Thuis.Web.Features.Money;

/// <summary>
/// A cohort's money for the report: how many people the municipality ontzorgt and how many pay all their bills
/// themselves again, who has a household budget and keeps money over each week, who has open debts and how many of
/// them have debt help, and how quickly early signals of arrears were taken up; with the amounts behind them.
/// </summary>
public sealed record MoneyOutcomes(
    int CohortSize, int Ontzorgd, int AllHandedBack, int WithBudget, int KeepsMoneyOver, int WithOpenDebts, int WithDebtHelp,
    int WithArrears, int ArrearsDue, int ArrearsOnTime, int PaidNowPeople, decimal PaidNowPerMonth, decimal OpenDebts, decimal ArrearsReported,
    int ContactDays)
{
    public static MoneyOutcomes None(int cohortSize) => new(cohortSize, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, SignalSettings.DefaultArrearsContactDays);
}

/// <summary>
/// Counts <see cref="MoneyOutcomes"/> over the people of a cohort, with one query per register; the rules are the
/// registers' own (<see cref="OntzorgenCost.PaidOn"/>, <see cref="BudgetSums.LeftPerWeek"/>, <see cref="Debt.IsOpenStatus"/>,
/// <see cref="DebtRegister.WithoutHelpAsync"/>, <see cref="ArrearsReport.ContactDue"/>).
/// </summary>
public static class CountMoneyOutcomes
{
    public static async Task<MoneyOutcomes> HandleAsync(AppDbContext db, Guid municipalityId, IQueryable<Newcomer> people, int cohortSize, DateOnly today,
        CancellationToken cancellationToken)
    {
        var ids = people.Select(n => n.Id);
        var costs = await db.OntzorgenCosts.AsNoTracking().Where(c => ids.Contains(c.NewcomerId)).ToListAsync(cancellationToken);
        var budgets = await db.HouseholdBudgets.AsNoTracking().Where(b => ids.Contains(b.NewcomerId)).ToListAsync(cancellationToken);
        var openStatuses = new[] { DebtStatus.Open, DebtStatus.Arrangement, DebtStatus.InDebtHelp };
        var debts = await db.Debts.AsNoTracking().Where(d => ids.Contains(d.NewcomerId) && openStatuses.Contains(d.Status))
            .Select(d => new { d.NewcomerId, d.Amount }).ToListAsync(cancellationToken);
        var withoutHelp = (await DebtRegister.WithoutHelpAsync(db, people, cancellationToken)).Select(p => p.Id).ToHashSet();
        var arrears = await db.ArrearsReports.AsNoTracking().Where(a => ids.Contains(a.NewcomerId)).ToListAsync(cancellationToken);
        var days = await ViewDebts.ContactDaysAsync(db, municipalityId, cancellationToken);

        var ontzorgd = costs.GroupBy(c => c.NewcomerId).ToList();
        var paidNow = costs.Where(c => c.PaidOn(today)).ToList();
        var withDebts = debts.Select(d => d.NewcomerId).ToHashSet();
        // A report is due once its day to make contact has passed, or when the contact is recorded (early is fine).
        var due = arrears.Where(a => a.Outcome is not null || a.ContactDue(days) < today).ToList();
        return new MoneyOutcomes(cohortSize,
            Ontzorgd: ontzorgd.Count,
            AllHandedBack: ontzorgd.Count(g => g.All(c => c.HandBackOn is { } back && back <= today)),
            WithBudget: budgets.Count,
            KeepsMoneyOver: budgets.Count(b => b.Sums.LeftPerWeek > 0),
            WithOpenDebts: withDebts.Count,
            WithDebtHelp: withDebts.Count(id => !withoutHelp.Contains(id)),
            WithArrears: arrears.Select(a => a.NewcomerId).Distinct().Count(),
            ArrearsDue: due.Count,
            ArrearsOnTime: due.Count(a => a.OutcomeOn is { } on && on <= a.ContactDue(days)),
            PaidNowPeople: paidNow.Select(c => c.NewcomerId).Distinct().Count(),
            PaidNowPerMonth: paidNow.Sum(c => c.AmountPerMonth),
            OpenDebts: debts.Sum(d => d.Amount),
            ArrearsReported: arrears.Sum(a => a.Amount),
            ContactDays: days);
    }
}
