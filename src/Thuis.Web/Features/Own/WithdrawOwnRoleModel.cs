using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Thuis.Web.Data;
using Thuis.Web.Features.Community;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Own;

/// <summary>
/// The person stops being a role model, in their own Thuis, after confirming: the consent is withdrawn and they are taken
/// off every activity still to come (<see cref="RoleModels.WithdrawAsync(AppDbContext, RoleModelConsent, DateOnly, ByWhom, CancellationToken)"/>),
/// and the save tells the signals, so their case manager hears it (<see cref="Signals.ConsentWithdrawnRule"/>).
/// </summary>
public sealed class WithdrawOwnRoleModel(AppDbContext db, CurrentUser currentUser, TimeProvider clock, IStringLocalizer<OwnTexts> texts)
{
    public async Task<Outcome> HandleAsync(WithdrawOwnConsentForm form, CancellationToken cancellationToken)
    {
        if (currentUser.NewcomerId is not { } newcomerId)
        {
            return Outcome.NotFound();
        }
        var consent = await db.RoleModelConsents.SingleOrDefaultAsync(c => c.NewcomerId == newcomerId && c.WithdrawnOn == null, cancellationToken);
        if (consent is null)
        {
            return Outcome.Refused(texts["ConsentAlreadyEnded"]);
        }
        if (!form.Confirm)
        {
            return Outcome.Invalid(nameof(WithdrawOwnConsentForm.Confirm), texts["WithdrawConfirmMissing"]);
        }
        var firstName = await db.Newcomers.Where(n => n.Id == newcomerId).Select(n => n.GivenNames).SingleAsync(cancellationToken);
        await RoleModels.WithdrawAsync(db, consent, clock.InTheNetherlands(), ByWhom.Person(ViewReferral.FirstName(firstName), clock.GetUtcNow()), cancellationToken);
        return await SaveVersionedChange.SaveAsync(db, texts["ConsentAlreadyEnded"], cancellationToken);
    }
}
