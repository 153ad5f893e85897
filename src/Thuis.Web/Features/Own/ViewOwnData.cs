using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Privacy;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Own;

/// <summary>Who looked at or changed the person's dossier on one day: a role and an organisation, never a staff name.</summary>
public sealed record OwnDossierLook(DateOnly Day, string? Role, Guid? OrganisationId, string Organisation, bool Changed, int Times);

/// <summary>The person's own details as Thuis holds them, and who looked at their dossier.</summary>
public sealed record OwnData(
    string GivenNames, string FamilyName, DateOnly DateOfBirth, string? Bsn, string? Street, string? HouseNumber, string? Postcode,
    string? City, string? Phone, string? Email, string Municipality, IReadOnlyList<OwnDossierLook> Looks);

/// <summary>
/// Mijn gegevens: what Thuis holds about the person (AVG art. 15), readable and as a download, and from the audit trail
/// who looked at or changed their dossier — the organisation, the role and the day. Only the signed-in person's own
/// dossier, only views and changes by staff (not their own, not Thuis's own jobs), and nothing of other people.
/// </summary>
public sealed class ViewOwnData(AppDbContext db, CurrentUser currentUser, ExportPersonData export)
{
    public const string Purpose = "Eigen gegevens inzien door de persoon zelf (AVG art. 15)";

    /// <summary>Staff roles as the person reads them, the most telling first.</summary>
    private static readonly string[] RoleOrder = [Roles.PartnerWorker, Roles.CaseManager, Roles.Coordinator, Roles.VolunteerCoordinator, Roles.Administrator];

    public async Task<OwnData?> LoadAsync(CancellationToken cancellationToken)
    {
        if (currentUser.NewcomerId is not { } newcomerId)
        {
            return null;
        }
        var person = await db.Newcomers.AsNoTracking().SingleOrDefaultAsync(n => n.Id == newcomerId, cancellationToken);
        return person is null ? null : await DataOfAsync(db, person, cancellationToken);
    }

    /// <summary>The details and who looked, of a person already read (by the person themselves, or audited by staff).</summary>
    internal static async Task<OwnData> DataOfAsync(AppDbContext db, Newcomer person, CancellationToken cancellationToken)
    {
        var municipality = await db.Municipalities.Where(m => m.Id == person.MunicipalityId).Select(m => m.Name).SingleAsync(cancellationToken);
        return new OwnData(person.GivenNames, person.FamilyName, person.DateOfBirth, person.Bsn, person.Street, person.HouseNumber,
            person.Postcode, person.City, person.Phone, person.Email, municipality, await LooksAsync(db, person.Id, municipality, cancellationToken));
    }

    /// <summary>Everything in the dossier, health included (it is the person's own), as an indented JSON file.</summary>
    public async Task<byte[]?> DownloadAsync(CancellationToken cancellationToken) =>
        currentUser.NewcomerId is { } newcomerId
            ? await export.FileAsync(newcomerId, includeHealth: true, Purpose, cancellationToken)
            : null;

    /// <summary>
    /// Who looked at or changed the dossier: staff only (the person's own account is no staff), never Thuis's own jobs.
    /// The same whoever reads it, so the person's download and the one staff hand over are the same.
    /// </summary>
    internal static async Task<IReadOnlyList<OwnDossierLook>> LooksAsync(AppDbContext db, Guid newcomerId, string? municipality, CancellationToken cancellationToken)
    {
        var idText = newcomerId.ToString();
        // Entries from before the trail named the person are found by the dossier's own id.
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => (a.PersonId == newcomerId || (a.PersonId == null && a.ObjectId == idText))
                && a.ActorId != CurrentUser.SystemActor && a.Result == AuditResult.Success)
            .Select(a => new { a.OccurredAt, a.ActorId, a.ActorRoles, a.Action })
            .ToListAsync(cancellationToken);
        var actorIds = entries.Select(e => e.ActorId).Distinct().ToList();
        var actors = await db.Users.AsNoTracking().Where(u => actorIds.Contains(u.Id) && u.NewcomerId == null)
            .Select(u => new { u.Id, u.OrganisationId, u.MunicipalityId }).ToDictionaryAsync(u => u.Id, cancellationToken);
        var organisationIds = actors.Values.Where(a => a.OrganisationId is not null).Select(a => a.OrganisationId!.Value).Distinct().ToList();
        var organisations = await db.Organisations.IgnoreQueryFilters().AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var municipalityIds = actors.Values.Select(a => a.MunicipalityId).Distinct().ToList();
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => municipalityIds.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);

        return [.. entries
            .Where(e => actors.ContainsKey(e.ActorId))
            .Select(e =>
            {
                var actor = actors[e.ActorId];
                var roles = e.ActorRoles.Split(',');
                return new
                {
                    Day = Today.DayInTheNetherlands(e.OccurredAt),
                    Role = RoleOrder.FirstOrDefault(roles.Contains),
                    actor.OrganisationId,
                    Organisation = actor.OrganisationId is { } o && organisations.TryGetValue(o, out var name)
                        ? name
                        : municipalities.GetValueOrDefault(actor.MunicipalityId) ?? municipality ?? "",
                    Changed = e.Action != AuditAction.View,
                };
            })
            .GroupBy(l => l)
            .Select(g => new OwnDossierLook(g.Key.Day, g.Key.Role, g.Key.OrganisationId, g.Key.Organisation, g.Key.Changed, g.Count()))
            .OrderByDescending(l => l.Day).ThenBy(l => l.Organisation, StringComparer.Ordinal)];
    }
}
