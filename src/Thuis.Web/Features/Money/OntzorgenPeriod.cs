using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Plans;

namespace Thuis.Web.Features.Money;

/// <summary>
/// The period of ontzorgen is part of the plan (PIP): the newest version of the plan that names it says from when and
/// until when. Whether the law obliges it comes from the person's target group and the income in the finances intake.
/// </summary>
public sealed record OntzorgenPeriod(Guid NewcomerId, DateOnly From, DateOnly? Until, bool MustOntzorgen)
{
    /// <summary>The last day the law's six months reach, or null when the law does not oblige ontzorgen.</summary>
    public DateOnly? MinimumLastDay => MustOntzorgen ? IntegrationLaw.OntzorgenMinimumLastDay(From) : null;

    /// <summary>Whether the planned end falls before the law's minimum.</summary>
    public bool EndsTooEarly => MinimumLastDay is { } minimum && Until is { } until && until < minimum;

    /// <summary>Whether the municipality still ontzorgt on <paramref name="day"/>.</summary>
    public bool RunsOn(DateOnly day) => From <= day && (Until is not { } until || day <= until);

    /// <summary>Whether the law obliges ontzorgen for these people, per person.</summary>
    public static async Task<Dictionary<Guid, bool>> ObligedAsync(AppDbContext db, IQueryable<Newcomer> people, CancellationToken cancellationToken) =>
        await people.Select(n => new
        {
            n.Id,
            n.TargetGroup,
            Income = db.Set<FinancesSection>().Where(f => f.NewcomerId == n.Id).Select(f => (IncomeSource?)f.IncomeSource).FirstOrDefault(),
        }).ToDictionaryAsync(n => n.Id, n => IntegrationLaw.MustOntzorgen(n.TargetGroup, n.Income), cancellationToken);

    /// <summary>The period of ontzorgen of each of these people that has one in a version of their plan.</summary>
    public static async Task<Dictionary<Guid, OntzorgenPeriod>> OfAsync(AppDbContext db, IQueryable<Newcomer> people, CancellationToken cancellationToken)
    {
        var obliged = await ObligedAsync(db, people, cancellationToken);
        var plans = await db.IntegrationPlans.AsNoTracking()
            .Where(p => p.OntzorgenFrom != null && people.Any(n => n.Id == p.NewcomerId))
            .Select(p => new { p.NewcomerId, p.Number, From = p.OntzorgenFrom!.Value, Until = p.OntzorgenUntil })
            .ToListAsync(cancellationToken);
        return plans.GroupBy(p => p.NewcomerId)
            .Select(g => g.MaxBy(p => p.Number)!)
            .ToDictionary(p => p.NewcomerId, p => new OntzorgenPeriod(p.NewcomerId, p.From, p.Until, obliged.GetValueOrDefault(p.NewcomerId)));
    }
}
