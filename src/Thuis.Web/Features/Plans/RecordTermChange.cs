using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Plans;

public sealed class RecordTermChangeForm
{
    public TermChangeKind? Kind { get; set; }

    public DateOnly? DecidedOn { get; set; }

    public DateOnly? NewLastDay { get; set; }

    public TermChangeReason? Reason { get; set; }

    public string? ReasonText { get; set; }

    public string? DocumentReference { get; set; }
}

/// <summary>What the page shows before the form: whose term it is and where it stands.</summary>
public sealed record TermChangeStart(string Name, NewcomerDeadlines Deadlines);

/// <summary>
/// Records DUO's decision that extends the term or sets a new one after a fine (docs/law.md, section 6). Only once a
/// first plan has been fixed, because the term starts from it. Every look at the page is audited.
/// </summary>
public sealed class RecordTermChange(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public const string Purpose = "Termijnwijziging van DUO vastleggen";

    public const string NoTermYet =
        "De inburgeringstermijn begint pas op de dag na de dagtekening van het eerste plan. Stel eerst het plan vast; daarna legt u hier een verlenging of nieuwe termijn van DUO vast.";

    public async Task<TermChangeStart?> LoadAsync(Guid newcomerId, CancellationToken cancellationToken)
    {
        var newcomer = await ReadDossier.NewcomerAsync(db, newcomerId, nameof(TermChange), Purpose, cancellationToken);
        return newcomer is null ? null
            : new TermChangeStart(newcomer.FullName, await NewcomerDeadlines.ForAsync(db, newcomer, clock.InTheNetherlands(), cancellationToken));
    }

    public async Task<Outcome> HandleAsync(Guid newcomerId, RecordTermChangeForm form, CancellationToken cancellationToken)
    {
        var newcomer = await db.Newcomers.AsNoTracking().SingleOrDefaultAsync(n => n.Id == newcomerId, cancellationToken);
        if (newcomer is null)
        {
            return Outcome.NotFound();
        }
        var deadlines = await NewcomerDeadlines.ForAsync(db, newcomer, clock.InTheNetherlands(), cancellationToken);
        if (deadlines.FirstDecisionDate is not { } firstDecision || deadlines.TermLastDay is not { } lastDayInForce)
        {
            return Outcome.Refused(NoTermYet);
        }

        var errors = Check(form, firstDecision, lastDayInForce, deadlines.LatestTermChange, clock.InTheNetherlands());
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        db.TermChanges.Add(TermChange.Record(newcomer, lastDayInForce, form.Kind!.Value, form.DecidedOn!.Value, form.NewLastDay!.Value,
            form.Reason!.Value, form.ReasonText, form.DocumentReference!, currentUser.DisplayName, clock.GetUtcNow()));
        return await SaveVersionedChange.SaveAsync(db,
            "Iemand anders heeft intussen een besluit over de termijn vastgelegd. Uw invoer staat hieronder nog; open de pagina opnieuw.", cancellationToken);
    }

    private static Dictionary<string, string> Check(RecordTermChangeForm form, DateOnly firstDecision, DateOnly lastDayInForce,
        TermChangeEntry? latest, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (form.Kind is null)
        {
            errors[nameof(form.Kind)] = "Kies of DUO de termijn verlengt of een nieuwe termijn geeft.";
        }

        if (form.DecidedOn is not { } decided)
        {
            errors[nameof(form.DecidedOn)] = "Vul de dagtekening van het besluit van DUO in.";
        }
        else if (decided > today)
        {
            errors[nameof(form.DecidedOn)] = "De dagtekening van het besluit kan niet in de toekomst liggen.";
        }
        else if (decided <= firstDecision)
        {
            errors[nameof(form.DecidedOn)] = $"De dagtekening ligt niet na het begin van de inburgeringstermijn ({DutchFormat.Date(IntegrationLaw.TermStarts(firstDecision))}).";
        }
        else if (latest is not null && decided < latest.DecidedOn)
        {
            errors[nameof(form.DecidedOn)] = $"De dagtekening ligt vóór die van het vorige besluit van DUO over de termijn ({DutchFormat.Date(latest.DecidedOn)}).";
        }

        if (form.NewLastDay is not { } newLastDay)
        {
            errors[nameof(form.NewLastDay)] = "Vul de nieuwe laatste dag van de termijn in, zoals DUO die in het besluit noemt.";
        }
        else if (newLastDay <= lastDayInForce)
        {
            errors[nameof(form.NewLastDay)] = TermChange.NotLaterMessage(lastDayInForce);
        }

        if (form.Reason is not { } reason)
        {
            errors[nameof(form.Reason)] = "Kies de reden die DUO noemt.";
        }
        else if (form.Kind is { } kind && !TermChange.Fits(kind, reason))
        {
            errors[nameof(form.Reason)] = TermChange.MisfitMessage(kind);
        }

        if (form.Reason == TermChangeReason.Other && string.IsNullOrWhiteSpace(form.ReasonText))
        {
            errors[nameof(form.ReasonText)] = "Schrijf bij 'anders' op welke reden DUO noemt.";
        }
        else if (form.ReasonText?.Trim().Length > TermChange.ReasonTextMaxLength)
        {
            errors[nameof(form.ReasonText)] = $"Houd de toelichting korter dan {TermChange.ReasonTextMaxLength} tekens.";
        }

        if (string.IsNullOrWhiteSpace(form.DocumentReference))
        {
            errors[nameof(form.DocumentReference)] = "Vul het kenmerk van het besluit van DUO in.";
        }
        else if (form.DocumentReference.Trim().Length > TermChange.DocumentReferenceMaxLength)
        {
            errors[nameof(form.DocumentReference)] = $"Het kenmerk is langer dan {TermChange.DocumentReferenceMaxLength} tekens.";
        }
        return errors;
    }
}
