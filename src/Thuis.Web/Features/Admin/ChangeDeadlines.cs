using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Plans;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Admin;

public sealed class DeadlinesForm
{
    [Range(1, IntegrationLaw.DefaultPipWeeks, ErrorMessage = "Kies 1 tot en met 10 weken; de wet staat er hoogstens tien toe.")]
    public int PipDeadlineWeeks { get; set; } = IntegrationLaw.DefaultPipWeeks;

    [Range(1, 90, ErrorMessage = "Kies 1 tot en met 90 dagen.")]
    public int PvtStartDays { get; set; } = IntegrationLaw.DefaultPvtStartDays;
}

/// <summary>Sets the municipality's own deadlines: the PIP within N weeks of registration, the PVT within N days of housing.</summary>
public sealed class ChangeDeadlines(AppDbContext db, CurrentUser currentUser)
{
    public async Task HandleAsync(DeadlinesForm form, CancellationToken cancellationToken)
    {
        var municipalityId = currentUser.MunicipalityId ?? throw new InvalidOperationException("Geen gemeente.");
        var municipality = await db.Municipalities.SingleAsync(m => m.Id == municipalityId, cancellationToken);
        municipality.SetDeadlines(form.PipDeadlineWeeks, form.PvtStartDays);
        db.RecordAudit(AuditAction.Update, "Municipality", municipalityId.ToString(), AuditResult.Success, "Termijnen van de gemeente gewijzigd");
        await db.SaveChangesAsync(cancellationToken);
    }
}
