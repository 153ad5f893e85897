using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Money;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Own;

/// <summary>The person's own money: their household budget and the bills the municipality pays for them, with when each goes back.</summary>
public sealed record OwnMoney(HouseholdBudget? Budget, IReadOnlyList<OntzorgenCost> Paid, DateOnly Today);

/// <summary>
/// Reads the newcomer's own money for Mijn Thuis. The person is always the signed-in account's own
/// (<see cref="CurrentUser.NewcomerId"/>), never one named in the address.
/// </summary>
public sealed class ViewOwnMoney(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<OwnMoney?> LoadAsync(CancellationToken cancellationToken)
    {
        if (currentUser.NewcomerId is not { } newcomerId || !await db.Newcomers.AnyAsync(n => n.Id == newcomerId, cancellationToken))
        {
            return null;
        }
        var today = clock.InTheNetherlands();
        var budget = await db.HouseholdBudgets.AsNoTracking().SingleOrDefaultAsync(b => b.NewcomerId == newcomerId, cancellationToken);
        var costs = await db.OntzorgenCosts.AsNoTracking().Where(c => c.NewcomerId == newcomerId).ToListAsync(cancellationToken);
        // What is still paid for them, or will be: a bill already back with the person is theirs again.
        return new OwnMoney(budget, [.. costs.Where(c => c.HandBackOn is not { } back || back > today).OrderBy(c => c.Kind)], today);
    }
}
