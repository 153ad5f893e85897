using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Intake;

public sealed record SectionSaved(bool Succeeded, bool NotFound, string? Refusal)
{
    public static SectionSaved Done { get; } = new(true, false, null);
}

/// <summary>
/// Saves one part of the intake, refusing when someone else saved it since the form was loaded
/// (the form's version no longer matches) — on SQLite and PostgreSQL alike.
/// </summary>
public sealed class SaveIntakeSection(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<SectionSaved> HandleAsync<TSection>(
        Guid newcomerId, Guid loadedVersion, Func<Guid, Guid, TSection> create, Action<TSection> apply, CancellationToken cancellationToken)
        where TSection : IntakeSection
    {
        var newcomer = await db.Newcomers.Where(n => n.Id == newcomerId).Select(n => new { n.MunicipalityId }).SingleOrDefaultAsync(cancellationToken);
        if (newcomer is null)
        {
            return new SectionSaved(false, true, null);
        }
        var section = await db.Set<TSection>().SingleOrDefaultAsync(s => s.NewcomerId == newcomerId, cancellationToken);
        if (section is null)
        {
            if (loadedVersion != Guid.Empty)
            {
                return Conflict(null);
            }
            section = create(newcomerId, newcomer.MunicipalityId);
            db.Set<TSection>().Add(section);
        }
        else if (section.Version != loadedVersion)
        {
            return Conflict(section);
        }

        try
        {
            apply(section);
        }
        catch (ArgumentException refused)
        {
            return new SectionSaved(false, false, refused.Message.Split(" (Parameter", StringSplitOptions.None)[0]);
        }
        section.MarkRecorded(currentUser.DisplayName, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SectionSaved.Done;
        }
        catch (DbUpdateException)
        {
            // Someone saved the same part between our read and our write (a concurrency token miss,
            // or both creating it at once): theirs stays, ours is refused.
            db.ChangeTracker.Clear();
            var current = await db.Set<TSection>().AsNoTracking().SingleOrDefaultAsync(s => s.NewcomerId == newcomerId, cancellationToken);
            return Conflict(current);
        }
    }

    private static SectionSaved Conflict(IntakeSection? current) => new(false, false,
        current is null
            ? "Dit onderdeel is intussen gewijzigd. Uw invoer staat hieronder nog; laad de pagina opnieuw en voer uw wijziging dan opnieuw in."
            : $"{current.RecordedBy} heeft dit onderdeel intussen opgeslagen ({DutchFormat.DateTime(current.RecordedAt)}). Uw wijzigingen zijn niet opgeslagen maar staan hieronder nog; laad de pagina opnieuw om de nieuwe versie te zien en voer uw wijziging dan opnieuw in.");
}
