using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Thuis.Web.Data;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Own;

public sealed class WithdrawOwnConsentForm
{
    /// <summary>The person ticked that they really want to withdraw it: withdrawing cannot be undone.</summary>
    public bool Confirm { get; set; }
}

/// <summary>
/// The person withdraws a consent of their own, after confirming. From that moment the organisation no longer sees
/// their data (<see cref="ViewReferral"/> and <see cref="ListReferrals"/> ask the consent), and the save tells the
/// signals, so the case manager hears it in the same request (<see cref="Signals.ConsentWithdrawnRule"/>).
/// </summary>
public sealed class WithdrawOwnConsent(AppDbContext db, CurrentUser currentUser, TimeProvider clock, IStringLocalizer<OwnTexts> texts)
{
    public async Task<Outcome> HandleAsync(Guid consentId, WithdrawOwnConsentForm form, CancellationToken cancellationToken)
    {
        if (currentUser.NewcomerId is not { } newcomerId)
        {
            return Outcome.NotFound();
        }
        var consent = await db.Consents.SingleOrDefaultAsync(c => c.Id == consentId && c.NewcomerId == newcomerId, cancellationToken);
        if (consent is null)
        {
            return Outcome.NotFound();
        }
        var today = clock.InTheNetherlands();
        if (!consent.IsValidOn(today))
        {
            return Outcome.Refused(texts["ConsentAlreadyEnded"]);
        }
        if (!form.Confirm)
        {
            return Outcome.Invalid(nameof(WithdrawOwnConsentForm.Confirm), texts["WithdrawConfirmMissing"]);
        }
        var firstName = await db.Newcomers.Where(n => n.Id == newcomerId).Select(n => n.GivenNames).SingleAsync(cancellationToken);
        consent.Withdraw(today, ByWhom.Person(ViewReferral.FirstName(firstName), clock.GetUtcNow()));
        return await SaveVersionedChange.SaveAsync(db, texts["ConsentAlreadyEnded"], cancellationToken);
    }
}
