using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Trajectories;
using Thuis.Web.Platform.Localization;

namespace Thuis.Bench.Scale;

/// <summary>
/// Course groups as a municipality runs them: people housed around the same time start a PVT together (26 lessons and
/// the eight workshops in three months) and, beside it, a language course three mornings a week that runs for as long as it takes to
/// reach the number of attendance rows asked for. Everyone is enrolled through the entities; sessions and attendance
/// rows are written in bulk, attendance only for sessions already held.
/// </summary>
internal static class Trajectories
{
    private const int GroupSize = 15;
    private const string RecordedBy = "Taalschool Amersfoort";

    private sealed record Planned(CourseGroup Group, List<Enrolment> Enrolments, List<SessionDetails> Sessions);

    public static async Task<(long Sessions, long Rows)> AddAsync(AppDbContext db, DatabaseProvider provider, Guid municipalityId, Random random,
        long attendanceWanted, DateOnly today, DateTimeOffset now)
    {
        var people = await db.Newcomers.AsNoTracking()
            .Where(n => n.HousingDate != null && n.HousingDate <= today)
            .OrderBy(n => n.HousingDate).ThenBy(n => n.Id)
            .Select(n => new { n.Id, HousingDate = n.HousingDate!.Value })
            .ToListAsync();
        // Most people come to most lessons; some often stay away, the ones a case manager should pick up.
        var presence = people.ToDictionary(p => p.Id, _ => random.NextDouble() switch { < 0.7 => 0.9, < 0.9 => 0.75, _ => 0.5 });

        var pvts = new List<Planned>();
        var courses = new List<(CourseGroup Group, List<Guid> Members, DateOnly Start)>();
        for (var i = 0; i < people.Count; i += GroupSize)
        {
            var chunk = people.Skip(i).Take(GroupSize).ToList();
            var pvtStart = CalendarPeriod.MondayOf(chunk[^1].HousingDate.AddDays(random.Next(21, 60)));
            if (pvtStart > today)
            {
                break;
            }
            var number = (i / GroupSize) + 1;
            var pvt = new CourseGroup(municipalityId, new CourseGroupDetails(CourseKind.Pvt,
                $"PVT {pvtStart.ToString("MMMM yyyy", DutchFormat.Culture)} groep {number}", "Taalschool Amersfoort", "Bibliotheek Eemhuis", pvtStart, null));
            var sessions = TrajectoryRequirements.PlanPvt(new PvtTemplate(pvtStart, [DayOfWeek.Monday, DayOfWeek.Thursday],
                new TimeOnly(9, 30), new TimeOnly(11, 30), new TimeOnly(12, 30), new TimeOnly(14, 30)), PvtPractice.Default).Sessions.ToList();
            // A few people are exempt from the PVT (they did it elsewhere) and join only the language course.
            var pvtMembers = chunk.Where(_ => random.NextDouble() < 0.92).Select(p => p.Id).ToList();
            pvts.Add(new Planned(pvt, [.. pvtMembers.Select(id => new Enrolment(pvt, id, municipalityId, pvtStart, RecordedBy, now))], sessions));

            // The language course starts beside the PVT, on the mornings the PVT leaves free.
            var courseStart = pvtStart.AddDays(8);
            var course = new CourseGroup(municipalityId, new CourseGroupDetails(CourseKind.LanguageCourse,
                $"Taalcursus groep {number}", "Taalhuis Amersfoort", "Buurthuis De Kruiskamp", courseStart, null));
            courses.Add((course, [.. chunk.Select(p => p.Id)], courseStart));
        }

        // How many PVT rows there will be, and how many language lessons each course needs for the rest.
        var pvtRows = pvts.Sum(p => (long)p.Sessions.Count(s => s.Date < today) * p.Enrolments.Count);
        var lessonsHeld = courses.Select(c => (Members: (long)c.Members.Count, Held: LessonDates(c.Start, int.MaxValue, today).Count(d => d < today))).ToList();
        var (low, high) = (0, 5000);
        while (low < high)
        {
            var mid = (low + high) / 2;
            var rows = pvtRows + lessonsHeld.Sum(c => c.Members * Math.Min(mid, c.Held));
            (low, high) = rows >= attendanceWanted ? (low, mid) : (mid + 1, high);
        }
        var lessons = low;
        var plans = pvts.ToList();
        foreach (var (group, members, start) in courses)
        {
            // Lessons already held, and the next few weeks planned.
            var dates = LessonDates(start, lessons, today.AddDays(28)).ToList();
            if (dates.Count == 0 || start > today)
            {
                continue;
            }
            plans.Add(new Planned(group, [.. members.Select(id => new Enrolment(group, id, municipalityId, start, RecordedBy, now))],
                [.. dates.Select((d, n) => new SessionDetails(d, new TimeOnly(9, 0), new TimeOnly(11, 30), SessionKind.LanguageLesson, $"Les {n + 1}", null))]));
        }

        for (var i = 0; i < plans.Count; i += 200)
        {
            foreach (var plan in plans.Skip(i).Take(200))
            {
                db.CourseGroups.Add(plan.Group);
                db.Enrolments.AddRange(plan.Enrolments);
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        var made = plans.SelectMany(p => p.Sessions.Select(details => (Session: new Session(p.Group, details), p.Enrolments))).ToList();
        await using var transaction = provider == DatabaseProvider.Sqlite ? await db.Database.BeginTransactionAsync() : null;
        await using (var sessionTable = await BulkTable<Session>.OpenAsync(db, provider))
        {
            foreach (var (session, _) in made)
            {
                await sessionTable.WriteAsync(session);
            }
        }
        long written;
        await using (var attendance = await BulkTable<AttendanceRecord>.OpenAsync(db, provider))
        {
            foreach (var (session, enrolments) in made.Where(m => m.Session.Date < today).OrderBy(m => m.Session.Date).ThenBy(m => m.Session.Id))
            {
                var at = new DateTimeOffset(session.Date, session.EndTime, TimeSpan.Zero);
                foreach (var enrolment in enrolments)
                {
                    if (attendance.Written >= attendanceWanted)
                    {
                        break;
                    }
                    var roll = random.NextDouble();
                    var value = roll < presence[enrolment.NewcomerId] ? Attendance.Present
                        : roll < presence[enrolment.NewcomerId] + ((1 - presence[enrolment.NewcomerId]) / 2) ? Attendance.ExcusedAbsence
                        : Attendance.UnexcusedAbsence;
                    await attendance.WriteAsync(new AttendanceRecord(session, enrolment.NewcomerId, value, RecordedBy, at));
                }
            }
            written = attendance.Written;
        }
        if (transaction is not null)
        {
            await transaction.CommitAsync();
        }
        return (made.Count, written);
    }

    /// <summary>Tuesdays, Wednesdays and Fridays from the start, at most this many, before the given day.</summary>
    private static IEnumerable<DateOnly> LessonDates(DateOnly start, int count, DateOnly before)
    {
        var made = 0;
        for (var day = start; day < before && made < count; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Tuesday or DayOfWeek.Wednesday or DayOfWeek.Friday)
            {
                made++;
                yield return day;
            }
        }
    }
}
