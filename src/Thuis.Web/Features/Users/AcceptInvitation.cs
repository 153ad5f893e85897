using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Users;

public sealed class AcceptInvitationForm
{
    public string Token { get; set; } = "";

    [Required(ErrorMessage = "Kies een wachtwoord.")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Herhaal het wachtwoord.")]
    [Compare(nameof(Password), ErrorMessage = "De twee wachtwoorden zijn niet gelijk.")]
    public string RepeatPassword { get; set; } = "";
}

/// <summary>Whom the link invites, or why it no longer works.</summary>
public sealed record InvitationView(string? DisplayName, string? Email, string? WhyClosed);

/// <summary>
/// The invited person opens the link, chooses a password and is signed in; when their municipality requires two-step
/// verification they are led to set it up next, as at every sign-in. The link works once.
/// </summary>
public sealed class AcceptInvitation(AppDbContext db, UserManager<ThuisUser> users, SignInManager<ThuisUser> signIn, CurrentUser currentUser, TimeProvider clock)
{
    public const string Unknown = "Deze link is niet (meer) geldig. Controleer of u de hele link heeft overgenomen, of vraag wie u uitnodigde om een nieuwe: de functioneel beheerder, of voor vrijwilligers de coördinator vrijwilligers.";

    public async Task<InvitationView> LoadAsync(string? token, CancellationToken cancellationToken)
    {
        var found = await FindAsync(token, cancellationToken);
        if (found is null)
        {
            return new InvitationView(null, null, Unknown);
        }
        var (invitation, account) = found.Value;
        return new InvitationView(account.DisplayName, account.Email, WhyClosed(invitation, account));
    }

    public async Task<Outcome> HandleAsync(AcceptInvitationForm form, CancellationToken cancellationToken)
    {
        var found = await FindAsync(form.Token, cancellationToken);
        if (found is null)
        {
            return Outcome.Refused(Unknown);
        }
        var (invitation, account) = found.Value;
        if (WhyClosed(invitation, account) is { } why)
        {
            return Outcome.Refused(why);
        }
        var weak = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            weak.AddRange((await validator.ValidateAsync(users, account, form.Password)).Errors.Select(e => e.Description));
        }
        if (weak.Count > 0)
        {
            return Outcome.Invalid(nameof(AcceptInvitationForm.Password), string.Join(" ", weak));
        }

        // Before anyone is signed in no municipality is known: the invitation says whose account it is.
        currentUser.ActAsSystemFor(invitation.MunicipalityId);
        var now = clock.GetUtcNow();
        var set = await db.AllOrNothingAsync(async () =>
        {
            invitation.Use(now);
            // One save for both: a second use of the same link at the same moment fails on the invitation's version.
            var added = await users.AddPasswordAsync(account, form.Password);
            return (added.Succeeded, added.Succeeded);
        }, cancellationToken);
        if (!set)
        {
            db.ChangeTracker.Clear();
            return Outcome.Refused("Deze uitnodiging is al gebruikt. Log in met uw e-mailadres en het wachtwoord dat u toen koos.");
        }
        await signIn.SignInAsync(account, isPersistent: false);
        return Outcome.Saved();
    }

    private string? WhyClosed(StaffInvitation invitation, ThuisUser account) =>
        invitation.WhyClosed(clock.GetUtcNow()) ?? (account.IsDeactivated ? "Dit account is gedeactiveerd. Neem contact op met de functioneel beheerder van uw gemeente." : null);

    private async Task<(StaffInvitation Invitation, ThuisUser Account)?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }
        var hash = StaffInvitation.Hash(token);
        var invitation = await db.StaffInvitations.IgnoreQueryFilters().SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null || await db.Users.SingleOrDefaultAsync(u => u.Id == invitation.UserId, cancellationToken) is not { } account)
        {
            return null;
        }
        return (invitation, account);
    }
}
