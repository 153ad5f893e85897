using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Users;

public sealed class ChangeUserRoleForm
{
    public string? Role { get; set; }

    public Guid? OrganisationId { get; set; }

    public Guid Version { get; set; }
}

public sealed record UserRoleEditing(string DisplayName, ChangeUserRoleForm Form, IReadOnlyList<OrganisationOption> Organisations);

/// <summary>
/// Gives an account another role (one of <see cref="Roles.All"/>), and a partner worker their organisation. An
/// administrator cannot take the role from themselves, and the municipality keeps at least one active administrator.
/// </summary>
public sealed class ChangeUserRole(AppDbContext db, CurrentUser currentUser)
{
    public async Task<UserRoleEditing?> LoadAsync(string userId, CancellationToken cancellationToken)
    {
        var account = await StaffAccounts.Of(db, currentUser).AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new
            {
                u.DisplayName,
                u.OrganisationId,
                u.Version,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name ?? "").ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return account is null ? null : new UserRoleEditing(account.DisplayName,
            new ChangeUserRoleForm { Role = Roles.All.FirstOrDefault(account.Roles.Contains), OrganisationId = account.OrganisationId, Version = account.Version },
            await StaffAccounts.PartnerOrganisationsAsync(db, cancellationToken));
    }

    public async Task<Outcome> HandleAsync(string userId, ChangeUserRoleForm form, CancellationToken cancellationToken)
    {
        var account = await StaffAccounts.Of(db, currentUser).SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (account is null)
        {
            return Outcome.NotFound();
        }
        var errors = await StaffAccounts.RoleErrorsAsync(db, form.Role, form.OrganisationId, nameof(ChangeUserRoleForm.Role),
            nameof(ChangeUserRoleForm.OrganisationId), cancellationToken);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var roleIds = await StaffAccounts.RoleIdsAsync(db, cancellationToken);
        var held = await db.UserRoles.Where(ur => ur.UserId == userId).ToListAsync(cancellationToken);
        var newRoleId = roleIds[form.Role!];
        var losesAdministration = form.Role != Roles.Administrator && held.Any(ur => ur.RoleId == roleIds[Roles.Administrator]);
        var lastAdministrator = losesAdministration && !account.IsDeactivated
            && !await StaffAccounts.AnotherActiveAdministratorAsync(db, currentUser, userId, cancellationToken);

        return await SaveVersionedChange.HandleAsync(db, account, form.Version,
            a => losesAdministration && a.Id == currentUser.UserId
                ? "U kunt uzelf de rol van functioneel beheerder niet afnemen. Vraag een andere functioneel beheerder om dat te doen."
                : lastAdministrator
                    ? "Dit is de laatste actieve functioneel beheerder van de gemeente. Geef eerst iemand anders die rol."
                    : null,
            a =>
            {
                a.WorkFor(form.OrganisationId);
                db.UserRoles.RemoveRange(held.Where(ur => ur.RoleId != newRoleId));
                if (!held.Any(ur => ur.RoleId == newRoleId))
                {
                    db.UserRoles.Add(StaffAccounts.RoleOf(a.Id, newRoleId));
                }
            },
            StaffAccounts.ChangedMeanwhile, cancellationToken);
    }
}
