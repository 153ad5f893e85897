using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Admin;

public sealed record UserRow(string DisplayName, string Email, IReadOnlyList<string> Roles, bool TwoFactorEnabled, bool LockedOut);

public sealed record AdministrationView(string MunicipalityName, string CbsCode, bool RequireTwoFactor, int PipDeadlineWeeks, int PvtStartDays, Trajectories.PvtPractice PvtPractice, IReadOnlyList<UserRow> Users);

/// <summary>The administrator's view of their own municipality: its settings and its users.</summary>
public sealed class ShowAdministration(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<AdministrationView> HandleAsync(CancellationToken cancellationToken)
    {
        var municipalityId = currentUser.MunicipalityId ?? throw new InvalidOperationException("Geen gemeente.");
        var municipality = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Id == municipalityId, cancellationToken);
        var now = clock.GetUtcNow();

        var users = await db.Users.AsNoTracking()
            .Where(u => u.MunicipalityId == municipalityId)
            .OrderBy(u => u.DisplayName)
            .Select(u => new
            {
                u.DisplayName,
                Email = u.Email ?? "",
                u.TwoFactorEnabled,
                u.LockoutEnd,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name ?? "")
                    .ToList(),
            })
            .ToListAsync(cancellationToken);

        return new AdministrationView(municipality.Name, municipality.CbsCode, municipality.RequireTwoFactor, municipality.PipDeadlineWeeks, municipality.PvtStartDays, municipality.PvtPractice,
            users.Select(u => new UserRow(u.DisplayName, u.Email, u.Roles, u.TwoFactorEnabled, u.LockoutEnd > now)).ToList());
    }
}
