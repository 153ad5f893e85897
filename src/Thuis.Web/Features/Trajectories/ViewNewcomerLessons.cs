using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Trajectories;

public sealed record PersonGroup(Guid GroupId, string Name, CourseKind Kind, string? Provider, DateOnly StartDate, DateOnly Since, TrajectoryProgress Progress);

public sealed record NewcomerLessons(Guid NewcomerId, string Name, DateOnly? HousingDate, DateOnly? PvtStartDeadline, IReadOnlyList<PersonGroup> Groups, IReadOnlyList<CalendarItem> Calendar, DateOnly Today);

/// <summary>
/// One person's lessons: the groups they take part in, their counters against each requirement and their own
/// calendar with what they attended. Reading it is reading the dossier, so every attempt is audited.
/// </summary>
public sealed class ViewNewcomerLessons(AppDbContext db, TimeProvider clock)
{
    public const string Purpose = "Lessen en aanwezigheid inzien voor begeleiding";

    public async Task<NewcomerLessons?> HandleAsync(Guid newcomerId, CancellationToken cancellationToken)
    {
        var person = await ReadDossier.NewcomerAsync(db, newcomerId, nameof(Newcomer), Purpose, cancellationToken);
        if (person is null)
        {
            return null;
        }

        var today = clock.InTheNetherlands();
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.NewcomerId == newcomerId)
            .Join(db.CourseGroups, e => e.GroupId, g => g.Id, (e, g) => new { g.Id, g.Name, g.Kind, g.Provider, g.StartDate, e.Since })
            .OrderBy(g => g.StartDate)
            .ToListAsync(cancellationToken);
        var groupIds = enrolments.Select(e => e.Id).ToList();
        var sessions = await db.Sessions.AsNoTracking().Where(s => groupIds.Contains(s.GroupId))
            .OrderBy(s => s.Date).ThenBy(s => s.StartTime)
            .Select(s => new
            {
                s.GroupId,
                Row = new SessionRow(s.Id, s.Date, s.StartTime, s.EndTime, s.Kind, s.Topic, s.Theme,
                    s.Records.Count(r => r.Value == Attendance.Present), s.Records.Count()),
            })
            .ToListAsync(cancellationToken);
        var attendance = await db.AttendanceRecords.AsNoTracking().Where(r => r.NewcomerId == newcomerId)
            .ToDictionaryAsync(r => r.SessionId, r => r.Value, cancellationToken);

        var municipality = await db.Municipalities.Where(m => m.Id == person.MunicipalityId)
            .Select(m => new { m.PvtStartDays, m.PvtPractice }).SingleAsync(cancellationToken);
        var groups = enrolments.Select(e => new PersonGroup(e.Id, e.Name, e.Kind, e.Provider, e.StartDate, e.Since,
            TrajectoryProgress.Compute(TrajectoryRequirements.For(e.Kind, municipality.PvtPractice), sessions.Where(s => s.GroupId == e.Id).Select(s => s.Row.Fact),
                e.Since, today, attendance))).ToList();
        var names = enrolments.ToDictionary(e => e.Id, e => e.Name);
        var calendar = sessions
            .Where(s => s.Row.Date >= enrolments.Single(e => e.Id == s.GroupId).Since)
            .Select(s => new CalendarItem(s.Row.Date, s.Row.Start, s.Row.End, $"{s.Row.Title} · {names[s.GroupId]}",
                $"/trajecten/{s.GroupId}/bijeenkomsten/{s.Row.Id}",
                attendance.TryGetValue(s.Row.Id, out var a) ? a.Dutch() : s.Row.Fact.HeldBy(today) ? "niet ingevuld" : null))
            .ToList();
        return new NewcomerLessons(newcomerId, $"{person.GivenNames} {person.FamilyName}", person.HousingDate,
            person.HousingDate is { } housed ? Plans.IntegrationLaw.PvtStartDeadline(housed, municipality.PvtStartDays) : null,
            groups, calendar, today);
    }
}
