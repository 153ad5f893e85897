using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Own;

/// <summary>
/// Signs a newcomer in with the BSN their DigiD broker vouched for: into the own account of their active dossier, the same
/// session a password gives, without a second step (DigiD substantieel has asked one). An account that was invited but not
/// yet activated is activated by it: DigiD proves more than the code on the letter, and the invitation is used up. The BSN
/// lives only in this request: it is not stored, not logged and never in an address.
/// </summary>
public sealed partial class SignInWithDigiD(
    IHttpContextAccessor httpContextAccessor,
    AppDbContext db,
    UserManager<ThuisUser> users,
    SignInManager<ThuisUser> signIn,
    CurrentUser currentUser,
    TimeProvider clock,
    ILogger<SignInWithDigiD> logger)
{
    /// <summary>The prefix some brokers pass on from DigiD's SAML answer ("s00000000:" and then the BSN).</summary>
    private const string SamlSectorPrefix = "s00000000:";

    /// <summary>No answer from the broker to use (cancelled, refused, or the page opened on its own), in the page's language.</summary>
    public static string Failed => OwnTexts.In(Languages.Current, "DigiDFailed");

    /// <summary>DigiD said who the person is, but there is no own Thuis for them to open, in the page's language.</summary>
    public static string NoOwnThuis => OwnTexts.In(Languages.Current, "DigiDNoOwnThuis");

    /// <summary>
    /// Reads the broker's answer from the external cookie, drops that cookie, and signs the person in if Thuis knows them:
    /// saved (signed in), not found (no answer from the broker), or refused (no own Thuis for this BSN).
    /// </summary>
    public async Task<Outcome> HandleAsync(CancellationToken cancellationToken)
    {
        var context = httpContextAccessor.HttpContext ?? throw new InvalidOperationException("Inloggen met DigiD kan alleen in een verzoek.");
        var answer = await context.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await context.SignOutAsync(IdentityConstants.ExternalScheme);
        if (answer.Principal?.FindFirst(DigiDSetup.BsnClaimType)?.Value is not { } claimed)
        {
            // No answer of the broker's to use: the page was opened on its own, or opened again.
            return Outcome.NotFound();
        }
        var bsn = claimed.StartsWith(SamlSectorPrefix, StringComparison.Ordinal) ? claimed[SamlSectorPrefix.Length..] : claimed;
        if (!Bsn.IsValid(bsn))
        {
            LogNoValidBsn(logger);
            return Outcome.Refused(NoOwnThuis);
        }

        var account = await AccountOfActiveDossierAsync(bsn, cancellationToken);
        if (account is null)
        {
            return Outcome.Refused(NoOwnThuis);
        }
        if (!await OwnAccess.HasAccessAsync(users, account) && !await ActivateAsync(account, cancellationToken))
        {
            return Outcome.Refused(NoOwnThuis);
        }
        await signIn.SignInAsync(account, isPersistent: false, authenticationMethod: DigiDSetup.Scheme);
        return Outcome.Saved();
    }

    /// <summary>
    /// The BSN is national: after a move a person has a dossier in more than one municipality. Only the active one counts
    /// (active or paused for "niet nu"; not moved away or completed), the most recently registered if ever there are two;
    /// an account in another municipality is never a fallback.
    /// </summary>
    private async Task<ThuisUser?> AccountOfActiveDossierAsync(string bsn, CancellationToken cancellationToken)
    {
        // Nobody is signed in yet, so no municipality is known: the BSN itself says whose dossier it is.
        var dossiers = await db.Newcomers.IgnoreQueryFilters()
            .Where(n => n.Bsn == bsn && (n.Status == DossierStatus.Active || n.Status == DossierStatus.Paused))
            .Select(n => new { n.Id, n.RegisteredAt })
            .ToListAsync(cancellationToken);
        if (dossiers.MaxBy(d => d.RegisteredAt) is not { } active)
        {
            return null;
        }
        return await db.Users.SingleOrDefaultAsync(u => u.NewcomerId == active.Id, cancellationToken);
    }

    /// <summary>Uses the person's open invitation, as the letter's code would, and lets the account sign in with DigiD from now on.</summary>
    private async Task<bool> ActivateAsync(ThuisUser account, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var invitation = (await db.OwnAccessInvitations.IgnoreQueryFilters()
                .Where(i => i.UserId == account.Id && i.ActivatedAt == null && i.RevokedAt == null)
                .ToListAsync(cancellationToken))
            .FirstOrDefault(i => i.IsOpen(now));
        if (invitation is null)
        {
            return false;
        }
        currentUser.ActAsSystemFor(invitation.MunicipalityId);
        invitation.Activate(now);
        if (!(await SaveVersionedChange.SaveAsync(db, NoOwnThuis, cancellationToken)).IsSaved)
        {
            return false;
        }
        return (await users.AddLoginAsync(account, OwnAccess.DigiDLogin(account))).Succeeded;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inloggen met DigiD geweigerd: het antwoord van de makelaar heeft geen geldig BSN in de ingestelde claim")]
    private static partial void LogNoValidBsn(ILogger logger);
}
