using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Users;

public sealed record UserView(
    string Id, string DisplayName, string Email, IReadOnlyList<string> Roles, string? Organisation, AccountStatus Status,
    bool TwoStep, DateTimeOffset? LastSignInAt, DateTimeOffset? OpenInvitationExpires, bool IsMe, Guid Version);

/// <summary>One account of the municipality, with what the administrator can do with it.</summary>
public sealed class ShowUser(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<UserView?> HandleAsync(string userId, CancellationToken cancellationToken)
    {
        var account = await StaffAccounts.Facts(db, StaffAccounts.Of(db, currentUser).AsNoTracking().Where(u => u.Id == userId))
            .SingleOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var open = (await db.StaffInvitations.AsNoTracking().Where(i => i.UserId == userId && i.UsedAt == null && i.ReplacedAt == null)
            .ToListAsync(cancellationToken)).Where(i => i.IsOpen(now)).Max(i => (DateTimeOffset?)i.ExpiresAt);
        return new UserView(account.Id, account.DisplayName, account.Email, [.. account.Roles.Order(StringComparer.Ordinal)], account.Organisation,
            account.Status, account.TwoStep, account.LastSignInAt, open, account.Id == currentUser.UserId, account.Version);
    }
}
