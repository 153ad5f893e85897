using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Trajectories;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Admin;

public sealed class PvtPracticeForm
{
    [Required(ErrorMessage = "Vul een getal in.")]
    [Range(0, PvtPractice.MaxLessons, ErrorMessage = "Kies 0 tot en met 60 taallessen.")]
    public int? Lessons { get; set; } = PvtPractice.Default.Lessons;

    public bool ThemedWorkshops { get; set; } = PvtPractice.Default.ThemedWorkshops;

    [Required(ErrorMessage = "Vul een getal in.")]
    [Range(1, PvtPractice.MaxMonths, ErrorMessage = "Kies 1 tot en met 12 maanden.")]
    public int? Months { get; set; } = PvtPractice.Default.Months;

    public static PvtPracticeForm From(PvtPractice practice) =>
        new() { Lessons = practice.Lessons, ThemedWorkshops = practice.ThemedWorkshops, Months = practice.Months };
}

/// <summary>
/// Sets the municipality's own PVT practice on top of the law: the language lessons, the eight themed workshops
/// and the months. Every group's counters and the report follow it; the law's 12 hours and the signing stay.
/// </summary>
public sealed class ChangePvtPractice(AppDbContext db, CurrentUser currentUser)
{
    public async Task HandleAsync(PvtPracticeForm form, CancellationToken cancellationToken)
    {
        var municipalityId = currentUser.MunicipalityId ?? throw new InvalidOperationException("Geen gemeente.");
        var municipality = await db.Municipalities.SingleAsync(m => m.Id == municipalityId, cancellationToken);
        municipality.SetPvtPractice(new PvtPractice(form.Lessons!.Value, form.ThemedWorkshops, form.Months!.Value));
        db.RecordAudit(AuditAction.Update, "Municipality", municipalityId.ToString(), AuditResult.Success, "Werkwijze participatieverklaringstraject gewijzigd");
        await db.SaveChangesAsync(cancellationToken);
    }
}
