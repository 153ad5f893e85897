using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Trajectories;

/// <summary>
/// A demo municipality's groups: a PVT that started three weeks ago with its template sessions and eight recently
/// housed people, and an evening language course, both with attendance recorded for the sessions held, including some
/// excused and unexcused absences; and the PVT groups of the quarters before, in which everyone housed earlier took
/// part (most of them completed it). Only the newest arrivals wait for a group, as in a municipality that keeps its
/// deadlines. Drawn from a fixed seed, so every fresh demo looks the same.
/// </summary>
public static class TrajectoryDemo
{
    public static async Task AddToAsync(AppDbContext db, Guid municipalityId, string town, int seed, string recordedBy, TimeProvider clock)
    {
        var random = new Random(seed);
        var today = clock.InTheNetherlands();
        var now = clock.GetUtcNow();
        var people = await db.Newcomers
            .Where(n => n.Status == DossierStatus.Active && n.HousingDate != null && n.HousingDate <= today)
            .OrderByDescending(n => n.HousingDate).ThenBy(n => n.FamilyName)
            .Select(n => n.Id)
            .Take(14)
            .ToListAsync();

        var pvtStart = CalendarPeriod.MondayOf(today.AddDays(-21));
        var pvt = new CourseGroup(municipalityId, new CourseGroupDetails(
            CourseKind.Pvt, $"PVT {town} {pvtStart.ToString("MMMM yyyy", DutchFormat.Culture)}", $"Taalschool {town} (demo)", "Bibliotheek, zaal 2", pvtStart,
            "Workshop Nederlandse waarden met ondertekening door de wethouder."));
        var planned = PlannedPvt(pvtStart);
        Add(db, pvt, planned.Sessions, people.Take(8).ToList(), pvtStart, today, random, recordedBy, now);
        await AddEarlierPvtGroupsAsync(db, municipalityId, town, pvtStart, people.Take(8).ToHashSet(), random, recordedBy, now);

        var courseStart = CalendarPeriod.MondayOf(today.AddDays(-35)).AddDays(1);
        var course = new CourseGroup(municipalityId, new CourseGroupDetails(
            CourseKind.LanguageCourse, "Taalcursus A2 (avond)", $"Taalhuis {town} (demo)", "Buurthuis De Schakel", courseStart, null));
        var lessons = Enumerable.Range(0, 12).Select(week => new SessionDetails(
            courseStart.AddDays(7 * week), new TimeOnly(19, 0), new TimeOnly(21, 0), SessionKind.LanguageLesson, $"Les {week + 1}", null)).ToList();
        Add(db, course, lessons, people.Skip(8).ToList(), courseStart, today, random, recordedBy, now);
    }

    /// <summary>One PVT group a quarter back in time, each with the people housed since the group before it started.</summary>
    private static async Task AddEarlierPvtGroupsAsync(AppDbContext db, Guid municipalityId, string town, DateOnly currentStart,
        HashSet<Guid> inCurrentGroup, Random random, string recordedBy, DateTimeOffset now)
    {
        var waiting = (await db.Newcomers
                .Where(n => n.Status == DossierStatus.Active && n.HousingDate != null && n.HousingDate < currentStart)
                .Select(n => new { n.Id, Housed = n.HousingDate!.Value })
                .ToListAsync())
            .Where(n => !inCurrentGroup.Contains(n.Id))
            .ToList();
        for (var start = CalendarPeriod.MondayOf(currentStart.AddDays(-91)); waiting.Count > 0; start = CalendarPeriod.MondayOf(start.AddDays(-91)))
        {
            var members = waiting.Where(n => n.Housed < start).ToList();
            var joining = waiting.Except(members).Select(n => n.Id).ToList();
            waiting = members;
            if (joining.Count == 0)
            {
                continue;
            }
            var group = new CourseGroup(municipalityId, new CourseGroupDetails(
                CourseKind.Pvt, $"PVT {town} {start.ToString("MMMM yyyy", DutchFormat.Culture)}", $"Taalschool {town} (demo)", "Bibliotheek, zaal 2", start, null));
            db.CourseGroups.Add(group);
            var sessions = PlannedPvt(start).Sessions
                .Select(details => new Session(group, details)).ToList();
            db.Sessions.AddRange(sessions);
            foreach (var id in joining)
            {
                var enrolment = new Enrolment(group, id, municipalityId, start, recordedBy, now);
                db.Enrolments.Add(enrolment);
                // Four in five came to every session and completed the PVT; the others missed a few and did not (yet).
                var completes = random.NextDouble() < 0.8;
                foreach (var session in sessions)
                {
                    var roll = random.NextDouble();
                    session.RecordAttendance(enrolment, id,
                        completes || roll < 0.88 ? Attendance.Present : roll < 0.96 ? Attendance.ExcusedAbsence : Attendance.UnexcusedAbsence,
                        recordedBy, now);
                }
            }
        }
    }

    /// <summary>The demo towns' PVT: lessons on Monday and Thursday morning, workshops after lunch.</summary>
    private static PlannedSessions PlannedPvt(DateOnly start) =>
        TrajectoryRequirements.PlanPvt(new PvtTemplate(start, [DayOfWeek.Monday, DayOfWeek.Thursday],
            new TimeOnly(9, 30), new TimeOnly(11, 30), new TimeOnly(12, 30), new TimeOnly(14, 30)), PvtPractice.Default);

    private static void Add(AppDbContext db, CourseGroup group, IEnumerable<SessionDetails> planned, List<Guid> people,
        DateOnly since, DateOnly today, Random random, string recordedBy, DateTimeOffset now)
    {
        db.CourseGroups.Add(group);
        var enrolments = people.Select(id => new Enrolment(group, id, group.MunicipalityId, since, recordedBy, now)).ToList();
        db.Enrolments.AddRange(enrolments);
        foreach (var details in planned)
        {
            var session = new Session(group, details);
            db.Sessions.Add(session);
            if (details.Date >= today)
            {
                continue;
            }
            foreach (var (enrolment, index) in enrolments.Select((e, i) => (e, i)))
            {
                // The last person often stays away without a reason: someone the case manager should pick up.
                var roll = random.NextDouble();
                var value = index == enrolments.Count - 1 && roll < 0.4 ? Attendance.UnexcusedAbsence
                    : roll < 0.86 ? Attendance.Present
                    : roll < 0.95 ? Attendance.ExcusedAbsence
                    : Attendance.UnexcusedAbsence;
                session.RecordAttendance(enrolment, enrolment.NewcomerId, value, recordedBy, now);
            }
        }
    }
}
