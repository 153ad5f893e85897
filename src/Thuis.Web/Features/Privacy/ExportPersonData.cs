using System.Text.Json;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Own;
using Thuis.Web.Features.Transfers;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Privacy;

/// <summary>
/// A person's data as a file (AVG art. 15 access, art. 20 portability): the one file the person downloads in their own
/// Thuis and the one staff hand over when the person asks for it at the desk. Staff read it with the purpose
/// "Inzageverzoek" in the audit trail, and see health only when their role may (<see cref="Roles.HealthReaders"/>).
/// </summary>
public sealed class ExportPersonData(AppDbContext db, CurrentUser currentUser, ReadDossierContents readContents, TimeProvider clock)
{
    public const string Purpose = "Inzageverzoek (AVG art. 15)";

    /// <summary>Whether the signed-in staff member's file holds the personal circumstances (health).</summary>
    public bool IncludesHealth => currentUser.IsInAnyRole(Roles.HealthReaders);

    /// <summary>The file staff hand over; null for a dossier the user cannot see.</summary>
    public Task<byte[]?> HandleAsync(Guid newcomerId, CancellationToken cancellationToken) =>
        FileAsync(newcomerId, IncludesHealth, Purpose, cancellationToken);

    /// <summary>The same as readable page for printing: the person's details and who looked at their dossier, read audited.</summary>
    public async Task<OwnData?> ViewAsync(Guid newcomerId, CancellationToken cancellationToken)
    {
        db.AuditPurpose = Purpose;
        var person = await ReadDossier.NewcomerAsync(db, newcomerId, nameof(Newcomer), Purpose, cancellationToken);
        return person is null ? null : await ViewOwnData.DataOfAsync(db, person, cancellationToken);
    }

    /// <summary>Everything in the dossier as an indented JSON file; health only when asked.</summary>
    internal async Task<byte[]?> FileAsync(Guid newcomerId, bool includeHealth, string purpose, CancellationToken cancellationToken)
    {
        db.AuditPurpose = purpose;
        var dossier = await readContents.HandleAsync(newcomerId, includeHealth, purpose, cancellationToken);
        if (dossier is null)
        {
            return null;
        }
        var file = new
        {
            Format = "thuis-mijn-gegevens",
            Versie = 1,
            GemaaktOp = clock.GetUtcNow(),
            dossier.Person,
            dossier.LegalFrame,
            dossier.Intake,
            dossier.Plans,
            dossier.Settling,
            dossier.Milestones,
            dossier.Lessons,
            dossier.Proposals,
            dossier.TermChanges,
            Cv = await Work.CvContents.ExportAsync(db, newcomerId, cancellationToken),
            WieKeekInUwDossier = await ViewOwnData.LooksAsync(db, newcomerId, null, cancellationToken),
        };
        return JsonSerializer.SerializeToUtf8Bytes(file, TransferFile.Options);
    }
}
