using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;

namespace Thuis.Web.Platform.Editing;

public sealed record EditResult(bool Succeeded, bool NotFound, IReadOnlyDictionary<string, string> FieldErrors, string? Refusal)
{
    public static EditResult Done { get; } = new(true, false, new Dictionary<string, string>(), null);

    public static EditResult Missing { get; } = new(false, true, new Dictionary<string, string>(), null);

    public static EditResult Invalid(IReadOnlyDictionary<string, string> errors) => new(false, false, errors, null);

    public static EditResult ChangedMeanwhile { get; } = new(false, false, new Dictionary<string, string>(),
        "Iemand anders heeft dit dossier intussen gewijzigd. Uw invoer staat hieronder nog; open het dossier opnieuw om de nieuwe gegevens te zien en voer uw wijziging dan opnieuw in.");
}

/// <summary>
/// The one way a form changes a record people edit together (a dossier, a plan): only when the record is still the
/// version the form was loaded from, checked again by the database at the moment of saving. The record carries a
/// <c>Version</c> concurrency token that changes with every edit.
/// </summary>
internal static class SaveVersionedChange
{
    public static async Task<EditResult> HandleAsync<T>(AppDbContext db, T record, Guid loadedVersion, Action<T> change,
        EditResult changedMeanwhile, CancellationToken cancellationToken) where T : class
    {
        var version = db.Entry(record).Property<Guid>("Version");
        if (version.CurrentValue != loadedVersion)
        {
            return changedMeanwhile;
        }
        version.OriginalValue = loadedVersion;
        change(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return EditResult.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            return changedMeanwhile;
        }
    }
}
