using System.Globalization;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace Thuis.Web.Features.Accounts;

/// <summary>
/// The code app's six digits (TOTP, RFC 6238) that work once. Identity's own provider accepts the same code again for as
/// long as its window lasts (up to two minutes), so a code seen over someone's shoulder could be used a second time.
/// This one keeps the time step of the last code used, to sign in or to switch the app on, and refuses that step and
/// every earlier one.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(TimeProvider clock) : AuthenticatorTokenProvider<ThuisUser>
{
    public const string Name = "ThuisAuthenticator";

    /// <summary>Where the last step used is kept: a routine note, left out of the audit trail.</summary>
    public const string Store = "[Thuis]";
    private const string LastStep = "AuthenticatorLastStep";

    /// <summary>Two steps of 30 seconds either way, as Identity allows, for a phone whose clock is a little off.</summary>
    private static readonly VerificationWindow Window = new(previous: 2, future: 2);

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<ThuisUser> manager, ThuisUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != 6 || !token.All(char.IsAsciiDigit))
        {
            return false;
        }
        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, token, out var step, Window))
        {
            return false;
        }
        var last = await manager.GetAuthenticationTokenAsync(user, Store, LastStep);
        if (long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var used) && step <= used)
        {
            return false;
        }
        return (await manager.SetAuthenticationTokenAsync(user, Store, LastStep, step.ToString(CultureInfo.InvariantCulture))).Succeeded;
    }
}
