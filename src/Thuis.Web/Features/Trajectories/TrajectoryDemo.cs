using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Trajectories;

/// <summary>
/// A demo municipality's running groups: a PVT that started three weeks ago with its template sessions and eight
/// recently housed people, and an evening language course, both with attendance recorded for the sessions held,
/// including some excused and unexcused absences. Drawn from a fixed seed, so every fresh demo looks the same.
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
        var planned = TrajectoryRequirements.PlanPvt(new PvtTemplate(pvtStart, [DayOfWeek.Monday, DayOfWeek.Thursday],
            new TimeOnly(9, 30), new TimeOnly(11, 30), new TimeOnly(12, 30), new TimeOnly(14, 30)));
        Add(db, pvt, planned.Sessions, people.Take(8).ToList(), pvtStart, today, random, recordedBy, now);

        var courseStart = CalendarPeriod.MondayOf(today.AddDays(-35)).AddDays(1);
        var course = new CourseGroup(municipalityId, new CourseGroupDetails(
            CourseKind.LanguageCourse, "Taalcursus A2 (avond)", $"Taalhuis {town} (demo)", "Buurthuis De Schakel", courseStart, null));
        var lessons = Enumerable.Range(0, 12).Select(week => new SessionDetails(
            courseStart.AddDays(7 * week), new TimeOnly(19, 0), new TimeOnly(21, 0), SessionKind.LanguageLesson, $"Les {week + 1}", null)).ToList();
        Add(db, course, lessons, people.Skip(8).ToList(), courseStart, today, random, recordedBy, now);
    }

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
