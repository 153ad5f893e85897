using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Referrals;

/// <summary>
/// The least a partner needs to welcome someone: first name, how to reach them, their language and what the referral
/// is for. Never a BSN, health or money. A phone number or e-mail address only when the newcomer agreed to share it
/// with the organisation, and only while their consent holds.
/// </summary>
public sealed record ReferralContact(string FirstName, string? Phone, string? Email, string? Language, bool InterpreterNeeded);

/// <summary>
/// One referral as this user may see it. <see cref="NoteForPartner"/> is the case manager's note, which a partner no
/// longer reads once the consent has ended: it is about the person.
/// </summary>
public sealed record ReferralView(Referral Referral, string OrganisationName, ReferralContact? Contact, string ConsentPurpose, DateOnly ConsentUntil, bool ConsentValid, Guid? NewcomerId,
    string? NoteForPartner);

/// <summary>
/// Opens one referral: a partner worker only the referrals to their own organisation, a case manager or coordinator
/// every referral of the municipality. Every look is audited.
/// </summary>
public sealed class ViewReferral(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public const string Purpose = "Verwijzing inzien";

    public async Task<ReferralView?> HandleAsync(Guid referralId, CancellationToken cancellationToken)
    {
        var referral = await Visible(db, currentUser).AsNoTracking().SingleOrDefaultAsync(r => r.Id == referralId, cancellationToken);
        db.RecordAudit(AuditAction.View, nameof(Referral), referralId.ToString(), referral is null ? AuditResult.NotFound : AuditResult.Success, Purpose, referral?.NewcomerId);
        await db.SaveChangesAsync(cancellationToken);
        if (referral is null)
        {
            return null;
        }
        var consent = await db.Consents.AsNoTracking().SingleAsync(c => c.Id == referral.ConsentId, cancellationToken);
        var organisation = await db.Organisations.Where(o => o.Id == referral.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var valid = consent.IsValidOn(clock.InTheNetherlands());
        var contact = await db.Newcomers.AsNoTracking().Where(n => n.Id == referral.NewcomerId)
            .Select(n => new ReferralContact(n.GivenNames, n.Phone, n.Email, n.PreferredLanguage, n.InterpreterNeeded))
            .SingleAsync(cancellationToken);
        var forPartner = currentUser.SeesReferralsAsPartner;
        contact = contact with { FirstName = FirstName(contact.FirstName) };
        var shared = contact with
        {
            Phone = referral.SharesPhone ? contact.Phone : null,
            Email = referral.SharesEmail ? contact.Email : null,
        };
        return new ReferralView(referral, organisation,
            !forPartner ? contact : valid ? shared : null,
            consent.Purpose, consent.ExpiresOn, valid, forPartner ? null : referral.NewcomerId,
            !forPartner || valid ? referral.NoteForPartner : null);
    }

    /// <summary>The referrals this user may see: a partner worker's own organisation's, or the whole municipality's.</summary>
    internal static IQueryable<Referral> Visible(AppDbContext db, CurrentUser currentUser) =>
        currentUser.SeesReferralsAsPartner
            ? db.Referrals.Where(r => r.OrganisationId == (currentUser.OrganisationId ?? Guid.Empty))
            : db.Referrals;

    internal static string FirstName(string givenNames) => givenNames.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
}
