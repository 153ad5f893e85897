using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Debts;

/// <summary>The rules for one early signal, the same whether it is typed in or read from a file.</summary>
public static class ArrearsRules
{
    public const string NoParty = "Vul in wie de achterstand meldt.";
    public const string NoPartyKind = "Kies wat voor partij het is: verhuurder, energie, drinkwater of zorgverzekeraar.";
    public const string NoReference = "Vul het kenmerk van de melder in.";
    public const string NoAmount = "Vul het bedrag van de achterstand in.";
    public const string AmountNotANumber = "Het bedrag is geen getal; schrijf het bijvoorbeeld als 1.234,50.";
    public const string AmountNotPositive = "Het bedrag van de achterstand is meer dan € 0, met hoogstens twee cijfers achter de komma.";
    public const string NoMonths = "Vul in hoeveel maanden de achterstand is.";
    public const string MonthsNotANumber = "Het aantal maanden is geen heel getal van 1 tot en met 120.";
    public const string NoDate = "Vul de datum van de melding in.";
    public const string DateNotADate = "De datum van de melding is geen datum; schrijf hem als dd-mm-jjjj.";
    public const string DateInFuture = "De datum van de melding ligt na vandaag.";

    /// <summary>Checks one signal; every fault at once, keyed by the field of <see cref="ArrearsForm"/>.</summary>
    public static (ArrearsDetails? Details, Dictionary<string, string> Errors) Check(string? party, ArrearsPartyKind? kind, string? kindText,
        string? reference, string? amountText, string? monthsText, DateOnly? reportedOn, string? dateText, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(party))
        {
            errors[nameof(ArrearsForm.Party)] = NoParty;
        }
        else if (party.Trim().Length > ArrearsReport.PartyLength)
        {
            errors[nameof(ArrearsForm.Party)] = "De naam van de melder is hoogstens 200 tekens.";
        }
        if (kind is null)
        {
            errors[nameof(ArrearsForm.PartyKind)] = string.IsNullOrWhiteSpace(kindText) ? NoPartyKind : $"‘{kindText.Trim()}’ is geen soort melder. {NoPartyKind}";
        }
        if (string.IsNullOrWhiteSpace(reference))
        {
            errors[nameof(ArrearsForm.Reference)] = NoReference;
        }
        else if (reference.Trim().Length > ArrearsReport.ReferenceLength)
        {
            errors[nameof(ArrearsForm.Reference)] = "Het kenmerk is hoogstens 100 tekens.";
        }
        decimal amount = 0;
        if (string.IsNullOrWhiteSpace(amountText))
        {
            errors[nameof(ArrearsForm.Amount)] = NoAmount;
        }
        else if (!DutchFormat.TryParseEuro(amountText, out amount))
        {
            errors[nameof(ArrearsForm.Amount)] = AmountNotANumber;
        }
        else if (amount <= 0 || amount > Debt.MaxAmount || !DutchFormat.IsWholeCents(amount))
        {
            errors[nameof(ArrearsForm.Amount)] = AmountNotPositive;
        }
        var months = 0;
        if (string.IsNullOrWhiteSpace(monthsText))
        {
            errors[nameof(ArrearsForm.Months)] = NoMonths;
        }
        else if (!int.TryParse(monthsText.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out months)
            || months < 1 || months > ArrearsReport.MaxMonths)
        {
            errors[nameof(ArrearsForm.Months)] = MonthsNotANumber;
        }
        if (reportedOn is null)
        {
            errors[nameof(ArrearsForm.ReportedOn)] = string.IsNullOrWhiteSpace(dateText) ? NoDate : DateNotADate;
        }
        else if (reportedOn > today)
        {
            errors[nameof(ArrearsForm.ReportedOn)] = DateInFuture;
        }
        return errors.Count > 0
            ? (null, errors)
            : (new ArrearsDetails(party!.Trim(), kind!.Value, reference!.Trim(), amount, months, reportedOn!.Value), errors);
    }
}

public sealed class ArrearsForm
{
    public string? Party { get; set; }

    public ArrearsPartyKind? PartyKind { get; set; }

    public string? Reference { get; set; }

    public string? Amount { get; set; }

    public string? Months { get; set; }

    public DateOnly? ReportedOn { get; set; }
}

/// <summary>Records an early signal by hand, on the person's page; the same party, reference and day a second time is refused.</summary>
public sealed class RecordArrears(AppDbContext db, TimeProvider clock)
{
    public const string AlreadyRecorded = "Deze melding (zelfde melder, kenmerk en datum) is al vastgelegd.";

    public async Task<Outcome> HandleAsync(Guid newcomerId, ArrearsForm form, CancellationToken cancellationToken)
    {
        var newcomer = await db.Newcomers.AsNoTracking().SingleOrDefaultAsync(n => n.Id == newcomerId, cancellationToken);
        if (newcomer is null)
        {
            return Outcome.NotFound();
        }
        var (details, errors) = ArrearsRules.Check(form.Party, form.PartyKind, null, form.Reference, form.Amount, form.Months, form.ReportedOn, null,
            clock.InTheNetherlands());
        if (details is null)
        {
            return Outcome.Invalid(errors);
        }
        if (await ImportArrears.IsKnownAsync(db, details, cancellationToken))
        {
            return Outcome.Refused(AlreadyRecorded);
        }
        db.ArrearsReports.Add(new ArrearsReport(newcomer, details, imported: false));
        return await SaveVersionedChange.SaveAsync(db, AlreadyRecorded, cancellationToken);
    }
}

public sealed class ArrearsOutcomeForm
{
    public ArrearsOutcome? Outcome { get; set; }

    public DateOnly? On { get; set; }

    [StringLength(ArrearsReport.NoteLength, ErrorMessage = "Een notitie is hoogstens 1000 tekens.")]
    public string? Note { get; set; }

    public Guid Version { get; set; }
}

/// <summary>Records what the contact after an early signal came to; that closes the signal to act on it.</summary>
public sealed class RecordArrearsOutcome(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public const string ChangedMeanwhile = "Iemand anders heeft intussen de uitkomst van deze melding vastgelegd. Open de pagina opnieuw.";
    public const string NoOutcome = "Kies wat het contact opleverde.";

    public async Task<Outcome> HandleAsync(Guid newcomerId, Guid reportId, ArrearsOutcomeForm form, CancellationToken cancellationToken)
    {
        var report = await db.ArrearsReports.SingleOrDefaultAsync(r => r.Id == reportId && r.NewcomerId == newcomerId, cancellationToken);
        if (report is null)
        {
            return Outcome.NotFound();
        }
        var today = clock.InTheNetherlands();
        var errors = new Dictionary<string, string>();
        if (form.Outcome is null)
        {
            errors[nameof(ArrearsOutcomeForm.Outcome)] = NoOutcome;
        }
        if (form.On > today)
        {
            errors[nameof(ArrearsOutcomeForm.On)] = "Kies een datum die niet na vandaag ligt.";
        }
        else if (form.On < report.ReportedOn)
        {
            errors[nameof(ArrearsOutcomeForm.On)] = ArrearsReport.OutcomeBeforeReport;
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        return await SaveVersionedChange.HandleAsync(db, report, form.Version,
            r => r.RecordOutcome(form.Outcome!.Value, form.On ?? today, form.Note, currentUser.DisplayName), ChangedMeanwhile, cancellationToken);
    }
}
