using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Signals;

/// <summary>
/// The administrator's form for the signal thresholds, with the ranges a municipality can sensibly choose. Empty fields
/// stay empty with a message rather than turning into 0.
/// </summary>
public sealed class SignalSettingsForm : IValidatableObject
{
    [Range(0, 60, ErrorMessage = "Kies 0 tot en met 60 dagen.")]
    [Required(ErrorMessage = "Vul een getal in.")]
    public int? DeadlineWarningDays { get; set; }

    [Range(1, 20, ErrorMessage = "Kies 1 tot en met 20 lessen.")]
    [Required(ErrorMessage = "Vul een getal in.")]
    public int? AttendanceAbsences { get; set; }

    [Range(1, 20, ErrorMessage = "Kies 1 tot en met 20 lessen.")]
    [Required(ErrorMessage = "Vul een getal in.")]
    public int? AttendanceWindow { get; set; }

    [Range(1, 52, ErrorMessage = "Kies 1 tot en met 52 weken.")]
    [Required(ErrorMessage = "Vul een getal in.")]
    public int? StagnationWeeks { get; set; }

    [Range(1, 52, ErrorMessage = "Kies 1 tot en met 52 weken.")]
    [Required(ErrorMessage = "Vul een getal in.")]
    public int? IsolationWeeks { get; set; }

    [Range(1, 30, ErrorMessage = "Kies 1 tot en met 30.")]
    [Required(ErrorMessage = "Vul een getal in.")]
    public int? OverAskedActivities { get; set; }

    [Range(1, 60, ErrorMessage = "Kies 1 tot en met 60 dagen.")]
    [Required(ErrorMessage = "Vul een getal in.")]
    public int? ReferralAnswerDays { get; set; }

    [Range(0, 90, ErrorMessage = "Kies 0 tot en met 90 dagen.")]
    [Required(ErrorMessage = "Vul een getal in.")]
    public int? QuietDaysAfterResolve { get; set; }

    [Range(1, 90, ErrorMessage = "Kies 1 tot en met 90 dagen.")]
    [Required(ErrorMessage = "Vul een getal in.")]
    public int? IntakeInviteDays { get; set; }

    /// <summary>Empty: the default of <see cref="SignalSettings.DefaultArrearsContactDays"/> days.</summary>
    [Range(1, 90, ErrorMessage = "Kies 1 tot en met 90 dagen.")]
    public int? ArrearsContactDays { get; set; }

    /// <summary>Empty: the default of <see cref="SignalSettings.DefaultQuietNeighbourhoodMonths"/> months.</summary>
    [Range(1, 36, ErrorMessage = "Kies 1 tot en met 36 maanden.")]
    public int? QuietNeighbourhoodMonths { get; set; }
    /// <summary>Empty: the default of <see cref="SignalSettings.DefaultMatchQuietWeeks"/> weeks.</summary>
    [Range(1, 26, ErrorMessage = "Kies 1 tot en met 26 weken.")]
    public int? MatchQuietWeeks { get; set; }

    /// <summary>Empty: the default of <see cref="SignalSettings.DefaultVogValidMonths"/> months.</summary>
    [Range(1, 120, ErrorMessage = "Kies 1 tot en met 120 maanden.")]
    public int? VogValidMonths { get; set; }

    /// <summary>The settings as loaded; a save based on older settings is refused.</summary>
    public Guid Version { get; set; }

    public static SignalSettingsForm From(SignalSettings s) => new()
    {
        DeadlineWarningDays = s.DeadlineWarningDays,
        AttendanceAbsences = s.AttendanceAbsences,
        AttendanceWindow = s.AttendanceWindow,
        StagnationWeeks = s.StagnationWeeks,
        IsolationWeeks = s.IsolationWeeks,
        OverAskedActivities = s.OverAskedActivities,
        ReferralAnswerDays = s.ReferralAnswerDays,
        QuietDaysAfterResolve = s.QuietDaysAfterResolve,
        IntakeInviteDays = s.IntakeInviteDays,
        ArrearsContactDays = s.ArrearsContactDays,
        QuietNeighbourhoodMonths = s.QuietNeighbourhoodMonths,
        MatchQuietWeeks = s.MatchQuietWeeks,
        VogValidMonths = s.VogValidMonths,
        Version = s.Version,
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AttendanceWindow < AttendanceAbsences)
        {
            yield return new ValidationResult("Kijk naar minstens zoveel lessen als er gemist mogen worden.", [nameof(AttendanceWindow)]);
        }
    }
}

/// <summary>
/// Reads and changes the municipality's signal thresholds. After a change every rule runs again for the municipality,
/// so the inboxes follow the new thresholds at once rather than at the next hourly run.
/// </summary>
public sealed class ChangeSignalSettings(AppDbContext db, CurrentUser currentUser)
{
    public const string ChangedMeanwhile =
        "Iemand anders heeft de drempels intussen gewijzigd. Uw invoer staat hieronder nog; laad de pagina opnieuw om de nieuwe waarden te zien.";

    public async Task<SignalSettings> CurrentAsync(CancellationToken cancellationToken)
    {
        var municipalityId = MunicipalityId();
        return await db.SignalSettings.AsNoTracking().SingleOrDefaultAsync(s => s.MunicipalityId == municipalityId, cancellationToken)
            ?? SignalSettings.Defaults(municipalityId);
    }

    public async Task<Outcome> HandleAsync(SignalSettingsForm form, CancellationToken cancellationToken)
    {
        var municipalityId = MunicipalityId();
        var settings = await db.SignalSettings.SingleOrDefaultAsync(s => s.MunicipalityId == municipalityId, cancellationToken);
        if (settings is null)
        {
            settings = SignalSettings.Defaults(municipalityId);
            db.SignalSettings.Add(settings);
        }
        if (settings.Version != form.Version)
        {
            return Outcome.Conflict(ChangedMeanwhile);
        }
        settings.Change(form.DeadlineWarningDays!.Value, form.AttendanceAbsences!.Value, form.AttendanceWindow!.Value, form.StagnationWeeks!.Value,
            form.IsolationWeeks!.Value, form.OverAskedActivities!.Value, form.ReferralAnswerDays!.Value, form.QuietDaysAfterResolve!.Value,
            form.IntakeInviteDays!.Value, form.ArrearsContactDays ?? SignalSettings.DefaultArrearsContactDays,
            form.QuietNeighbourhoodMonths ?? SignalSettings.DefaultQuietNeighbourhoodMonths);
        settings.ChangeVolunteering(form.MatchQuietWeeks ?? SignalSettings.DefaultMatchQuietWeeks, form.VogValidMonths ?? SignalSettings.DefaultVogValidMonths);
        db.RecordAudit(AuditAction.Update, nameof(SignalSettings), municipalityId.ToString(), AuditResult.Success, "Drempels voor signalen gewijzigd");
        // Both saved at once (the first save of a municipality, or the same version): theirs stays.
        return await SaveVersionedChange.SaveAsync(db, ChangedMeanwhile, cancellationToken);
    }

    private Guid MunicipalityId() => currentUser.MunicipalityId ?? throw new InvalidOperationException("Geen gemeente.");
}
