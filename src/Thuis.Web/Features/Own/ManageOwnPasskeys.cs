using System.Buffers.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Thuis.Web.Data;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Own;

/// <summary>One passkey of the person: a name they recognise, when it was made, and its id for the address.</summary>
public sealed record OwnPasskey(string Key, string Name, DateOnly CreatedOn);

public sealed record OwnSignIn(IReadOnlyList<OwnPasskey> Passkeys, bool AuthenticatorApp, bool RequiredByMunicipality)
{
    /// <summary>The person signs in with more than their password alone.</summary>
    public bool TwoSteps => Passkeys.Count > 0 || AuthenticatorApp;
}

/// <summary>
/// How the newcomer signs in, on their own page and in their language: they add a passkey on the phone they hold
/// (fingerprint, face or PIN), see their passkeys, and remove one they no longer use. A passkey counts as two-step
/// verification, so a municipality that requires it is satisfied by a passkey as by an authenticator app.
/// </summary>
public sealed class ManageOwnPasskeys(
    UserManager<ThuisUser> users, SignInManager<ThuisUser> signIn, SetUpTwoFactor twoFactor, AppDbContext db,
    CurrentUser currentUser, IHttpContextAccessor http, IStringLocalizer<OwnTexts> texts)
{
    public async Task<OwnSignIn?> LoadAsync()
    {
        if (await UserAsync() is not { } user)
        {
            return null;
        }
        var status = await twoFactor.GetStatusAsync(user);
        var passkeys = await users.GetPasskeysAsync(user);
        return new OwnSignIn(
            [.. passkeys.OrderBy(p => p.CreatedAt).Select(p => new OwnPasskey(Base64Url.EncodeToString(p.CredentialId), p.Name ?? "",
                Platform.Localization.Today.DayInTheNetherlands(p.CreatedAt)))],
            status.Enabled, status.RequiredByMunicipality);
    }

    /// <summary>Adds the passkey the phone just made, after Identity checked it against the challenge it gave.</summary>
    public async Task<Outcome> AddAsync(PasskeyForm form, string? name)
    {
        if (await UserAsync() is not { } user)
        {
            return Outcome.NotFound();
        }
        if (form.Cancelled)
        {
            return Outcome.Refused(texts["PasskeyCancelled"]);
        }
        if (string.IsNullOrEmpty(form.CredentialJson))
        {
            return Outcome.Refused(texts["PasskeyNotSupported"]);
        }
        if ((await users.GetPasskeysAsync(user)).Count >= Passkeys.MaxPerUser)
        {
            return Outcome.Refused(texts["PasskeyTooMany", Passkeys.MaxPerUser]);
        }
        PasskeyAttestationResult attestation;
        try
        {
            attestation = await signIn.PerformPasskeyAttestationAsync(form.CredentialJson);
        }
        catch (InvalidOperationException)
        {
            // No passkey was asked for in this session (an old page, or a post made by hand).
            return Outcome.Refused(texts["PasskeyFailed"]);
        }
        if (!attestation.Succeeded || attestation.UserEntity.Id != user.Id)
        {
            return Outcome.Refused(texts["PasskeyFailed"]);
        }
        var named = name?.Trim() ?? "";
        attestation.Passkey.Name = named.Length == 0 ? texts["PasskeyDefaultName"] : named[..Math.Min(named.Length, 50)];
        if (!(await users.AddOrUpdatePasskeyAsync(user, attestation.Passkey)).Succeeded)
        {
            return Outcome.Refused(texts["PasskeyFailed"]);
        }
        await RecordAsync(user, AuditAction.Create);
        // The session's claims follow: a municipality's two-step requirement is met from now on.
        await signIn.RefreshSignInAsync(user);
        return Outcome.Saved();
    }

    public async Task<Outcome> RemoveAsync(string key)
    {
        if (await UserAsync() is not { } user)
        {
            return Outcome.NotFound();
        }
        byte[] id;
        try
        {
            id = Base64Url.DecodeFromChars(key);
        }
        catch (FormatException)
        {
            return Outcome.NotFound();
        }
        if (await users.GetPasskeyAsync(user, id) is null)
        {
            return Outcome.NotFound();
        }
        if (!(await users.RemovePasskeyAsync(user, id)).Succeeded)
        {
            return Outcome.Refused(texts["PasskeyFailed"]);
        }
        await RecordAsync(user, AuditAction.Delete);
        await signIn.RefreshSignInAsync(user);
        return Outcome.Saved();
    }

    private async Task<ThuisUser?> UserAsync() =>
        currentUser.NewcomerId is null || http.HttpContext?.User is not { } principal ? null : await users.GetUserAsync(principal);

    private async Task RecordAsync(ThuisUser user, AuditAction action)
    {
        db.RecordAudit(action, "Passkey", user.Id, AuditResult.Success, AppDbContext.DefaultPurpose);
        await db.SaveChangesAsync();
    }
}
