using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QRCoder;
using Thuis.Web.Data;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Own;

/// <summary>Whether a person has their own Thuis, as the case manager sees it on the dossier.</summary>
public sealed record OwnAccessStatus(
    string FullName,
    string? SignInName,
    bool HasAccess,
    DateTimeOffset? Since,
    DateTimeOffset? LastSignIn,
    DateTimeOffset? OpenInvitationExpires,
    Language Language);

/// <summary>What the printed letter shows; the code exists only here and on paper.</summary>
public sealed record ActivationLetter(
    string GivenNames,
    string FullName,
    string Municipality,
    string SignInName,
    string Code,
    string ActivationAddress,
    DateOnly ValidUntil,
    string QrSvg,
    Language Language);

/// <summary>
/// Invites a person to their own Thuis: makes their own account the first time, revokes an earlier invitation and ends
/// the access it gave, and issues a new one-time code for the letter.
/// </summary>
public sealed class InviteToOwnThuis(AppDbContext db, UserManager<ThuisUser> users, CurrentUser currentUser, TimeProvider clock)
{
    public const string ActivationPath = AccountsSetup.ActivationPath;

    private const string ChangedMeanwhile = "Iemand anders heeft deze persoon net ook uitgenodigd. Open de pagina opnieuw en nodig zo nodig opnieuw uit.";

    public async Task<OwnAccessStatus?> LoadAsync(Guid newcomerId, CancellationToken cancellationToken)
    {
        var person = await Dossiers.ReadDossier.NewcomerAsync(db, newcomerId, "OwnAccess", "Toegang tot eigen Thuis bekijken", cancellationToken);
        if (person is null)
        {
            return null;
        }
        var account = await db.Users.AsNoTracking().Where(u => u.NewcomerId == newcomerId)
            .Select(u => new { u.UserName, u.PasswordHash, HasLogin = db.UserLogins.Any(l => l.UserId == u.Id), u.LastSignInAt, u.OwnLanguage })
            .SingleOrDefaultAsync(cancellationToken);
        var invitations = await db.OwnAccessInvitations.AsNoTracking().Where(i => i.NewcomerId == newcomerId)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // The same test as OwnAccess.HasAccessAsync: a password from the letter's activation, or DigiD.
        var hasAccess = account is not null && (account.PasswordHash is not null || account.HasLogin);
        return new OwnAccessStatus(
            $"{person.GivenNames} {person.FamilyName}",
            account?.UserName,
            hasAccess,
            hasAccess ? invitations.Max(i => i.ActivatedAt) : null,
            account?.LastSignInAt,
            invitations.Where(i => i.IsOpen(now)).Max(i => (DateTimeOffset?)i.ExpiresAt),
            Languages.Find(account?.OwnLanguage) ?? Languages.FromDutchName(person.PreferredLanguage) ?? Languages.Dutch);
    }

    /// <summary>Issues a new code and returns the letter, in Dutch and in <paramref name="language"/>, the person's language from now on.</summary>
    public async Task<Outcome<ActivationLetter>> HandleAsync(Guid newcomerId, Language language, string siteAddress, CancellationToken cancellationToken)
    {
        var newcomer = await db.Newcomers.SingleOrDefaultAsync(n => n.Id == newcomerId, cancellationToken);
        if (newcomer is null)
        {
            return Outcome.NotFound();
        }
        var municipality = currentUser.MunicipalityName ?? "";
        var account = await db.Users.SingleOrDefaultAsync(u => u.NewcomerId == newcomerId, cancellationToken);
        if (account is null)
        {
            account = ThuisUser.ForNewcomer(SignInName(newcomer.GivenNames, municipality), newcomer.GivenNames, newcomer.MunicipalityId, newcomer.Id);
            var created = await users.CreateAsync(account);
            if (!created.Succeeded)
            {
                return Outcome.Conflict(ChangedMeanwhile);
            }
            await users.AddToRoleAsync(account, Roles.Newcomer);
        }
        else
        {
            await OwnAccess.EndAsync(users, account);
        }

        account.ChooseOwnLanguage(language);
        var now = clock.GetUtcNow();
        foreach (var earlier in await db.OwnAccessInvitations.Where(i => i.NewcomerId == newcomerId && i.ActivatedAt == null && i.RevokedAt == null)
            .ToListAsync(cancellationToken))
        {
            earlier.Revoke(now);
        }
        var (invitation, code) = OwnAccessInvitation.Issue(newcomer, account.Id, currentUser.DisplayName, now);
        db.OwnAccessInvitations.Add(invitation);
        var saved = await SaveVersionedChange.SaveAsync(db, ChangedMeanwhile, cancellationToken);
        if (!saved.IsSaved)
        {
            return saved;
        }

        var printed = OwnAccessInvitation.Printed(code);
        var address = siteAddress.TrimEnd('/') + ActivationPath;
        var withCode = $"{address}?code={printed}&naam={Uri.EscapeDataString(account.UserName!)}&{LocalizationSetup.LanguageParameter}={language.Name}";
        return Outcome.Saved(new ActivationLetter(newcomer.GivenNames, $"{newcomer.GivenNames} {newcomer.FamilyName}", municipality,
            account.UserName!, printed, address, Today.DayInTheNetherlands(invitation.ExpiresAt), QrSvg(withCode), language));
    }

    /// <summary>A sign-in name a person can read and type: their first name, four letters, and the municipality.</summary>
    private static string SignInName(string givenNames, string municipality)
    {
        var first = Ascii(givenNames.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "thuis");
        var place = Ascii(municipality);
        var suffix = System.Security.Cryptography.RandomNumberGenerator.GetString("acdefghjkmnpqrtuvwxy", 4);
        return string.Create(CultureInfo.InvariantCulture,
            $"{(first.Length == 0 ? "thuis" : first)}.{suffix}@{(place.Length == 0 ? "gemeente" : place)}.thuis");
    }

    private static string Ascii(string text)
    {
        var plain = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                plain.Append(c);
            }
        }
        return plain.ToString();
    }

    /// <summary>The QR code as SVG paths, so it needs no inline style and no image request.</summary>
    private static string QrSvg(string content)
    {
        using var data = QRCodeGenerator.GenerateQrCode(content, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(new System.Drawing.Size(240, 240), "#000000", "#ffffff", drawQuietZones: true,
            sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}

/// <summary>Revokes a person's open invitation and ends the access of their own account.</summary>
public sealed class RevokeOwnAccess(AppDbContext db, UserManager<ThuisUser> users, TimeProvider clock)
{
    public async Task<Outcome> HandleAsync(Guid newcomerId, CancellationToken cancellationToken)
    {
        if (!await db.Newcomers.AnyAsync(n => n.Id == newcomerId, cancellationToken))
        {
            return Outcome.NotFound();
        }
        var now = clock.GetUtcNow();
        foreach (var open in await db.OwnAccessInvitations.Where(i => i.NewcomerId == newcomerId && i.ActivatedAt == null && i.RevokedAt == null)
            .ToListAsync(cancellationToken))
        {
            open.Revoke(now);
        }
        db.RecordAudit(Platform.Auditing.AuditAction.Update, "OwnAccess", newcomerId.ToString(), Platform.Auditing.AuditResult.Success,
            "Toegang tot eigen Thuis ingetrokken", newcomerId);
        var saved = await SaveVersionedChange.SaveAsync(db, "Iemand anders heeft de toegang net ook gewijzigd.", cancellationToken);
        if (saved.IsSaved && await db.Users.SingleOrDefaultAsync(u => u.NewcomerId == newcomerId, cancellationToken) is { } account)
        {
            await OwnAccess.EndAsync(users, account);
        }
        return saved;
    }
}

internal static class OwnAccess
{
    /// <summary>
    /// Whether the account can be used: it was activated (with the letter's code, or with DigiD) and its access has not
    /// ended since. Ending removes every way in, so what remains says it.
    /// </summary>
    public static async Task<bool> HasAccessAsync(UserManager<ThuisUser> users, ThuisUser account) =>
        await users.HasPasswordAsync(account) || (await users.GetLoginsAsync(account)).Count > 0;

    /// <summary>
    /// Marks an account activated with DigiD. The key is the account's own id: the BSN is never stored, the person is
    /// found again through their dossier's BSN.
    /// </summary>
    public static UserLoginInfo DigiDLogin(ThuisUser account) => new(DigiDSetup.Scheme, account.Id, DigiDSetup.Scheme);

    /// <summary>
    /// Ends what an earlier activation gave: no password, no authenticator, and a new security stamp so every open
    /// session ends at its next request. The account itself stays, bound to the same person, for the next activation.
    /// </summary>
    public static async Task EndAsync(UserManager<ThuisUser> users, ThuisUser account)
    {
        if (await users.HasPasswordAsync(account))
        {
            await users.RemovePasswordAsync(account);
        }
        foreach (var login in await users.GetLoginsAsync(account))
        {
            await users.RemoveLoginAsync(account, login.LoginProvider, login.ProviderKey);
        }
        await users.SetTwoFactorEnabledAsync(account, false);
        await users.RemoveAuthenticationTokenAsync(account, "[AspNetUserStore]", "AuthenticatorKey");
        await users.UpdateSecurityStampAsync(account);
    }
}
