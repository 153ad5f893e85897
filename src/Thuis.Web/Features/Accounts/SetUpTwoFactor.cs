using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QRCoder;
using Thuis.Web.Data;

namespace Thuis.Web.Features.Accounts;

public sealed record TwoFactorStatus(bool Enabled, bool RequiredByMunicipality, int RecoveryCodesLeft);

/// <summary>What the code app needs, and the same key sealed for the form that switches it on.</summary>
public sealed record AuthenticatorSetup(string SharedKey, string QrCodeDataUri, string SealedKey);

public sealed record TwoFactorChange(bool Succeeded, string? Refusal, IReadOnlyList<string> RecoveryCodes)
{
    public static TwoFactorChange Refused(string reason) => new(false, reason, []);
}

/// <summary>Turns TOTP two-factor sign-in on and off for the signed-in user, and renews recovery codes.</summary>
public sealed class SetUpTwoFactor(UserManager<ThuisUser> users, SignInManager<ThuisUser> signIn, AppDbContext db, IDataProtectionProvider protection)
{
    // A key offered but not yet switched on lives only in the page's form, sealed for this user for an hour.
    private readonly ITimeLimitedDataProtector _seal = protection.CreateProtector("Thuis.Authenticatorsleutel").ToTimeLimitedDataProtector();

    private const string Issuer = "Thuis";
    private const int RecoveryCodeCount = 10;

    // Where Identity's user store keeps the authenticator key (UserStoreBase), read back by GetAuthenticatorKeyAsync.
    private const string AuthenticatorKeyStore = "[AspNetUserStore]";
    private const string AuthenticatorKeyName = "AuthenticatorKey";

    public async Task<TwoFactorStatus> GetStatusAsync(ThuisUser user) => new(
        await users.GetTwoFactorEnabledAsync(user),
        await IsRequiredAsync(user),
        await users.CountRecoveryCodesAsync(user));

    /// <summary>
    /// The key to type or scan into an authenticator app: the one the form carries back, the one already kept, or a new
    /// one. Nothing is saved here, so opening the page changes nothing; the key is kept when the app's first code is given.
    /// </summary>
    public async Task<AuthenticatorSetup> GetAuthenticatorSetupAsync(ThuisUser user, string? sealedKey = null)
    {
        var key = Unseal(user, sealedKey) ?? await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            key = users.GenerateNewAuthenticatorKey();
        }
        var label = Uri.EscapeDataString($"{Issuer}:{user.Email}");
        var uri = string.Create(CultureInfo.InvariantCulture, $"otpauth://totp/{label}?secret={key}&issuer={Issuer}&digits=6");
        using var qr = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(qr).GetGraphic(5);
        return new AuthenticatorSetup(FormatKey(key), "data:image/png;base64," + Convert.ToBase64String(png),
            _seal.Protect(user.Id + "|" + key, TimeSpan.FromHours(1)));
    }

    public async Task<TwoFactorChange> EnableAsync(ThuisUser user, string code, string? sealedKey)
    {
        var key = Unseal(user, sealedKey) ?? await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            return TwoFactorChange.Refused("Het aanzetten duurde te lang. Scan de nieuwe QR-code en vul de code in die de app dan laat zien.");
        }
        if (key != await users.GetAuthenticatorKeyAsync(user))
        {
            // Kept where Identity's store keeps it, without renewing the security stamp as ResetAuthenticatorKeyAsync
            // does: a key not yet switched on guards nothing, and a new stamp would sign the user out everywhere else.
            await users.SetAuthenticationTokenAsync(user, AuthenticatorKeyStore, AuthenticatorKeyName, key);
        }
        var cleaned = code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, cleaned))
        {
            return TwoFactorChange.Refused("Deze code klopt niet. Controleer of u de sleutel goed heeft overgenomen en probeer de volgende code.");
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
        await signIn.RefreshSignInAsync(user);
        return new TwoFactorChange(true, null, codes.ToList());
    }

    public async Task<TwoFactorChange> DisableAsync(ThuisUser user)
    {
        if (await IsRequiredAsync(user))
        {
            return TwoFactorChange.Refused("Uw gemeente verplicht tweestapsverificatie; u kunt het daarom niet uitzetten.");
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return new TwoFactorChange(true, null, []);
    }

    public async Task<TwoFactorChange> RenewRecoveryCodesAsync(ThuisUser user)
    {
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return TwoFactorChange.Refused("Herstelcodes horen bij tweestapsverificatie; zet die eerst aan.");
        }
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
        return new TwoFactorChange(true, null, codes.ToList());
    }

    private string? Unseal(ThuisUser user, string? sealedKey)
    {
        if (string.IsNullOrEmpty(sealedKey))
        {
            return null;
        }
        try
        {
            var parts = _seal.Unprotect(sealedKey).Split('|');
            return parts.Length == 2 && parts[0] == user.Id ? parts[1] : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Older than an hour, or not made by Thuis.
            return null;
        }
    }

    private Task<bool> IsRequiredAsync(ThuisUser user) =>
        db.Municipalities.Where(m => m.Id == user.MunicipalityId).Select(m => m.RequireTwoFactor).SingleAsync();

    private static string FormatKey(string key)
    {
        var formatted = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            formatted.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return formatted.ToString().TrimEnd().ToLowerInvariant();
    }
}
