using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Own;

public sealed class ActivationForm
{
    [Required(ErrorMessage = "Vul uw gebruikersnaam in. Die staat in de brief.")]
    [StringLength(256, ErrorMessage = "Deze gebruikersnaam is te lang.")]
    public string SignInName { get; set; } = "";

    [Required(ErrorMessage = "Vul de code uit de brief in.")]
    [StringLength(40, ErrorMessage = "Deze code is te lang.")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Kies een wachtwoord.")]
    [StringLength(200, MinimumLength = 12, ErrorMessage = "Kies een wachtwoord van minstens 12 tekens.")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Typ het wachtwoord nog een keer.")]
    [Compare(nameof(Password), ErrorMessage = "De twee wachtwoorden zijn niet hetzelfde.")]
    public string RepeatPassword { get; set; } = "";
}

/// <summary>
/// A newcomer activates their own Thuis with the code from the letter: the code is used once, only while the
/// invitation is open, and the person chooses their own password. A wrong name, a wrong code and an expired or used
/// code all get the same answer, so the page tells nobody which of them was right.
/// </summary>
public sealed class ActivateOwnAccess(
    AppDbContext db,
    UserManager<ThuisUser> users,
    SignInManager<ThuisUser> signIn,
    CurrentUser currentUser,
    TimeProvider clock)
{
    public const string WrongCode = "De gebruikersnaam of de code klopt niet, of de code is niet meer geldig. Kijk goed in de brief. Lukt het niet? Vraag uw klantregisseur om een nieuwe brief.";

    public async Task<Outcome> HandleAsync(ActivationForm form, CancellationToken cancellationToken)
    {
        var refused = Outcome.Invalid(nameof(ActivationForm.Code), WrongCode);
        var account = await users.FindByNameAsync(form.SignInName.Trim());
        if (account?.NewcomerId is null)
        {
            return refused;
        }
        var now = clock.GetUtcNow();
        // Before anyone is signed in no municipality is known: the code itself says whose invitation it is.
        var invitation = (await db.OwnAccessInvitations.IgnoreQueryFilters()
                .Where(i => i.UserId == account.Id && i.ActivatedAt == null && i.RevokedAt == null)
                .ToListAsync(cancellationToken))
            .FirstOrDefault(i => i.IsOpen(now) && i.Matches(form.Code));
        if (invitation is null)
        {
            return refused;
        }
        var weak = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, account, form.Password);
            weak.AddRange(result.Errors.Select(e => e.Description));
        }
        if (weak.Count > 0)
        {
            return Outcome.Invalid(nameof(ActivationForm.Password), string.Join(' ', weak));
        }

        currentUser.ActAsSystemFor(invitation.MunicipalityId);
        invitation.Activate(now);
        var used = await SaveVersionedChange.SaveAsync(db, WrongCode, cancellationToken);
        if (!used.IsSaved)
        {
            return refused;
        }
        if (await users.HasPasswordAsync(account))
        {
            await users.RemovePasswordAsync(account);
        }
        var set = await users.AddPasswordAsync(account, form.Password);
        if (!set.Succeeded)
        {
            return Outcome.Invalid(nameof(ActivationForm.Password), string.Join(' ', set.Errors.Select(e => e.Description)));
        }
        await users.ResetAccessFailedCountAsync(account);
        await users.SetLockoutEndDateAsync(account, null);
        await signIn.SignInAsync(account, isPersistent: false);
        return Outcome.Saved();
    }
}
