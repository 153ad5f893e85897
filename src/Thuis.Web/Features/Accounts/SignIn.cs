using Microsoft.AspNetCore.Identity;

namespace Thuis.Web.Features.Accounts;

/// <summary>Where a sign-in attempt stands; each sign-in page says it in its own words and language.</summary>
public enum SignInStep
{
    SignedIn,

    /// <summary>The password was right; the code from the code app (or a recovery code) comes next.</summary>
    CodeNeeded,

    /// <summary>Five wrong attempts: the account waits a quarter of an hour.</summary>
    LockedOut,

    Refused,

    /// <summary>The person closed the passkey question without choosing one.</summary>
    NoPasskeyChosen,

    /// <summary>This browser cannot use passkeys.</summary>
    PasskeyUnsupported,

    /// <summary>The password was right, but the administrator deactivated the account.</summary>
    Deactivated,

    /// <summary>The code step was opened without a password step before it, or after it expired.</summary>
    NoPendingSignIn,
}

/// <summary>
/// Signs a person in with a password, a passkey, or the second step's code. Staff and newcomers sign in on different
/// pages in different languages; the rules (lockout after five attempts, no remembered devices) are these, once.
/// </summary>
public sealed partial class SignIn(SignInManager<ThuisUser> signIn, IPasswordHasher<ThuisUser> hasher, AccountThrottle throttle, ILogger<SignIn> logger)
{
    // A hash to check an unknown name's password against, made once with the same cost as every account's.
    private static string? _nobodysHash;

    public async Task<SignInStep> WithPasswordAsync(string name, string password)
    {
        if (throttle.Blocks(name))
        {
            LockedOut(logger, "password");
            return SignInStep.LockedOut;
        }
        var step = await CheckPasswordAsync(name, password);
        if (step is SignInStep.Refused)
        {
            throttle.Failed(name);
            // The fifth wrong password answers "locked" at once, as Identity's lockout does for an account.
            if (throttle.Blocks(name))
            {
                LockedOut(logger, "password");
                return SignInStep.LockedOut;
            }
        }
        return step;
    }

    private async Task<SignInStep> CheckPasswordAsync(string name, string password)
    {
        var user = await signIn.UserManager.FindByNameAsync(name.Trim());
        if (user is null)
        {
            // An unknown name costs one password check too, so the time an answer takes does not tell which names
            // have an account.
            var nobody = ThuisUser.Nobody();
            _nobodysHash ??= hasher.HashPassword(nobody, Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(nobody, _nobodysHash, password);
            return SignInStep.Refused;
        }
        if (user.IsDeactivated)
        {
            // Only someone who knows the password learns that the account was deactivated.
            return await signIn.UserManager.CheckPasswordAsync(user, password) ? SignInStep.Deactivated : SignInStep.Refused;
        }
        return Step(await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true), "password");
    }

    public async Task<SignInStep> WithPasskeyAsync(PasskeyForm? passkey)
    {
        if (string.IsNullOrEmpty(passkey?.CredentialJson))
        {
            return passkey?.Cancelled == true ? SignInStep.NoPasskeyChosen : SignInStep.PasskeyUnsupported;
        }
        try
        {
            return Step(await signIn.PasskeySignInAsync(passkey.CredentialJson), "passkey");
        }
        catch (InvalidOperationException)
        {
            // No passkey was asked for from this browser (an old page, or a post made by hand).
            return SignInStep.Refused;
        }
    }

    /// <summary>Whether a password was given and its second step still waits.</summary>
    public async Task<bool> AwaitsCodeAsync() => await signIn.GetTwoFactorAuthenticationUserAsync() is not null;

    /// <summary>The code app's six digits.</summary>
    public async Task<SignInStep> WithCodeAsync(string code) =>
        !await AwaitsCodeAsync()
            ? SignInStep.NoPendingSignIn
            : Step(await signIn.TwoFactorAuthenticatorSignInAsync(Plain(code), isPersistent: false, rememberClient: false), "code");

    public async Task<SignInStep> WithRecoveryCodeAsync(string code) =>
        !await AwaitsCodeAsync()
            ? SignInStep.NoPendingSignIn
            : Step(await signIn.TwoFactorRecoveryCodeSignInAsync(code.Replace(" ", "", StringComparison.Ordinal)), "recovery code");

    /// <summary>Six digits are the code app's; anything else is taken as a recovery code, so one field serves both.</summary>
    public Task<SignInStep> WithEitherCodeAsync(string code) =>
        Plain(code) is { Length: 6 } digits && digits.All(char.IsAsciiDigit) ? WithCodeAsync(digits) : WithRecoveryCodeAsync(code.Trim());

    private SignInStep Step(Microsoft.AspNetCore.Identity.SignInResult result, string how)
    {
        if (result.IsLockedOut)
        {
            LockedOut(logger, how);
            return SignInStep.LockedOut;
        }
        return result.Succeeded ? SignInStep.SignedIn : result.RequiresTwoFactor ? SignInStep.CodeNeeded : SignInStep.Refused;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in with {How} refused: account locked out")]
    private static partial void LockedOut(ILogger logger, string how);

    private static string Plain(string code) => code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
}
