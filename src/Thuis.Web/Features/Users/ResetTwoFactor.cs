using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Users;

/// <summary>
/// Resets an account's two-step verification, for someone who lost their phone: the code app's key, the recovery codes
/// and the passkeys are removed and the account's sessions end. At the next sign-in the person sets it up again (when
/// the municipality requires it, before anything else).
/// </summary>
public sealed class ResetTwoFactor(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    // Where Identity keeps the code app's key and the recovery codes.
    private const string IdentityStore = "[AspNetUserStore]";

    public async Task<Outcome> HandleAsync(string userId, Guid version, CancellationToken cancellationToken)
    {
        var account = await StaffAccounts.Of(db, currentUser).SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (account is null)
        {
            return Outcome.NotFound();
        }
        var tokens = await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == IdentityStore).ToListAsync(cancellationToken);
        var passkeys = await db.UserPasskeys.Where(p => p.UserId == userId).ToListAsync(cancellationToken);
        return await SaveVersionedChange.HandleAsync(db, account, version,
            a =>
            {
                a.ResetTwoFactor(clock.GetUtcNow());
                db.UserTokens.RemoveRange(tokens);
                db.RemoveRange(passkeys);
            },
            StaffAccounts.ChangedMeanwhile, cancellationToken);
    }
}
