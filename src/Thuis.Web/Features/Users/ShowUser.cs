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
        var account = await StaffAccounts.Of(db, currentUser).AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                Email = u.Email ?? "",
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name ?? "").ToList(),
                Organisation = db.Organisations.Where(o => o.Id == u.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                u.DeactivatedAt,
                u.PasswordHash,
                HasPasskey = db.UserPasskeys.Any(p => p.UserId == u.Id),
                u.TwoFactorEnabled,
                u.LastSignInAt,
                u.Version,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var open = (await db.StaffInvitations.AsNoTracking().Where(i => i.UserId == userId && i.UsedAt == null && i.ReplacedAt == null)
            .ToListAsync(cancellationToken)).Where(i => i.IsOpen(now)).Max(i => (DateTimeOffset?)i.ExpiresAt);
        return new UserView(account.Id, account.DisplayName, account.Email, [.. account.Roles.Order(StringComparer.Ordinal)], account.Organisation,
            StaffAccounts.StatusOf(account.DeactivatedAt, account.PasswordHash, account.HasPasskey), account.TwoFactorEnabled || account.HasPasskey,
            account.LastSignInAt, open, account.Id == currentUser.UserId, account.Version);
    }
}
