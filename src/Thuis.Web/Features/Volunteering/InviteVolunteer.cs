using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Features.Users;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Volunteering;

/// <summary>Whether a volunteer has their own view, as the volunteer coordinator sees it on the volunteer's page.</summary>
public sealed record VolunteerAccess(
    Guid VolunteerId,
    string Name,
    string? Email,
    bool HasAccount,
    bool HasAccess,
    bool Deactivated,
    DateTimeOffset? LastSignIn,
    DateTimeOffset? OpenInvitationExpires);

/// <summary>
/// The volunteer coordinator invites a volunteer to their own view: makes their account the first time (signing in with
/// the volunteer's e-mail address, with the one role Volunteer, bound to this volunteer), and issues a one-time link
/// that replaces any earlier one. The administrator never gives this role by hand.
/// </summary>
public sealed class InviteVolunteer(AppDbContext db, UserManager<ThuisUser> users, CurrentUser currentUser, TimeProvider clock)
{
    public const string Purpose = "Toegang van vrijwilliger tot eigen koppelingen bekijken";
    private const string ChangedMeanwhile = "Iemand anders heeft deze vrijwilliger net ook uitgenodigd. Open de pagina opnieuw.";

    public async Task<VolunteerAccess?> LoadAsync(Guid volunteerId, CancellationToken cancellationToken)
    {
        var volunteer = await db.Volunteers.AsNoTracking().SingleOrDefaultAsync(v => v.Id == volunteerId, cancellationToken);
        db.RecordAudit(AuditAction.View, nameof(Volunteer), volunteerId.ToString(), volunteer is null ? AuditResult.NotFound : AuditResult.Success, Purpose);
        await db.SaveChangesAsync(cancellationToken);
        if (volunteer is null)
        {
            return null;
        }
        var account = await db.Users.AsNoTracking().Where(u => u.VolunteerId == volunteerId)
            .Select(u => new { u.Id, u.PasswordHash, HasPasskey = db.UserPasskeys.Any(p => p.UserId == u.Id), u.LastSignInAt, u.DeactivatedAt })
            .SingleOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var open = account is null ? null : (await db.StaffInvitations.AsNoTracking().Where(i => i.UserId == account.Id).ToListAsync(cancellationToken))
            .Where(i => i.IsOpen(now)).Max(i => (DateTimeOffset?)i.ExpiresAt);
        return new VolunteerAccess(volunteer.Id, volunteer.Name, volunteer.Email, account is not null,
            account is not null && account.DeactivatedAt is null && (account.PasswordHash is not null || account.HasPasskey),
            account?.DeactivatedAt is not null, account?.LastSignInAt, open);
    }

    /// <summary>A new link for the volunteer; an account that was closed is opened again, without its old password.</summary>
    public async Task<Outcome<InvitationLink>> HandleAsync(Guid volunteerId, string siteAddress, CancellationToken cancellationToken)
    {
        var volunteer = await db.Volunteers.AsNoTracking().SingleOrDefaultAsync(v => v.Id == volunteerId, cancellationToken);
        if (volunteer is null)
        {
            return Outcome.NotFound();
        }
        if (volunteer.Email is not { } email)
        {
            return Outcome.Refused("Vul eerst het e-mailadres van de vrijwilliger in bij de gegevens: daarmee logt de vrijwilliger in.");
        }
        var municipalityId = currentUser.MunicipalityId ?? throw new InvalidOperationException("Geen gemeente.");
        var account = await db.Users.SingleOrDefaultAsync(u => u.VolunteerId == volunteerId, cancellationToken);
        if (account is null)
        {
            if (await users.FindByEmailAsync(email) is not null || await users.FindByNameAsync(email) is not null)
            {
                return Outcome.Refused($"Er is al een account met het e-mailadres {email}. Kies voor deze vrijwilliger een ander e-mailadres, of vraag de functioneel beheerder.");
            }
            account = ThuisUser.ForVolunteer(email, volunteer.Name, municipalityId, volunteerId);
            var made = account;
            return await db.AllOrNothingAsync(async () =>
            {
                var created = await users.CreateAsync(made);
                if (!created.Succeeded || !(await users.AddToRoleAsync(made, Roles.Volunteer)).Succeeded)
                {
                    return ((Outcome<InvitationLink>)Outcome.Refused(string.Join(" ", created.Errors.Select(e => e.Description))), false);
                }
                var issued = await IssueAsync(made, siteAddress, cancellationToken);
                return (issued, issued.IsSaved);
            }, cancellationToken);
        }
        if (account.DeactivatedAt is null && (await users.HasPasswordAsync(account) || await Passkeys.HasPasskeyAsync(users, account)))
        {
            return Outcome.Refused($"{volunteer.Name} gebruikt de eigen koppelingen al. Is de toegang kwijt? Trek de toegang eerst in en nodig dan opnieuw uit.");
        }
        if (account.IsDeactivated)
        {
            account.Reactivate();
            if (await users.HasPasswordAsync(account))
            {
                await users.RemovePasswordAsync(account);
            }
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
        var saved = await SaveVersionedChange.SaveAsync(db, ChangedMeanwhile, cancellationToken);
        if (!saved.IsSaved)
        {
            return saved;
        }
        var link = $"{siteAddress.TrimEnd('/')}{InviteUser.AcceptPath}?token={token}";
        return Outcome.Saved(new InvitationLink(account.Id, account.DisplayName, account.Email ?? "", link, invitation.ExpiresAt));
    }
}

/// <summary>Ends a volunteer's own view: the account is closed and every open session ends at once; open links stop working.</summary>
public sealed class EndVolunteerAccess(AppDbContext db, TimeProvider clock)
{
    public async Task<Outcome> HandleAsync(Guid volunteerId, CancellationToken cancellationToken)
    {
        if (!await db.Volunteers.AnyAsync(v => v.Id == volunteerId, cancellationToken)
            || await db.Users.SingleOrDefaultAsync(u => u.VolunteerId == volunteerId, cancellationToken) is not { } account)
        {
            return Outcome.NotFound();
        }
        var now = clock.GetUtcNow();
        foreach (var open in await db.StaffInvitations.Where(i => i.UserId == account.Id && i.UsedAt == null && i.ReplacedAt == null)
            .ToListAsync(cancellationToken))
        {
            open.Replace(now);
        }
        account.Deactivate(now);
        return await SaveVersionedChange.SaveAsync(db, "Iemand anders heeft de toegang van deze vrijwilliger net gewijzigd. Open de pagina opnieuw.", cancellationToken);
    }
}
