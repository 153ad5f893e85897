using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Thuis.Web.Features.Accounts;

/// <summary>
/// Identity's sign-in, with one rule more: a deactivated account cannot sign in, whichever way it tries (password,
/// passkey, code). Its open sessions end by its new security stamp.
/// </summary>
internal sealed class ThuisSignInManager(
    UserManager<ThuisUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ThuisUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ThuisUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ThuisUser> confirmation)
    : SignInManager<ThuisUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ThuisUser user) => !user.IsDeactivated && await base.CanSignInAsync(user);
}
