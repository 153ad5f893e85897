using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Intake;

/// <summary>
/// Saves one part of the intake, refusing when someone else saved it since the form was loaded (the form's version no
/// longer matches, or both created it at once) — on SQLite and PostgreSQL alike. The form is checked before: a part's
/// own rules refuse only what the page already told the user.
/// </summary>
public sealed class SaveIntakeSection(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    private const string ChangedMeanwhile =
        "Dit onderdeel is intussen gewijzigd. Uw invoer staat hieronder nog; laad de pagina opnieuw en voer uw wijziging dan opnieuw in.";

    public async Task<Outcome> HandleAsync<TSection>(
        Guid newcomerId, Guid loadedVersion, Func<Guid, Guid, TSection> create, Action<TSection> apply, CancellationToken cancellationToken)
        where TSection : IntakeSection
    {
        var newcomer = await db.Newcomers.Where(n => n.Id == newcomerId).Select(n => new { n.MunicipalityId }).SingleOrDefaultAsync(cancellationToken);
        if (newcomer is null)
        {
            return Outcome.NotFound();
        }
        void Record(TSection section)
        {
            apply(section);
            section.MarkRecorded(currentUser.DisplayName, clock.GetUtcNow());
        }
        var existing = await db.Set<TSection>().SingleOrDefaultAsync(s => s.NewcomerId == newcomerId, cancellationToken);
        var saved = existing is null
            ? await SaveVersionedChange.AddAsync(db, () =>
            {
                var section = create(newcomerId, newcomer.MunicipalityId);
                Record(section);
                return section;
            }, loadedVersion, ChangedMeanwhile, cancellationToken)
            : await SaveVersionedChange.HandleAsync(db, existing, loadedVersion, Record, ChangedMeanwhile, cancellationToken);
        if (saved.Kind != OutcomeKind.Conflict)
        {
            return saved;
        }
        // Theirs stays, ours is refused: say whose save it was, as it is stored now.
        var current = await db.Set<TSection>().AsNoTracking().SingleOrDefaultAsync(s => s.NewcomerId == newcomerId, cancellationToken);
        return current is null
            ? saved
            : Outcome.Conflict($"{current.RecordedBy} heeft dit onderdeel intussen opgeslagen ({DutchFormat.DateTime(current.RecordedAt)}). Uw wijzigingen zijn niet opgeslagen maar staan hieronder nog; laad de pagina opnieuw om de nieuwe versie te zien en voer uw wijziging dan opnieuw in.");
    }
}
