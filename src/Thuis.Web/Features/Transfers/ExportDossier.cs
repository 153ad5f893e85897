using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Transfers;

/// <summary>What the case manager chooses before a dossier leaves: where to, when, why, and whether health goes along.</summary>
public sealed class TransferForm
{
    /// <summary>The receiving municipality's id, or <see cref="ExportDossier.ElsewhereChoice"/> for one not on Thuis.</summary>
    public string? To { get; set; }

    [StringLength(100, ErrorMessage = "Hoogstens 100 tekens.")]
    public string? ElsewhereName { get; set; }

    /// <summary>The four-digit CBS code of a municipality not on this installation: the file is addressed to it.</summary>
    public string? ElsewhereCbsCode { get; set; }

    public DateOnly? MovingDate { get; set; }

    [StringLength(1000, ErrorMessage = "Hoogstens 1000 tekens.")]
    public string? Reason { get; set; }

    public bool IncludeHealth { get; set; }
}

public sealed record MunicipalityOption(Guid Id, string Name, string CbsCode);

/// <summary>What the case manager chooses from: the municipalities, and the transfers of this dossier made before.</summary>
public sealed record TransferChoice(string Name, bool HasBsn, IReadOnlyList<MunicipalityOption> Municipalities, IReadOnlyList<Transfer> Earlier);

/// <summary>The transfer file to download.</summary>
public sealed record TransferDownload(byte[] File, string FileName);

/// <summary>
/// Warm hand-over, the sending side: writes one newcomer's whole dossier into a transfer file for the municipality
/// they move to, records the outgoing transfer with the file's SHA-256 and sets the dossier to "verhuisd" — all in
/// one save. Reading the dossier for this is audited like any other look at it.
/// </summary>
public sealed class ExportDossier(
    AppDbContext db, CurrentUser currentUser, TimeProvider clock, ReadDossierContents readContents, ListTransfers listTransfers,
    TransferSigning signing)
{
    public const string ElsewhereChoice = "elders";
    public const string Purpose = "Dossier overdragen aan de nieuwe gemeente (warme overdracht)";
    public const string ChangedMeanwhile = "Iemand anders heeft het dossier tijdens het overdragen gewijzigd; er is niets overgedragen en geen bestand gemaakt. Bevestig opnieuw.";

    public async Task<TransferChoice?> LoadAsync(Guid newcomerId, CancellationToken cancellationToken)
    {
        var person = await ReadDossier.NewcomerAsync(db, newcomerId, nameof(Transfer), "Overdracht voorbereiden", cancellationToken);
        if (person is null)
        {
            return null;
        }
        var earlier = await listTransfers.HandleAsync(newcomerId, cancellationToken);
        return new TransferChoice(person.GivenNames + " " + person.FamilyName, person.Bsn is not null, await MunicipalitiesAsync(cancellationToken), [.. earlier.Where(t => t.Direction == TransferDirection.Outgoing)]);
    }

    /// <summary>The other municipalities of this installation, by name.</summary>
    public async Task<IReadOnlyList<MunicipalityOption>> MunicipalitiesAsync(CancellationToken cancellationToken) =>
        await db.Municipalities.Where(m => m.Id != currentUser.MunicipalityId)
            .OrderBy(m => m.Name).Select(m => new MunicipalityOption(m.Id, m.Name, m.CbsCode))
            .ToListAsync(cancellationToken);

    /// <summary>The receiving municipality as chosen, or the errors keyed by the form's fields.</summary>
    public async Task<(TransferMunicipality? To, Dictionary<string, string> Errors)> CheckAsync(TransferForm form, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        TransferMunicipality? to = null;
        if (form.To == ElsewhereChoice)
        {
            if (string.IsNullOrWhiteSpace(form.ElsewhereName))
            {
                errors[nameof(TransferForm.ElsewhereName)] = "Schrijf de naam van de gemeente waar de persoon gaat wonen.";
            }
            else if (form.ElsewhereName.Trim().Length > 100)
            {
                errors[nameof(TransferForm.ElsewhereName)] = "Hoogstens 100 tekens.";
            }
            var code = form.ElsewhereCbsCode?.Trim();
            var here = TransferKeys.IsCbsCode(code)
                ? await db.Municipalities.Where(m => m.CbsCode == code).Select(m => new { m.Id, m.Name }).SingleOrDefaultAsync(cancellationToken)
                : null;
            if (!TransferKeys.IsCbsCode(code))
            {
                errors[nameof(TransferForm.ElsewhereCbsCode)] = "Vul de CBS-gemeentecode in: vier cijfers, bijvoorbeeld 0148 voor Dalfsen. Het bestand is alleen voor die gemeente te openen in Thuis.";
            }
            else if (here?.Id == currentUser.MunicipalityId)
            {
                errors[nameof(TransferForm.ElsewhereCbsCode)] = "Dat is de code van uw eigen gemeente.";
            }
            else if (here is not null)
            {
                errors[nameof(TransferForm.ElsewhereCbsCode)] = $"{here.Name} gebruikt dezelfde Thuis als u; kies de gemeente in de lijst.";
            }
            else if (errors.Count == 0)
            {
                to = new TransferMunicipality(null, form.ElsewhereName!.Trim(), code);
            }
        }
        else if (Guid.TryParse(form.To, out var id)
            && (await MunicipalitiesAsync(cancellationToken)).SingleOrDefault(m => m.Id == id) is { } chosen)
        {
            to = new TransferMunicipality(chosen.Id, chosen.Name, chosen.CbsCode);
        }
        else
        {
            errors[nameof(TransferForm.To)] = "Kies de gemeente waar de persoon gaat wonen.";
        }
        if (form.MovingDate is null)
        {
            errors[nameof(TransferForm.MovingDate)] = "Vul de verhuisdatum in.";
        }
        if (form.Reason is { Length: > 1000 })
        {
            errors[nameof(TransferForm.Reason)] = "Hoogstens 1000 tekens.";
        }
        return (errors.Count == 0 ? to : null, errors);
    }

    /// <returns>The file to download, or why there is none.</returns>
    public async Task<Outcome<TransferDownload>> HandleAsync(Guid newcomerId, TransferForm form, CancellationToken cancellationToken)
    {
        var (to, errors) = await CheckAsync(form, cancellationToken);
        if (to is null)
        {
            // Only after the check, so asking about someone else's dossier answers "not found", not "invalid".
            return await db.Newcomers.AnyAsync(n => n.Id == newcomerId, cancellationToken)
                ? Outcome.Invalid(errors)
                : Outcome.NotFound();
        }
        // Made (and saved on its own) before anything of the dossier is read, the first time this municipality signs.
        await signing.OwnKeyAsync(cancellationToken);
        db.AuditPurpose = Purpose;
        var dossier = await readContents.HandleAsync(newcomerId, form.IncludeHealth, Purpose, cancellationToken);
        if (dossier is null)
        {
            return Outcome.NotFound();
        }
        var newcomer = dossier.Newcomer;
        if (form.IncludeHealth)
        {
            // Restricted data (AVG art. 9) leaving the municipality is recorded on its own line of the trail.
            db.RecordAudit(AuditAction.View, nameof(CircumstancesSection), newcomerId.ToString(), AuditResult.Success,
                "Persoonlijke omstandigheden meesturen bij warme overdracht, met toestemming van de persoon", newcomerId);
        }

        var now = clock.GetUtcNow();
        var from = await db.Municipalities.Where(m => m.Id == newcomer.MunicipalityId)
            .Select(m => new TransferMunicipality(m.Id, m.Name, m.CbsCode)).SingleAsync(cancellationToken);
        var file = new TransferFile(
            TransferFile.FormatName, TransferFile.CurrentVersion, Guid.CreateVersion7(), now, from, to, form.MovingDate!.Value,
            Clean(form.Reason), currentUser.DisplayName, form.IncludeHealth,
            dossier.Person, dossier.LegalFrame, dossier.Intake, dossier.Plans, dossier.Settling, dossier.Milestones, dossier.Lessons,
            dossier.Proposals, dossier.TermChanges);
        var bytes = await signing.SignAsync(JsonSerializer.SerializeToUtf8Bytes(file, TransferFile.Options), to.CbsCode!, cancellationToken);

        var tracked = await db.Newcomers.SingleAsync(n => n.Id == newcomerId, cancellationToken);
        db.Add(Transfer.Outgoing(tracked, file.TransferId, to.Id, to.Name, file.MovingDate, file.Reason, currentUser.DisplayName, now,
            Sha256(bytes), form.IncludeHealth));
        tracked.MarkMovedAway($"Verhuisd naar {to.Name} op {DutchFormat.Date(file.MovingDate)}{(file.Reason is null ? "" : $": {file.Reason}")}", clock.InTheNetherlands());
        // Someone changing the dossier between reading and saving is a conflict: the file would not be what is in Thuis now.
        var saved = await SaveVersionedChange.SaveAsync(db, ChangedMeanwhile, cancellationToken);
        return saved.IsSaved ? Outcome.Saved(new TransferDownload(bytes, FileName(newcomer.GivenNames, clock.InTheNetherlands()))) : saved;
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>overdracht-samira-2026-11-12.json: the first given name in plain letters, so every system can store it.</summary>
    public static string FileName(string givenNames, DateOnly day)
    {
        var first = givenNames.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "dossier";
        var plain = new StringBuilder();
        foreach (var c in first.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                plain.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && plain.Length > 0 && plain[^1] != '-')
            {
                plain.Append('-');
            }
        }
        var name = plain.ToString().Trim('-');
        return $"overdracht-{(name.Length > 0 ? name : "dossier")}-{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.json";
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
