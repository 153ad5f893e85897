using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Referrals;

public enum ReferralStep
{
    Accept,
    Decline,
    Start,
    Attendance,
    End,
}

public sealed class ReferralStepForm
{
    public ReferralStep Step { get; set; }
    public DateOnly? On { get; set; }

    /// <summary>Aanwezig or afwezig: none until the partner chooses.</summary>
    public bool? Present { get; set; }

    /// <summary>How it ended: none until the partner chooses, so no outcome is recorded by default.</summary>
    public ReferralOutcome? Outcome { get; set; }

    [StringLength(1000, ErrorMessage = "Hoogstens 1000 tekens.")]
    public string? Note { get; set; }

    public Guid Version { get; set; }
}

/// <summary>
/// What a partner worker does with a referral to their organisation: accept or decline it, record the start and
/// attendance, and how it ended. Only referrals to their own organisation; a stale form is refused.
/// </summary>
public sealed class HandleReferral(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public const string ChangedMeanwhile =
        "Iemand anders heeft deze verwijzing intussen bijgewerkt. Open haar opnieuw en voer uw wijziging dan opnieuw in.";

    /// <summary>
    /// One step of the partner on a referral of their organisation. With <paramref name="checkOnly"/> the caller could not
    /// read some fields (the partner API's JSON of a wrong shape): the rules are checked on the rest, so every error is
    /// named at once, and nothing is saved.
    /// </summary>
    public async Task<Outcome> HandleAsync(Guid referralId, ReferralStepForm form, CancellationToken cancellationToken, bool checkOnly = false)
    {
        if (!currentUser.SeesReferralsAsPartner)
        {
            return Outcome.NotFound();
        }
        var referral = await ViewReferral.Visible(db, currentUser).SingleOrDefaultAsync(r => r.Id == referralId, cancellationToken);
        if (referral is null)
        {
            return Outcome.NotFound();
        }
        var today = clock.InTheNetherlands();
        var on = form.On ?? today;
        var errors = new Dictionary<string, string>();
        if (on > today)
        {
            errors[nameof(ReferralStepForm.On)] = "Kies een datum die niet na vandaag ligt.";
        }
        if (form.Step == ReferralStep.Decline && string.IsNullOrWhiteSpace(form.Note))
        {
            errors[nameof(ReferralStepForm.Note)] = "Schrijf op waarom u de verwijzing niet aanneemt, zodat de klantregisseur iets anders kan zoeken.";
        }
        if (form.Step == ReferralStep.Attendance && form.Present is null)
        {
            errors[nameof(ReferralStepForm.Present)] = "Kies of de persoon er was: aanwezig of afwezig.";
        }
        if (form.Step == ReferralStep.End)
        {
            if (form.Outcome is not { } outcome)
            {
                errors[nameof(ReferralStepForm.Outcome)] = "Kies de uitkomst van de verwijzing.";
            }
            else
            {
                if (referral.CannotRecordOutcome(outcome, on) is { } outcomeRefusal)
                {
                    errors[nameof(ReferralStepForm.Outcome)] = outcomeRefusal;
                }
                if (Referral.CannotEndWithNote(outcome, form.Note) is { } noteRefusal)
                {
                    errors[nameof(ReferralStepForm.Note)] = noteRefusal;
                }
            }
        }
        if (errors.Count > 0 || checkOnly)
        {
            return Outcome.Invalid(errors);
        }
        return await SaveVersionedChange.HandleAsync(db, referral, form.Version, r => form.Step switch
        {
            ReferralStep.Accept => r.CannotAccept(),
            ReferralStep.Decline => r.CannotDecline(),
            ReferralStep.Start => r.CannotStart(on),
            ReferralStep.Attendance => r.CannotRecordAttendance(on),
            _ => r.CannotEnd(on),
        }, r =>
        {
            switch (form.Step)
            {
                case ReferralStep.Accept: r.Accept(today); break;
                case ReferralStep.Decline: r.Decline(today, form.Note!); break;
                case ReferralStep.Start: r.Start(on); break;
                case ReferralStep.Attendance: r.RecordAttendance(on, form.Present!.Value); break;
                default: r.End(on, form.Outcome!.Value, form.Note); break;
            }
        }, ChangedMeanwhile, cancellationToken);
    }
}
