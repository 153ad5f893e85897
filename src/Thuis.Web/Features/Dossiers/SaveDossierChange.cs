using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;

namespace Thuis.Web.Features.Dossiers;

public sealed record EditResult(bool Succeeded, bool NotFound, IReadOnlyDictionary<string, string> FieldErrors, string? Refusal)
{
    public static EditResult Done { get; } = new(true, false, new Dictionary<string, string>(), null);

    public static EditResult Missing { get; } = new(false, true, new Dictionary<string, string>(), null);

    public static EditResult Invalid(IReadOnlyDictionary<string, string> errors) => new(false, false, errors, null);

    public static EditResult ChangedMeanwhile { get; } = new(false, false, new Dictionary<string, string>(),
        "Iemand anders heeft dit dossier intussen gewijzigd. Uw invoer staat hieronder nog; open het dossier opnieuw om de nieuwe gegevens te zien en voer uw wijziging dan opnieuw in.");
}

/// <summary>
/// The one way a form changes a dossier: only when the dossier is still the version the form was loaded
/// from, checked again by the database at the moment of saving.
/// </summary>
internal static class SaveDossierChange
{
    public static async Task<EditResult> HandleAsync(AppDbContext db, Newcomer newcomer, Guid loadedVersion, Action<Newcomer> change, CancellationToken cancellationToken)
    {
        if (newcomer.Version != loadedVersion)
        {
            return EditResult.ChangedMeanwhile;
        }
        db.Entry(newcomer).Property(n => n.Version).OriginalValue = loadedVersion;
        change(newcomer);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return EditResult.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            return EditResult.ChangedMeanwhile;
        }
    }
}
