using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Trajectories;

public sealed class AttendanceRow
{
    public Guid NewcomerId { get; set; }

    /// <summary>Empty when nothing was chosen for this person yet.</summary>
    public Attendance? Value { get; set; }
}

/// <summary>The attendance of everyone enrolled at one session, entered on one form.</summary>
public sealed class AttendanceForm
{
    public List<AttendanceRow> Rows { get; set; } = [];

    public Guid Version { get; set; }
}

public sealed record AttendanceSheet(Guid GroupId, string GroupName, CourseKind GroupKind, SessionRow Session, IReadOnlyDictionary<Guid, string> Names, AttendanceForm Form);

/// <summary>
/// Records at once who came to a session: present, excused or unexcused absence. Only people enrolled in the group
/// on the session's date can be listed; a list naming anyone else is refused whole, so the sheet never ends half saved.
/// </summary>
public sealed class RecordAttendance(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public const string ChangedMeanwhile =
        "Iemand anders heeft de aanwezigheid van deze bijeenkomst intussen vastgelegd. Uw invoer staat hieronder nog; open de bijeenkomst opnieuw om te zien wat is opgeslagen en vul dan aan.";

    public async Task<AttendanceSheet?> LoadAsync(Guid groupId, Guid sessionId, CancellationToken cancellationToken)
    {
        var group = await db.CourseGroups.AsNoTracking().Where(g => g.Id == groupId).Select(g => new { g.Name, g.Kind }).SingleOrDefaultAsync(cancellationToken);
        var session = await db.Sessions.AsNoTracking().Include(s => s.Records)
            .SingleOrDefaultAsync(s => s.Id == sessionId && s.GroupId == groupId, cancellationToken);
        if (group is null || session is null)
        {
            return null;
        }
        var people = await EnrolledOnAsync(groupId, session.Date, cancellationToken);
        // Someone who attended and was unenrolled later still shows, so their record can be read and corrected.
        var recordedOthers = session.Records.Select(r => r.NewcomerId).Except(people.Select(p => p.Id)).ToList();
        people.AddRange(await People(db.Newcomers.AsNoTracking().Where(n => recordedOthers.Contains(n.Id))).ToListAsync(cancellationToken));
        var form = new AttendanceForm
        {
            Version = session.Version,
            Rows = [.. people.Select(p => new AttendanceRow
            {
                NewcomerId = p.Id,
                Value = session.Records.SingleOrDefault(r => r.NewcomerId == p.Id)?.Value,
            })],
        };
        var row = new SessionRow(session.Id, session.Date, session.StartTime, session.EndTime, session.Kind, session.Topic, session.Theme,
            session.Records.Count(r => r.Value == Attendance.Present), session.Records.Count);
        return new AttendanceSheet(groupId, group.Name, group.Kind, row, people.ToDictionary(p => p.Id, p => p.Name), form);
    }

    public async Task<Outcome> HandleAsync(Guid groupId, Guid sessionId, AttendanceForm form, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.Include(s => s.Records).SingleOrDefaultAsync(s => s.Id == sessionId && s.GroupId == groupId, cancellationToken);
        if (session is null)
        {
            return Outcome.NotFound();
        }
        if (session.Date > clock.InTheNetherlands())
        {
            return Outcome.Refused($"Deze bijeenkomst is pas op {DutchFormat.Date(session.Date)}; aanwezigheid kan vanaf die dag worden vastgelegd.");
        }
        var ids = form.Rows.Select(r => r.NewcomerId).ToList();
        var enrolments = await db.Enrolments.Where(e => e.GroupId == groupId && ids.Contains(e.NewcomerId)).ToDictionaryAsync(e => e.NewcomerId, cancellationToken);
        var notEnrolled = form.Rows.Where(r => r.Value is not null
            && (!enrolments.TryGetValue(r.NewcomerId, out var e) || e.Since > session.Date)).ToList();
        if (notEnrolled.Count > 0)
        {
            return Outcome.Refused(notEnrolled.Count == 1
                ? "Eén persoon op de lijst was op de datum van deze bijeenkomst niet in de groep ingeschreven; schrijf haar of hem eerst in. Er is niets opgeslagen."
                : $"{notEnrolled.Count} personen op de lijst waren op de datum van deze bijeenkomst niet in de groep ingeschreven; schrijf hen eerst in. Er is niets opgeslagen.");
        }
        if (ids.Count != ids.Distinct().Count())
        {
            return Outcome.Refused("Iemand staat twee keer op de lijst. Er is niets opgeslagen.");
        }
        var now = clock.GetUtcNow();
        return await SaveVersionedChange.HandleAsync(db, session, form.Version, s =>
        {
            foreach (var row in form.Rows.Where(r => r.Value is not null))
            {
                s.RecordAttendance(enrolments[row.NewcomerId], row.NewcomerId, row.Value!.Value, currentUser.DisplayName, now);
            }
        }, ChangedMeanwhile, cancellationToken);
    }

    private async Task<List<PersonName>> EnrolledOnAsync(Guid groupId, DateOnly date, CancellationToken cancellationToken) =>
        await People(db.Newcomers.AsNoTracking().Where(n => db.Enrolments.Any(e => e.GroupId == groupId && e.NewcomerId == n.Id && e.Since <= date)))
            .ToListAsync(cancellationToken);

    private static IQueryable<PersonName> People(IQueryable<Newcomer> newcomers) =>
        newcomers.OrderBy(n => n.FamilyName).ThenBy(n => n.GivenNames).Select(n => new PersonName(n.Id, n.GivenNames + " " + n.FamilyName));

    private sealed record PersonName(Guid Id, string Name);
}
