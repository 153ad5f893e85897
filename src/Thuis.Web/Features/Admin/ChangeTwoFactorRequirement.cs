using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Admin;

/// <summary>Requires (or stops requiring) two-factor sign-in for every user of the administrator's municipality.</summary>
public sealed class ChangeTwoFactorRequirement(AppDbContext db, CurrentUser currentUser)
{
    public async Task HandleAsync(bool required, CancellationToken cancellationToken)
    {
        var municipalityId = currentUser.MunicipalityId ?? throw new InvalidOperationException("Geen gemeente.");
        var municipality = await db.Municipalities.SingleAsync(m => m.Id == municipalityId, cancellationToken);
        municipality.SetTwoFactorRequirement(required);
        db.RecordAudit(AuditAction.Update, "Municipality", municipalityId.ToString(), AuditResult.Success,
            required ? "Tweestapsverificatie verplicht gesteld" : "Tweestapsverificatie niet meer verplicht");
        await db.SaveChangesAsync(cancellationToken);
    }
}
