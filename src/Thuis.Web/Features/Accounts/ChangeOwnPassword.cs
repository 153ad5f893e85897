using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Thuis.Web.Platform.Editing;

namespace Thuis.Web.Features.Accounts;

public sealed class ChangePasswordForm
{
    [Required(ErrorMessage = "Vul uw huidige wachtwoord in.")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Kies een nieuw wachtwoord.")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Herhaal het nieuwe wachtwoord.")]
    [Compare(nameof(NewPassword), ErrorMessage = "De twee nieuwe wachtwoorden zijn niet gelijk.")]
    public string RepeatPassword { get; set; } = "";
}

/// <summary>
/// A user changes their own password. Every rule for a password (length, the list of common passwords) is Identity's,
/// the same wherever a password is set. The new security stamp ends the user's sessions elsewhere; this one is renewed
/// and continues. The change is audited with the account.
/// </summary>
public sealed class ChangeOwnPassword(UserManager<ThuisUser> users, SignInManager<ThuisUser> signIn, IHttpContextAccessor http)
{
    public async Task<Outcome> HandleAsync(ChangePasswordForm form)
    {
        var user = await users.GetUserAsync(http.HttpContext!.User) ?? throw new InvalidOperationException("Niemand ingelogd.");
        if (!await users.CheckPasswordAsync(user, form.CurrentPassword))
        {
            return Outcome.Invalid(nameof(ChangePasswordForm.CurrentPassword), "Uw huidige wachtwoord klopt niet.");
        }
        if (form.NewPassword == form.CurrentPassword)
        {
            return Outcome.Invalid(nameof(ChangePasswordForm.NewPassword), "Kies een ander wachtwoord dan uw huidige.");
        }
        var changed = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
        if (!changed.Succeeded)
        {
            return Outcome.Invalid(nameof(ChangePasswordForm.NewPassword), string.Join(" ", changed.Errors.Select(e => e.Description)));
        }
        await signIn.RefreshSignInAsync(user);
        return Outcome.Saved();
    }
}
