using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Paging;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Users;

public sealed record UserListRow(
    string Id, string DisplayName, string Email, IReadOnlyList<string> Roles, string? Organisation, AccountStatus Status,
    bool TwoStep, DateTimeOffset? LastSignInAt);

/// <summary>The people who work in Thuis for the administrator's municipality, by name, a page at a time.</summary>
public sealed class ListUsers(AppDbContext db, CurrentUser currentUser)
{
    public async Task<Paged<UserListRow>> HandleAsync(int page, CancellationToken cancellationToken)
    {
        var accounts = StaffAccounts.Of(db, currentUser).AsNoTracking();
        var total = await accounts.CountAsync(cancellationToken);
        var (number, pages) = Paging.Clamp(total, page);
        var rows = await StaffAccounts.Facts(db, accounts
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Skip((number - 1) * Paging.PageSize).Take(Paging.PageSize))
            .ToListAsync(cancellationToken);
        return new Paged<UserListRow>(
            [.. rows.Select(u => new UserListRow(u.Id, u.DisplayName, u.Email, [.. u.Roles.Order(StringComparer.Ordinal).Select(Roles.DutchName)], u.Organisation,
                u.Status, u.TwoStep, u.LastSignInAt))],
            total, number, pages);
    }
}
