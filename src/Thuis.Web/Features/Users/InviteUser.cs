using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Users;

public sealed class InviteUserForm
{
    [Required(ErrorMessage = "Vul het e-mailadres in.")]
    [EmailAddress(ErrorMessage = "Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl.")]
    [StringLength(256, ErrorMessage = "Een e-mailadres heeft hoogstens 256 tekens.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Vul de naam in.")]
    [StringLength(200, ErrorMessage = "Een naam heeft hoogstens 200 tekens.")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Kies een rol.")]
    public string? Role { get; set; }

    /// <summary>Only for a partner worker, and then required.</summary>
    public Guid? OrganisationId { get; set; }
}

/// <summary>The link the administrator hands over; it is shown once and is valid until <see cref="ExpiresAt"/>.</summary>
public sealed record InvitationLink(string UserId, string DisplayName, string Email, string Link, DateTimeOffset ExpiresAt);

/// <summary>
/// Invites someone to work in Thuis for the municipality: makes their account (without a password) with its role and,
/// for a partner worker, organisation, and issues a one-time link. Inviting again replaces the earlier link.
/// </summary>
public sealed class InviteUser(AppDbContext db, UserManager<ThuisUser> users, CurrentUser currentUser, TimeProvider clock)
{
    public const string AcceptPath = "/account/uitnodiging";

    public Task<IReadOnlyList<OrganisationOption>> OrganisationsAsync(CancellationToken cancellationToken) =>
        StaffAccounts.PartnerOrganisationsAsync(db, cancellationToken);

    public async Task<Outcome<InvitationLink>> HandleAsync(InviteUserForm form, string siteAddress, CancellationToken cancellationToken)
    {
        var email = form.Email.Trim();
        var errors = await StaffAccounts.RoleErrorsAsync(db, form.Role, form.OrganisationId, nameof(InviteUserForm.Role),
            nameof(InviteUserForm.OrganisationId), cancellationToken);
        if (await users.FindByEmailAsync(email) is not null || await users.FindByNameAsync(email) is not null)
        {
            errors[nameof(InviteUserForm.Email)] = "Er is al een account met dit e-mailadres. Is die persoon nog niet begonnen? Nodig opnieuw uit vanaf de pagina van die gebruiker.";
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var municipalityId = currentUser.MunicipalityId ?? throw new InvalidOperationException("Geen gemeente.");
        var account = new ThuisUser(email, form.DisplayName, municipalityId, form.OrganisationId);
        return await db.AllOrNothingAsync(async () =>
        {
            var created = await users.CreateAsync(account);
            if (!created.Succeeded || !(await users.AddToRoleAsync(account, form.Role!)).Succeeded)
            {
                return (Outcome.Invalid(nameof(InviteUserForm.Email), string.Join(" ", created.Errors.Select(e => e.Description))), false);
            }
            var issued = await IssueAsync(account, siteAddress, cancellationToken);
            return (issued, issued.IsSaved);
        }, cancellationToken);
    }

    /// <summary>A new link for someone who has not started yet; the earlier link stops working.</summary>
    public async Task<Outcome<InvitationLink>> AgainAsync(string userId, string siteAddress, CancellationToken cancellationToken)
    {
        var account = await StaffAccounts.Of(db, currentUser).SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (account is null)
        {
            return Outcome.NotFound();
        }
        if (StaffAccounts.StatusOf(account.DeactivatedAt, account.PasswordHash is not null, await Passkeys.HasPasskeyAsync(users, account)) != AccountStatus.Invited)
        {
            return Outcome.Refused("Deze gebruiker heeft de uitnodiging al gebruikt of is gedeactiveerd; een nieuwe uitnodiging is niet nodig.");
        }
        return await IssueAsync(account, siteAddress, cancellationToken);
    }

    private async Task<Outcome<InvitationLink>> IssueAsync(ThuisUser account, string siteAddress, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var earlier in await db.StaffInvitations.Where(i => i.UserId == account.Id && i.UsedAt == null && i.ReplacedAt == null)
            .ToListAsync(cancellationToken))
        {
            earlier.Replace(now);
        }
        var (invitation, token) = StaffInvitation.Issue(account, currentUser.DisplayName, now);
        db.StaffInvitations.Add(invitation);
        var saved = await SaveVersionedChange.SaveAsync(db, "Iemand anders heeft deze persoon net ook uitgenodigd. Open de pagina opnieuw.", cancellationToken);
        if (!saved.IsSaved)
        {
            return saved;
        }
        var link = $"{siteAddress.TrimEnd('/')}{AcceptPath}?token={token}";
        return Outcome.Saved(new InvitationLink(account.Id, account.DisplayName, account.Email ?? "", link, invitation.ExpiresAt));
    }
}
