using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Transfers;

public sealed class RegisterTransferKeyForm
{
    public string? Name { get; set; }

    public string? CbsCode { get; set; }

    /// <summary>The public key as PEM text, pasted.</summary>
    public string? PublicKey { get; set; }

    /// <summary>Or the .pem file the other municipality sent.</summary>
    public IBrowserFile? KeyFile { get; set; }
}

/// <summary>
/// Registers another municipality's public key, so transfer files signed in its name can be checked. Municipalities on
/// this installation need none: their keys are known.
/// </summary>
public sealed class RegisterTransferKey(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    private const long MaxKeyFileBytes = 16 * 1024;

    public async Task<Outcome> HandleAsync(RegisterTransferKeyForm form, CancellationToken cancellationToken)
    {
        var municipalityId = currentUser.MunicipalityId ?? throw new InvalidOperationException("Geen gemeente.");
        var errors = new Dictionary<string, string>();
        var name = form.Name?.Trim();
        var code = form.CbsCode?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors[nameof(RegisterTransferKeyForm.Name)] = "Vul de naam van de gemeente in.";
        }
        else if (name.Length > 100)
        {
            errors[nameof(RegisterTransferKeyForm.Name)] = "Hoogstens 100 tekens.";
        }
        if (!TransferKeys.IsCbsCode(code))
        {
            errors[nameof(RegisterTransferKeyForm.CbsCode)] = "Vul de CBS-gemeentecode in: vier cijfers, bijvoorbeeld 0148 voor Dalfsen.";
        }
        else if (await db.Municipalities.Where(m => m.CbsCode == code).Select(m => new { m.Id, m.Name }).SingleOrDefaultAsync(cancellationToken) is { } here)
        {
            errors[nameof(RegisterTransferKeyForm.CbsCode)] = here.Id == municipalityId
                ? "Dat is de code van uw eigen gemeente."
                : $"{here.Name} gebruikt dezelfde Thuis als u; die sleutel is al bekend en hoeft u niet vast te leggen.";
        }
        else if (await db.Set<RegisteredTransferKey>().Where(k => k.CbsCode == code).Select(k => k.Name).SingleOrDefaultAsync(cancellationToken) is { } registered)
        {
            errors[nameof(RegisterTransferKeyForm.CbsCode)] = $"Voor CBS-code {code} is al een sleutel vastgelegd ({registered}). Heeft de gemeente een nieuwe sleutel, verwijder dan eerst de oude.";
        }

        var pem = form.PublicKey;
        if (string.IsNullOrWhiteSpace(pem) && form.KeyFile is { Size: > 0 } file)
        {
            pem = file.Size > MaxKeyFileBytes ? "" : await ReadAsync(file, cancellationToken);
        }
        var (key, refusal) = TransferKeys.Read(pem);
        if (key is null)
        {
            errors[nameof(RegisterTransferKeyForm.PublicKey)] = form.KeyFile is { Size: > MaxKeyFileBytes }
                ? "Dit bestand is te groot voor een openbare sleutel; kies het .pem-bestand dat de andere gemeente gaf."
                : refusal!;
        }
        else if (await db.Set<TransferKey>().IgnoreQueryFilters().AnyAsync(k => k.Fingerprint == key.Fingerprint, cancellationToken))
        {
            // The own key, or a neighbour's on this installation: read across municipalities for this comparison only.
            errors[nameof(RegisterTransferKeyForm.PublicKey)] = "Dit is de sleutel van een gemeente op deze installatie van Thuis (misschien uw eigen); die is al bekend.";
        }
        else if (await db.Set<RegisteredTransferKey>().Where(k => k.Fingerprint == key.Fingerprint).Select(k => k.Name + " (" + k.CbsCode + ")").FirstOrDefaultAsync(cancellationToken) is { } holder)
        {
            errors[nameof(RegisterTransferKeyForm.PublicKey)] = $"Deze sleutel is al vastgelegd voor {holder}. Eén sleutel hoort bij één gemeente.";
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        db.AuditPurpose = $"Openbare sleutel van {name} ({code}) vastgelegd voor overdrachten";
        db.Add(new RegisteredTransferKey(municipalityId, code!, name!, key!, currentUser.DisplayName, clock.GetUtcNow()));
        return await SaveVersionedChange.SaveAsync(db, $"Iemand anders legde net een sleutel vast voor CBS-code {code}; bekijk de lijst.", cancellationToken);
    }

    private static async Task<string> ReadAsync(IBrowserFile file, CancellationToken cancellationToken)
    {
        await using var stream = file.OpenReadStream(MaxKeyFileBytes, cancellationToken);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}

/// <summary>Removes a registered key: files signed with it are no longer accepted.</summary>
public sealed class RemoveTransferKey(AppDbContext db, ShowTransferKeys show)
{
    public async Task<RegisteredKeyRow?> LoadAsync(Guid keyId, CancellationToken cancellationToken) =>
        (await show.RegisteredAsync(cancellationToken)).SingleOrDefault(k => k.Id == keyId);

    public async Task<Outcome> HandleAsync(Guid keyId, CancellationToken cancellationToken)
    {
        var key = await db.Set<RegisteredTransferKey>().SingleOrDefaultAsync(k => k.Id == keyId, cancellationToken);
        if (key is null)
        {
            return Outcome.NotFound();
        }
        db.AuditPurpose = $"Openbare sleutel van {key.Name} ({key.CbsCode}) verwijderd; overdrachten met die sleutel worden niet meer aangenomen";
        db.Remove(key);
        return await SaveVersionedChange.SaveAsync(db, "De sleutel was al verwijderd.", cancellationToken);
    }
}
