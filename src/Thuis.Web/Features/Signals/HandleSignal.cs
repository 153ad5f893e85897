using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Signals;

public sealed class AcknowledgeForm
{
    public Guid Version { get; set; }
}

public sealed class SnoozeForm
{
    [Required(ErrorMessage = "Kies tot wanneer het signaal kan wachten.")]
    public DateOnly? Until { get; set; }

    public Guid Version { get; set; }
}

public sealed class ResolveForm
{
    [Required(ErrorMessage = "Schrijf op wat er is gedaan.")]
    [StringLength(2000, ErrorMessage = "Gebruik hoogstens 2000 tekens.")]
    public string? Note { get; set; }

    [Range(typeof(bool), "true", "true", ErrorMessage = "Bevestig dat dit signaal is afgehandeld.")]
    public bool Confirmed { get; set; }

    public Guid Version { get; set; }
}

public sealed class EscalateForm
{
    [Required(ErrorMessage = "Kies aan wie u het signaal doorgeeft.")]
    public EscalatedTo? To { get; set; }

    public Guid? OrganisationId { get; set; }

    [StringLength(2000, ErrorMessage = "Gebruik hoogstens 2000 tekens.")]
    public string? Note { get; set; }

    public Guid Version { get; set; }
}

/// <summary>What a case manager does with a signal: seen, later, done, or passed on. Stale actions are refused.</summary>
public sealed class HandleSignal(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    private const string ChangedMeanwhile =
        "Dit signaal is intussen gewijzigd. Open het opnieuw om te zien wat er veranderde.";

    public Task<Outcome> AcknowledgeAsync(Guid signalId, AcknowledgeForm form, CancellationToken cancellationToken) =>
        ChangeAsync(signalId, form.Version, s => s.Acknowledge(currentUser.DisplayName, clock.InTheNetherlands()), cancellationToken);

    public Task<Outcome> SnoozeAsync(Guid signalId, SnoozeForm form, CancellationToken cancellationToken)
    {
        var today = clock.InTheNetherlands();
        if (form.Until is not { } until || until <= today)
        {
            return Task.FromResult(Outcome.Invalid(nameof(SnoozeForm.Until), "Kies een datum na vandaag."));
        }
        return ChangeAsync(signalId, form.Version, s => s.Snooze(until, currentUser.DisplayName, today), cancellationToken);
    }

    public Task<Outcome> ResolveAsync(Guid signalId, ResolveForm form, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(form.Note))
        {
            errors[nameof(ResolveForm.Note)] = "Schrijf op wat er is gedaan.";
        }
        if (!form.Confirmed)
        {
            errors[nameof(ResolveForm.Confirmed)] = "Bevestig dat dit signaal is afgehandeld.";
        }
        return errors.Count > 0
            ? Task.FromResult(Outcome.Invalid(errors))
            : ChangeAsync(signalId, form.Version, s => s.Resolve(form.Note!, currentUser.DisplayName, clock.InTheNetherlands()), cancellationToken);
    }

    /// <summary>
    /// To the coordinator, or to professional help: then a proposal to that organisation is recorded with the signal as
    /// reason. Nobody is referred before the newcomer says yes and gives consent; the proposal starts that conversation.
    /// </summary>
    public async Task<Outcome> EscalateAsync(Guid signalId, EscalateForm form, CancellationToken cancellationToken)
    {
        if (form.To is not { } to)
        {
            return Outcome.Invalid(nameof(EscalateForm.To), "Kies aan wie u het signaal doorgeeft.");
        }
        var signal = await db.Signals.SingleOrDefaultAsync(s => s.Id == signalId, cancellationToken);
        if (signal is null)
        {
            return Outcome.NotFound();
        }
        if (!signal.IsOpen)
        {
            return Outcome.Conflict(ChangedMeanwhile);
        }
        var today = clock.InTheNetherlands();
        Proposal? proposal = null;
        if (to == EscalatedTo.ProfessionalHelp)
        {
            var professional = SocialMap.SocialMapTexts.ProfessionalHelp.ToList();
            var organisation = form.OrganisationId is { } id
                ? await db.Organisations.SingleOrDefaultAsync(o => o.Id == id && professional.Contains(o.Type), cancellationToken) : null;
            if (organisation is null)
            {
                return Outcome.Invalid(nameof(EscalateForm.OrganisationId), "Kies de organisatie voor professionele hulp.");
            }
            var newcomer = await db.Newcomers.SingleAsync(n => n.Id == signal.NewcomerId, cancellationToken);
            if (newcomer.AsksNotNow(today))
            {
                return Outcome.Refused(
                    "Deze persoon heeft ‘niet nu’ gevraagd; er wordt nu niets voorgesteld. Geef het signaal door aan de coördinator.");
            }
            proposal = new Proposal(newcomer, TargetKind.Other, null, $"Professionele hulp bij {organisation.Name}", organisation.Id,
                $"Signaal: {signal.Reason}", currentUser.DisplayName, clock.GetUtcNow(), today);
        }
        // The proposal is added only with the escalation itself: a stale form records neither.
        return await SaveVersionedChange.HandleAsync(db, signal, form.Version, s =>
        {
            if (proposal is not null)
            {
                db.Proposals.Add(proposal);
            }
            s.Escalate(to, form.OrganisationId, form.Note, currentUser.DisplayName, today);
        }, ChangedMeanwhile, cancellationToken);
    }

    private async Task<Outcome> ChangeAsync(Guid signalId, Guid version, Action<Signal> change, CancellationToken cancellationToken)
    {
        var signal = await db.Signals.SingleOrDefaultAsync(s => s.Id == signalId, cancellationToken);
        if (signal is null)
        {
            return Outcome.NotFound();
        }
        if (!signal.IsOpen)
        {
            return Outcome.Conflict(ChangedMeanwhile);
        }
        return await SaveVersionedChange.HandleAsync(db, signal, version, change, ChangedMeanwhile, cancellationToken);
    }
}
