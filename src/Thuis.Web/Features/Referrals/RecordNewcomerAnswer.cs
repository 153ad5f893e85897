using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Referrals;

public sealed class AnswerForm
{
    public NewcomerAnswer Answer { get; set; }

    [StringLength(1000, ErrorMessage = "Hoogstens 1000 tekens.")]
    public string? Note { get; set; }

    [StringLength(500, ErrorMessage = "Hoogstens 500 tekens.")]
    public string? Purpose { get; set; }

    public DateOnly? ConsentUntil { get; set; }

    /// <summary>With "niet nu" for an offer or volunteer: until when the person does not want it suggested again.</summary>
    public DateOnly? NotNowUntil { get; set; }

    /// <summary>With "niet nu": true hides every offer of the same kind for that period, false only this one.</summary>
    public bool NotNowWholeKind { get; set; }

    public Guid Version { get; set; }
}

/// <summary>
/// Records the newcomer's own answer to a proposal. A yes is recorded with their consent: for what purpose and until
/// when the organisation may receive what the referral needs.
/// </summary>
public sealed class RecordNewcomerAnswer(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    /// <summary>How long consent lasts unless agreed otherwise.</summary>
    public const int DefaultConsentMonths = 12;

    public const string ChangedMeanwhile =
        "Iemand anders heeft dit voorstel intussen bijgewerkt. Open het opnieuw om het antwoord te zien.";

    public async Task<Outcome> HandleAsync(Guid proposalId, AnswerForm form, CancellationToken cancellationToken)
    {
        var proposal = await db.Proposals.SingleOrDefaultAsync(p => p.Id == proposalId, cancellationToken);
        if (proposal is null)
        {
            return Outcome.NotFound();
        }
        if (proposal.Answer == NewcomerAnswer.Yes)
        {
            return Outcome.Refused("Op dit voorstel is al ja gezegd.");
        }
        var today = clock.InTheNetherlands();
        var errors = new Dictionary<string, string>();
        if (form.Answer == NewcomerAnswer.Pending)
        {
            errors[nameof(AnswerForm.Answer)] = "Kies het antwoord van de persoon: ja, nee of niet nu.";
        }
        if (form.Answer == NewcomerAnswer.Yes)
        {
            if (string.IsNullOrWhiteSpace(form.Purpose))
            {
                errors[nameof(AnswerForm.Purpose)] = "Schrijf op waarvoor de persoon toestemming geeft.";
            }
            if (form.ConsentUntil is not { } until || until <= today)
            {
                errors[nameof(AnswerForm.ConsentUntil)] = "Kies tot wanneer de toestemming geldt: een datum na vandaag.";
            }
        }
        var notNowUntil = form.Answer == NewcomerAnswer.NotNow && proposal.TargetId is not null ? form.NotNowUntil : null;
        if (form.Answer == NewcomerAnswer.NotNow && proposal.TargetId is not null && (form.NotNowUntil is not { } pause || pause <= today))
        {
            errors[nameof(AnswerForm.NotNowUntil)] = "Kies tot wanneer de persoon dit niet meer voorgesteld wil krijgen: een datum na vandaag.";
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var kind = notNowUntil is not null && form.NotNowWholeKind ? await KindOfAsync(proposal, cancellationToken) : null;
        return await SaveVersionedChange.HandleAsync(db, proposal, form.Version, p =>
        {
            var by = ByWhom.Staff(currentUser.DisplayName, clock.GetUtcNow());
            p.RecordAnswer(form.Answer, today, form.Note, notNowUntil, kind, by);
            if (form.Answer == NewcomerAnswer.Yes)
            {
                db.Consents.Add(new Consent(p, form.Purpose!, today, form.ConsentUntil!.Value, by));
            }
        }, ChangedMeanwhile, cancellationToken);
    }

    /// <summary>The kind of what was proposed, as the matching pool names it: the offer's kind or the volunteer's first role.</summary>
    private async Task<string?> KindOfAsync(Proposal proposal, CancellationToken cancellationToken) => proposal.Kind switch
    {
        TargetKind.Offer => (await db.Offers.AsNoTracking().Where(o => o.Id == proposal.TargetId).Select(o => (OfferKind?)o.Kind).SingleOrDefaultAsync(cancellationToken))?.ToString(),
        TargetKind.Volunteer => (await db.Volunteers.AsNoTracking().SingleOrDefaultAsync(v => v.Id == proposal.TargetId, cancellationToken))?.Roles.FirstOrDefault() is { } role
            ? $"Volunteer.{role}"
            : null,
        _ => null,
    };

    public static string DefaultPurpose(string what, string? organisation, bool application = false) =>
        application ? $"Cv en gegevens delen met {organisation ?? "de werkgever"} voor een sollicitatie op: {what}"
        : organisation is null ? $"Doorverwijzing voor: {what}" : $"Doorverwijzing naar {organisation} voor: {what}";

    /// <summary>A proposal of a job, internship or work-experience place: a yes means applying, and the consent is to share the CV with the employer.</summary>
    public static Task<bool> IsApplicationAsync(AppDbContext db, Proposal proposal, CancellationToken cancellationToken) =>
        db.Offers.AsNoTracking().AnyAsync(o => proposal.Kind == TargetKind.Offer && o.Id == proposal.TargetId
            && (o.Kind == OfferKind.Job || o.Kind == OfferKind.Internship), cancellationToken);
}
