using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Own;

/// <summary>The activation form; its messages are in the language of the page (see <see cref="OwnTexts"/>).</summary>
public sealed class ActivationForm
{
    [Required(ErrorMessageResourceType = typeof(OwnTexts), ErrorMessageResourceName = nameof(OwnTexts.SignInNameMissing))]
    [StringLength(256, ErrorMessageResourceType = typeof(OwnTexts), ErrorMessageResourceName = nameof(OwnTexts.TooLong))]
    public string SignInName { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(OwnTexts), ErrorMessageResourceName = nameof(OwnTexts.CodeMissing))]
    [StringLength(40, ErrorMessageResourceType = typeof(OwnTexts), ErrorMessageResourceName = nameof(OwnTexts.TooLong))]
    public string Code { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(OwnTexts), ErrorMessageResourceName = nameof(OwnTexts.PasswordMissing))]
    [StringLength(200, MinimumLength = 12, ErrorMessageResourceType = typeof(OwnTexts), ErrorMessageResourceName = nameof(OwnTexts.PasswordTooShort))]
    public string Password { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(OwnTexts), ErrorMessageResourceName = nameof(OwnTexts.RepeatMissing))]
    [Compare(nameof(Password), ErrorMessageResourceType = typeof(OwnTexts), ErrorMessageResourceName = nameof(OwnTexts.RepeatDifferent))]
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
    /// <summary>One answer for a wrong name, a wrong code and a used or expired code, in the page's language.</summary>
    public static string WrongCode => OwnTexts.In(Languages.Current, nameof(WrongCode));

    public async Task<Outcome> HandleAsync(ActivationForm form, CancellationToken cancellationToken)
    {
        var wrongCode = WrongCode;
        var refused = Outcome.Invalid(nameof(ActivationForm.Code), wrongCode);
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
        // The validators' own messages are Dutch only; the person reads one plain message in their language.
        var weak = false;
        foreach (var validator in users.PasswordValidators)
        {
            weak |= !(await validator.ValidateAsync(users, account, form.Password)).Succeeded;
        }
        if (weak)
        {
            return Outcome.Invalid(nameof(ActivationForm.Password), OwnTexts.In(Languages.Current, "PasswordWeak"));
        }

        currentUser.ActAsSystemFor(invitation.MunicipalityId);
        invitation.Activate(now);
        // The language the person activated in is the language of their own Thuis from now on.
        account.ChooseOwnLanguage(Languages.Current);
        var used = await SaveVersionedChange.SaveAsync(db, wrongCode, cancellationToken);
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
            return Outcome.Invalid(nameof(ActivationForm.Password), OwnTexts.In(Languages.Current, "PasswordWeak"));
        }
        await users.ResetAccessFailedCountAsync(account);
        await users.SetLockoutEndDateAsync(account, null);
        await signIn.SignInAsync(account, isPersistent: false);
        return Outcome.Saved();
    }
}
