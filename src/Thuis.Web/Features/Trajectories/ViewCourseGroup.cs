using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Trajectories;

public sealed record SessionRow(Guid Id, DateOnly Date, TimeOnly Start, TimeOnly End, SessionKind Kind, string? Topic, WorkshopTheme? Theme, int Present, int Recorded)
{
    public string Title => Topic ?? (Theme is { } theme ? $"Workshop {theme.Dutch()}" : Kind.Dutch());

    public SessionFact Fact => new(Id, Date, Start, End, Kind, Theme, Recorded > 0);
}

public sealed record Participant(Guid NewcomerId, string Name, DateOnly Since, TrajectoryProgress Progress);

public sealed record CourseGroupView(
    CourseGroup Group, TrajectoryRequirement? Requirement, IReadOnlyList<SessionRow> Sessions, IReadOnlyList<Participant> Participants, DateOnly Today)
{
    public int LessonCount => Sessions.Count(s => s.Kind == SessionKind.LanguageLesson);

    public IReadOnlyList<WorkshopTheme> ThemesPlanned => [.. Sessions.Where(s => s.Theme is not null).Select(s => s.Theme!.Value).Distinct().Order()];
}

/// <summary>One group at a glance: its sessions with attendance recorded, and each participant's counters.</summary>
public sealed class ViewCourseGroup(AppDbContext db, TimeProvider clock)
{
    public async Task<CourseGroupView?> HandleAsync(Guid groupId, CancellationToken cancellationToken)
    {
        var group = await db.CourseGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        if (group is null)
        {
            return null;
        }
        var sessions = await SessionsAsync(db, groupId, cancellationToken);
        var attendance = await db.AttendanceRecords.AsNoTracking()
            .Where(r => db.Sessions.Any(s => s.Id == r.SessionId && s.GroupId == groupId))
            .Select(r => new { r.NewcomerId, r.SessionId, r.Value })
            .ToListAsync(cancellationToken);
        var enrolled = await db.Enrolments.AsNoTracking().Where(e => e.GroupId == groupId)
            .Join(db.Newcomers, e => e.NewcomerId, n => n.Id, (e, n) => new { e.NewcomerId, n.GivenNames, n.FamilyName, e.Since })
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenNames)
            .ToListAsync(cancellationToken);
        var today = clock.InTheNetherlands();
        var requirement = TrajectoryRequirements.For(group.Kind, await TrajectoryRequirements.PracticeAsync(db, group.MunicipalityId, cancellationToken));
        var facts = sessions.Select(s => s.Fact).ToList();
        var participants = enrolled.Select(p => new Participant(p.NewcomerId, $"{p.GivenNames} {p.FamilyName}", p.Since,
            TrajectoryProgress.Compute(requirement, facts, p.Since, today,
                attendance.Where(a => a.NewcomerId == p.NewcomerId).ToDictionary(a => a.SessionId, a => a.Value)))).ToList();
        return new CourseGroupView(group, requirement, sessions, participants, today);
    }

    internal static async Task<List<SessionRow>> SessionsAsync(AppDbContext db, Guid groupId, CancellationToken cancellationToken)
    {
        return await db.Sessions.AsNoTracking().Where(s => s.GroupId == groupId)
            .OrderBy(s => s.Date).ThenBy(s => s.StartTime)
            .Select(s => new SessionRow(s.Id, s.Date, s.StartTime, s.EndTime, s.Kind, s.Topic, s.Theme,
                s.Records.Count(r => r.Value == Attendance.Present), s.Records.Count()))
            .ToListAsync(cancellationToken);
    }
}
