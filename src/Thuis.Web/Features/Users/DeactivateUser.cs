using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Users;

/// <summary>
/// Deactivates an account: it can no longer sign in and its open sessions end at once. Or makes it active again. An
/// administrator cannot deactivate themselves, and the municipality keeps at least one active administrator.
/// </summary>
public sealed class DeactivateUser(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<Outcome> HandleAsync(string userId, Guid version, CancellationToken cancellationToken)
    {
        var account = await StaffAccounts.Of(db, currentUser).SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (account is null)
        {
            return Outcome.NotFound();
        }
        var lastAdministrator = await StaffAccounts.IsAdministratorAsync(db, userId, cancellationToken)
            && !await StaffAccounts.AnotherActiveAdministratorAsync(db, currentUser, userId, cancellationToken);
        return await SaveVersionedChange.HandleAsync(db, account, version,
            a => a.Id == currentUser.UserId ? "U kunt uw eigen account niet deactiveren. Vraag een andere functioneel beheerder om dat te doen."
                : a.IsDeactivated ? "Deze gebruiker is al gedeactiveerd."
                : lastAdministrator ? "Dit is de laatste actieve functioneel beheerder van de gemeente. Geef eerst iemand anders die rol."
                : null,
            a => a.Deactivate(clock.GetUtcNow()),
            StaffAccounts.ChangedMeanwhile, cancellationToken);
    }

    public async Task<Outcome> ReactivateAsync(string userId, Guid version, CancellationToken cancellationToken)
    {
        var account = await StaffAccounts.Of(db, currentUser).SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (account is null)
        {
            return Outcome.NotFound();
        }
        return await SaveVersionedChange.HandleAsync(db, account, version,
            a => a.IsDeactivated ? null : "Deze gebruiker is al actief.",
            a => a.Reactivate(),
            StaffAccounts.ChangedMeanwhile, cancellationToken);
    }
}
