using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Debts;

public sealed class DebtForm
{
    [StringLength(Debt.NameLength, ErrorMessage = "Een naam is hoogstens 200 tekens.")]
    public string? CreditorName { get; set; }

    public CreditorKind? CreditorKind { get; set; }

    /// <summary>As typed: "1.234,50" or "1234,50"; read by <see cref="DutchFormat.TryParseEuro"/>.</summary>
    public string? Amount { get; set; }

    public DateOnly? Since { get; set; }

    public DebtStatus? Status { get; set; }

    public Guid? ReferralId { get; set; }

    [StringLength(Debt.NoteLength, ErrorMessage = "Een notitie is hoogstens 1000 tekens.")]
    public string? Note { get; set; }

    /// <summary>Empty for a new debt.</summary>
    public Guid Version { get; set; }

    public static DebtForm New() => new() { Status = DebtStatus.Open };

    public static DebtForm From(Debt debt) => new()
    {
        CreditorName = debt.CreditorName,
        CreditorKind = debt.CreditorKind,
        Amount = debt.Amount.ToString("0.00", DutchFormat.Culture),
        Since = debt.Since,
        Status = debt.Status,
        ReferralId = debt.ReferralId,
        Note = debt.Note,
        Version = debt.Version,
    };
}

/// <summary>Records a new debt of a person, or changes or closes one; two people changing the same debt cannot both win.</summary>
public sealed class SaveDebt(AppDbContext db, TimeProvider clock)
{
    public const string ChangedMeanwhile = "Iemand anders heeft deze schuld intussen gewijzigd. Open de pagina opnieuw en pas de schuld dan aan.";
    public const string NoCreditor = "Vul in aan wie de schuld is.";
    public const string NoKind = "Kies wat voor schuldeiser het is.";
    public const string NoSince = "Vul in sinds wanneer de schuld er is.";
    public const string NoStatus = "Kies de stand van de schuld.";
    public const string UnknownReferral = "Kies een verwijzing naar schuldhulp van deze persoon.";

    /// <summary>A new debt (<paramref name="debtId"/> null) or a change of one.</summary>
    public async Task<Outcome<Guid>> HandleAsync(Guid newcomerId, Guid? debtId, DebtForm form, CancellationToken cancellationToken)
    {
        var newcomer = await db.Newcomers.AsNoTracking().SingleOrDefaultAsync(n => n.Id == newcomerId, cancellationToken);
        var debt = debtId is { } id ? await db.Debts.SingleOrDefaultAsync(d => d.Id == id && d.NewcomerId == newcomerId, cancellationToken) : null;
        if (newcomer is null || (debtId is not null && debt is null))
        {
            return Outcome.NotFound();
        }
        var today = clock.InTheNetherlands();
        var amount = DutchFormat.TryParseEuro(form.Amount, out var parsed) ? parsed : (decimal?)null;
        var errors = Debt.Refusals(amount, form.Since, today);
        if (amount is null && !string.IsNullOrWhiteSpace(form.Amount))
        {
            errors[nameof(DebtForm.Amount)] = "Vul het bedrag in als getal, bijvoorbeeld 1.234,50.";
        }
        if (string.IsNullOrWhiteSpace(form.CreditorName))
        {
            errors[nameof(DebtForm.CreditorName)] = NoCreditor;
        }
        if (form.CreditorKind is null)
        {
            errors[nameof(DebtForm.CreditorKind)] = NoKind;
        }
        if (form.Since is null)
        {
            errors[nameof(DebtForm.Since)] = NoSince;
        }
        if (form.Status is null)
        {
            errors[nameof(DebtForm.Status)] = NoStatus;
        }
        if (form.Status == DebtStatus.InDebtHelp && form.ReferralId is { } referral
            && (await ViewDebts.DebtHelpReferralsAsync(db, newcomerId, cancellationToken)).All(r => r.Id != referral))
        {
            errors[nameof(DebtForm.ReferralId)] = UnknownReferral;
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var details = new DebtDetails(form.CreditorName!, form.CreditorKind!.Value, amount!.Value, form.Since!.Value, form.Status!.Value, form.ReferralId, form.Note);
        if (debt is null)
        {
            var added = new Debt(newcomer, details, today);
            db.Debts.Add(added);
            var saved = await SaveVersionedChange.SaveAsync(db, ChangedMeanwhile, cancellationToken);
            return saved.IsSaved ? Outcome.Saved(added.Id) : saved;
        }
        var changed = await SaveVersionedChange.HandleAsync(db, debt, form.Version, d => d.Change(details, today), ChangedMeanwhile, cancellationToken);
        return changed.IsSaved ? Outcome.Saved(debt.Id) : changed;
    }
}

public sealed class DeleteDebtForm
{
    public bool Confirm { get; set; }

    public Guid Version { get; set; }
}

/// <summary>Deletes a debt that was recorded by mistake, after the case manager confirms it; a debt paid or waived is closed instead.</summary>
public sealed class DeleteDebt(AppDbContext db)
{
    public const string NotConfirmed = "Vink aan dat deze schuld per vergissing is vastgelegd; een afgeloste of kwijtgescholden schuld sluit u met de stand.";

    public async Task<Outcome> HandleAsync(Guid newcomerId, Guid debtId, DeleteDebtForm form, CancellationToken cancellationToken)
    {
        var debt = await db.Debts.SingleOrDefaultAsync(d => d.Id == debtId && d.NewcomerId == newcomerId, cancellationToken);
        if (debt is null)
        {
            return Outcome.NotFound();
        }
        if (!form.Confirm)
        {
            return Outcome.Invalid(nameof(DeleteDebtForm.Confirm), NotConfirmed);
        }
        return await SaveVersionedChange.HandleAsync(db, debt, form.Version, d => db.Debts.Remove(d), SaveDebt.ChangedMeanwhile, cancellationToken);
    }
}
