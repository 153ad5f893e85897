using Thuis.Web.Features.Trajectories;

namespace Thuis.Web.Tests;

public sealed class TrajectoryRequirementsTests
{
    private static readonly DateOnly Monday = new(2026, 11, 2);
    private static readonly TimeOnly NineThirty = new(9, 30);
    private static readonly TimeOnly HalfTwelve = new(11, 30);

    private static PvtTemplate Template(DateOnly start, params DayOfWeek[] days) =>
        new(start, days, NineThirty, HalfTwelve, new TimeOnly(12, 30), new TimeOnly(14, 30));

    [Fact]
    public void The_PVT_template_plans_26_lessons_within_three_months_and_a_workshop_on_each_of_the_eight_themes()
    {
        var planned = TrajectoryRequirements.PlanPvt(Template(Monday, DayOfWeek.Monday, DayOfWeek.Thursday), PvtPractice.Default);

        Assert.Null(planned.Refusal);
        var lessons = planned.Sessions.Where(s => s.Kind == SessionKind.LanguageLesson).ToList();
        var workshops = planned.Sessions.Where(s => s.Kind == SessionKind.Workshop).ToList();
        Assert.Equal(26, lessons.Count);
        Assert.Equal(Monday, lessons[0].Date);
        Assert.Equal(new DateOnly(2027, 1, 28), lessons[^1].Date);
        Assert.True(lessons[^1].Date <= new DateOnly(2027, 2, 1));
        Assert.All(lessons, l => Assert.Contains(l.Date.DayOfWeek, new[] { DayOfWeek.Monday, DayOfWeek.Thursday }));
        Assert.Equal(26, lessons.Select(l => l.Date).Distinct().Count());
        Assert.All(lessons, l => Assert.Equal((NineThirty, HalfTwelve), (l.Start, l.End)));

        Assert.Equal(TrajectoryRequirements.PvtThemes, workshops.Select(w => w.Theme!.Value).ToList());
        Assert.Equal(8, workshops.Select(w => w.Theme).Distinct().Count());
        // Every workshop follows a lesson on the same day; the declaration is signed on the last day.
        Assert.All(workshops, w => Assert.Contains(w.Date, lessons.Select(l => l.Date)));
        Assert.Equal(WorkshopTheme.DutchValues, workshops[^1].Theme);
        Assert.Equal(lessons[^1].Date, workshops[^1].Date);
        Assert.Equal([lessons[2].Date, lessons[5].Date, lessons[8].Date, lessons[12].Date], workshops.Take(4).Select(w => w.Date));
        Assert.Equal(planned.Sessions.OrderBy(s => s.Date).ThenBy(s => s.Start), planned.Sessions);
    }

    [Fact]
    public void With_three_lesson_days_the_26_lessons_take_nine_weeks()
    {
        var planned = TrajectoryRequirements.PlanPvt(Template(Monday, DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday), PvtPractice.Default);

        Assert.Null(planned.Refusal);
        var lessons = planned.Sessions.Where(s => s.Kind == SessionKind.LanguageLesson).ToList();
        Assert.Equal(26, lessons.Count);
        Assert.Equal(new DateOnly(2026, 12, 30), lessons[^1].Date);
    }

    [Fact]
    public void One_lesson_day_a_week_cannot_fit_26_lessons_in_three_months()
    {
        var planned = TrajectoryRequirements.PlanPvt(Template(Monday, DayOfWeek.Tuesday), PvtPractice.Default);

        Assert.Empty(planned.Sessions);
        Assert.Equal("Op deze lesdagen passen geen 26 taallessen tussen de startdatum en 1 februari 2027. Kies meer lesdagen, of een startdatum die op een lesdag valt.", planned.Refusal);
    }

    [Fact]
    public void Two_lesson_days_late_in_the_week_of_a_February_start_just_miss_the_three_months()
    {
        // From Monday 1 February 2027 the 26th lesson on a Friday or Saturday falls on 1 May, one day too late.
        var planned = TrajectoryRequirements.PlanPvt(Template(new DateOnly(2027, 2, 1), DayOfWeek.Friday, DayOfWeek.Saturday), PvtPractice.Default);
        Assert.NotNull(planned.Refusal);
        Assert.Equal(new DateOnly(2027, 4, 30), TrajectoryRequirements.PvtLastDay(new DateOnly(2027, 2, 1), PvtPractice.Default));

        Assert.Null(TrajectoryRequirements.PlanPvt(Template(new DateOnly(2027, 2, 1), DayOfWeek.Monday, DayOfWeek.Friday), PvtPractice.Default).Refusal);
    }

    [Fact]
    public void The_template_refuses_no_lesson_days_reversed_times_and_a_workshop_during_the_lesson()
    {
        Assert.Equal("Kies minstens één lesdag.", TrajectoryRequirements.PlanPvt(Template(Monday), PvtPractice.Default).Refusal);
        Assert.Equal("De eindtijd moet na de begintijd liggen.", TrajectoryRequirements.PlanPvt(
            new PvtTemplate(Monday, [DayOfWeek.Monday, DayOfWeek.Thursday], HalfTwelve, NineThirty, new TimeOnly(12, 30), new TimeOnly(14, 30)), PvtPractice.Default).Refusal);
        Assert.Equal("Een workshop valt op een lesdag; laat hem niet samenvallen met de les.", TrajectoryRequirements.PlanPvt(
            new PvtTemplate(Monday, [DayOfWeek.Monday, DayOfWeek.Thursday], NineThirty, HalfTwelve, new TimeOnly(11, 0), new TimeOnly(13, 0)), PvtPractice.Default).Refusal);
    }

    [Fact]
    public void The_PVT_and_the_MAP_keep_the_law_apart_from_the_municipalitys_practice_and_other_groups_have_none()
    {
        var pvt = TrajectoryRequirements.Pvt(PvtPractice.Default);
        Assert.Equal((12m, 0m), (pvt.LawHours, pvt.LawPracticeHours));
        Assert.Equal([WorkshopTheme.DutchValues], pvt.LawThemes);
        Assert.Equal((26, 8), (pvt.PracticeLessons, pvt.PracticeThemes.Count));
        Assert.Equal("wet: minstens 12 uur, met de ondertekening van de participatieverklaring; werkwijze van de gemeente: 26 taallessen en een workshop over elk van de 8 thema's", pvt.Summary);

        var own = TrajectoryRequirements.Pvt(new PvtPractice(0, false, 2));
        Assert.Equal((0, 1), (own.PracticeLessons, own.Themes.Count));
        Assert.Null(own.PracticeSummary);

        var map = TrajectoryRequirements.Map;
        Assert.Equal((0m, 40m, 8, 0), (map.LawHours, map.LawPracticeHours, map.LawThemes.Count, map.PracticeLessons));
        Assert.Equal("wet: minstens 40 uur praktijk (werkervaring in een taalrijke omgeving) en de 8 thema's; niet voor de onderwijsroute", map.Summary);
        Assert.Equal(["beroepsoriëntatie", "werknemerscompetenties", "realistisch beroepsbeeld", "beroepsperspectief", "beroepscompetenties verwerven",
            "netwerk opbouwen", "werk vinden", "werkcultuur"], TrajectoryRequirements.MapThemes.Select(t => t.Dutch()));
        Assert.Empty(TrajectoryRequirements.PvtThemes.Intersect(TrajectoryRequirements.MapThemes));
        Assert.Same(map, TrajectoryRequirements.For(CourseKind.Map, PvtPractice.Default));
        Assert.Equal(pvt.Summary, TrajectoryRequirements.For(CourseKind.Pvt, PvtPractice.Default)!.Summary);
        Assert.Null(TrajectoryRequirements.For(CourseKind.LanguageCourse, PvtPractice.Default));
        Assert.Null(TrajectoryRequirements.For(CourseKind.WorkshopSeries, PvtPractice.Default));
        Assert.Contains(SessionKind.Practice, TrajectoryRequirements.SessionKindsFor(CourseKind.Map));
        Assert.DoesNotContain(SessionKind.Practice, TrajectoryRequirements.SessionKindsFor(CourseKind.Pvt));
    }

    [Theory]
    [InlineData(-1, 3, "Kies 0 tot en met 60 taallessen.")]
    [InlineData(61, 3, "Kies 0 tot en met 60 taallessen.")]
    [InlineData(26, 0, "Kies 1 tot en met 12 maanden.")]
    [InlineData(26, 13, "Kies 1 tot en met 12 maanden.")]
    [InlineData(0, 1, null)]
    [InlineData(60, 12, null)]
    public void A_municipalitys_PVT_practice_stays_within_sensible_bounds(int lessons, int months, string? refusal) =>
        Assert.Equal(refusal, new PvtPractice(lessons, true, months).Refusal);

    [Fact]
    public void The_template_plans_to_the_municipalitys_practice_and_never_below_the_law_s_twelve_hours()
    {
        var six = TrajectoryRequirements.PlanPvt(Template(Monday, DayOfWeek.Monday, DayOfWeek.Thursday), new PvtPractice(6, false, 1));
        Assert.Null(six.Refusal);
        Assert.Equal(6, six.Sessions.Count(s => s.Kind == SessionKind.LanguageLesson));
        var signing = Assert.Single(six.Sessions, s => s.Kind == SessionKind.Workshop);
        Assert.Equal((WorkshopTheme.DutchValues, new DateOnly(2026, 11, 19)), (signing.Theme!.Value, signing.Date));

        var onlyWorkshops = TrajectoryRequirements.PlanPvt(Template(Monday, DayOfWeek.Monday, DayOfWeek.Thursday), new PvtPractice(0, true, 3));
        Assert.Null(onlyWorkshops.Refusal);
        Assert.Equal(8, onlyWorkshops.Sessions.Count);
        Assert.Equal(8, onlyWorkshops.Sessions.Select(s => s.Date).Distinct().Count());

        var tooShort = TrajectoryRequirements.PlanPvt(Template(Monday, DayOfWeek.Monday), new PvtPractice(0, false, 1));
        Assert.Empty(tooShort.Sessions);
        Assert.Equal("Deze lessen en workshops duren samen 2 uur; de wet vraagt minstens 12 uur. Maak de lessen of workshops langer.", tooShort.Refusal);
        Assert.Equal("Op deze lesdagen passen geen 8 workshops tussen de startdatum en 1 december 2026. Kies meer lesdagen, of een startdatum die op een lesdag valt.",
            TrajectoryRequirements.PlanPvt(Template(Monday, DayOfWeek.Monday), new PvtPractice(0, true, 1)).Refusal);
    }

    [Fact]
    public void Counters_count_only_sessions_held_since_joining_with_exact_hours_and_percentage()
    {
        var today = new DateOnly(2026, 11, 23);
        var since = new DateOnly(2026, 11, 3);
        var lessons = Enumerable.Range(0, 8).Select(i => Lesson(since.AddDays(2 * i))).ToList(); // 3 .. 17 November
        var beforeJoining = Lesson(new DateOnly(2026, 11, 2));
        var money = Workshop(new DateOnly(2026, 11, 10), WorkshopTheme.Money, new TimeOnly(12, 0), new TimeOnly(13, 30));
        var care = Workshop(new DateOnly(2026, 11, 17), WorkshopTheme.Care, new TimeOnly(12, 0), new TimeOnly(13, 30));
        var todayNotYetRecorded = Lesson(today);
        var future = Lesson(new DateOnly(2026, 11, 26));
        var attendance = new Dictionary<Guid, Attendance>
        {
            [beforeJoining.Id] = Attendance.Present,
            [lessons[0].Id] = Attendance.Present,
            [lessons[1].Id] = Attendance.Present,
            [lessons[2].Id] = Attendance.ExcusedAbsence,
            [lessons[3].Id] = Attendance.Present,
            [lessons[4].Id] = Attendance.UnexcusedAbsence,
            [lessons[5].Id] = Attendance.Present,
            [lessons[6].Id] = Attendance.Present,
            // lessons[7] not recorded
            [money.Id] = Attendance.Present,
            [care.Id] = Attendance.UnexcusedAbsence,
        };

        var progress = TrajectoryProgress.Compute(TrajectoryRequirements.Pvt(PvtPractice.Default),
            [beforeJoining, .. lessons, money, care, todayNotYetRecorded, future], since, today, attendance);

        Assert.Equal(10, progress.SessionsHeld);
        Assert.Equal(6, progress.Present);
        Assert.Equal(5, progress.LessonsAttended);
        Assert.Equal(11.5m, progress.HoursAttended);
        Assert.Equal(1, progress.ExcusedAbsences);
        Assert.Equal(2, progress.UnexcusedAbsences);
        Assert.Equal(1, progress.NotRecorded);
        Assert.Equal(60, progress.AttendancePercentage);
        Assert.Equal([WorkshopTheme.Money], progress.ThemesCovered);
        Assert.Equal(12, progress.SessionsPlanned);
        Assert.Equal(21, progress.LessonsToGo);
        Assert.Equal(0.5m, progress.HoursToGo);
        Assert.Equal(7, progress.ThemesToGo.Count);
        Assert.False(progress.RequirementMet);
        Assert.False(progress.LawMet);
        Assert.Equal("wet: nog 0,5 uur, de ondertekening van de participatieverklaring te gaan; werkwijze gemeente: nog 21 lessen, nog 6 thema's te gaan", progress.Verdict);
    }

    [Fact]
    public void A_session_today_counts_as_held_once_attendance_is_recorded()
    {
        var today = new DateOnly(2026, 11, 23);
        var recorded = Lesson(today, attendanceRecorded: true);
        var progress = TrajectoryProgress.Compute(null, [recorded], today, today, new Dictionary<Guid, Attendance> { [recorded.Id] = Attendance.Present });

        Assert.Equal((1, 1, 100), (progress.SessionsHeld, progress.Present, progress.AttendancePercentage!.Value));
        Assert.Equal("geen wettelijke eis", progress.Verdict);
        Assert.Null(TrajectoryProgress.Compute(null, [Lesson(today)], today, today, new Dictionary<Guid, Attendance>()).AttendancePercentage);
    }

    [Fact]
    public void The_percentage_rounds_half_away_from_zero()
    {
        var today = new DateOnly(2026, 11, 23);
        var sessions = Enumerable.Range(1, 8).Select(i => Lesson(today.AddDays(-i))).ToList();
        var oneOfEight = TrajectoryProgress.Compute(null, sessions, today.AddDays(-30), today, new Dictionary<Guid, Attendance> { [sessions[0].Id] = Attendance.Present });
        var twoOfThree = TrajectoryProgress.Compute(null, sessions.Take(3), today.AddDays(-30), today,
            new Dictionary<Guid, Attendance> { [sessions[0].Id] = Attendance.Present, [sessions[1].Id] = Attendance.Present });

        Assert.Equal(13, oneOfEight.AttendancePercentage);
        Assert.Equal(67, twoOfThree.AttendancePercentage);
    }

    [Fact]
    public void A_PVT_is_done_with_the_law_and_the_practice_and_a_MAP_with_40_practice_hours_and_eight_themes()
    {
        var start = new DateOnly(2026, 6, 1);
        var requirement = TrajectoryRequirements.Pvt(PvtPractice.Default);
        var planned = TrajectoryRequirements.PlanPvt(Template(start, DayOfWeek.Monday, DayOfWeek.Thursday), PvtPractice.Default).Sessions
            .Select(d => new SessionFact(Guid.NewGuid(), d.Date, d.Start, d.End, d.Kind, d.Theme, true)).ToList();
        var all = planned.ToDictionary(s => s.Id, _ => Attendance.Present);

        var done = TrajectoryProgress.Compute(requirement, planned, start, new DateOnly(2026, 11, 1), all);
        Assert.True(done.RequirementMet);
        Assert.Equal("eis voldaan", done.Verdict);
        Assert.Equal(26 * 2 + 8 * 2, done.HoursAttended);

        all[planned.First(s => s.Kind == SessionKind.LanguageLesson).Id] = Attendance.ExcusedAbsence;
        var missedOne = TrajectoryProgress.Compute(requirement, planned, start, new DateOnly(2026, 11, 1), all);
        Assert.True(missedOne.LawMet);
        Assert.Equal("wettelijke eis voldaan; werkwijze gemeente: nog 1 les te gaan", missedOne.Verdict);

        var workshops = TrajectoryRequirements.MapThemes.Select((theme, i) => Workshop(start.AddDays(7 * i), theme, new TimeOnly(9, 0), new TimeOnly(14, 0))).ToList();
        var onlyWorkshops = TrajectoryProgress.Compute(TrajectoryRequirements.Map, workshops, start, new DateOnly(2026, 11, 1), workshops.ToDictionary(s => s.Id, _ => Attendance.Present));
        Assert.Equal((40m, 0m), (onlyWorkshops.HoursAttended, onlyWorkshops.PracticeHoursAttended));
        Assert.Equal("wet: nog 40 uur praktijk te gaan", onlyWorkshops.Verdict);

        var practice = Enumerable.Range(0, 5).Select(i => new SessionFact(Guid.NewGuid(), start.AddDays(7 * i + 2), new TimeOnly(9, 0), new TimeOnly(17, 0), SessionKind.Practice, null, true)).ToList();
        var map = TrajectoryProgress.Compute(TrajectoryRequirements.Map, [.. workshops, .. practice], start, new DateOnly(2026, 11, 1),
            workshops.Concat(practice).ToDictionary(s => s.Id, _ => Attendance.Present));
        Assert.Equal(40m, map.PracticeHoursAttended);
        Assert.True(map.RequirementMet);
        Assert.Equal("eis voldaan", map.Verdict);
    }

    [Fact]
    public void A_calendar_shows_monday_to_sunday_weeks_and_whole_weeks_for_a_month()
    {
        var week = CalendarPeriod.Parse("week", "2026-11-26", new DateOnly(2000, 1, 1));
        Assert.Equal((new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 29)), (week.First, week.Last));
        Assert.Equal((new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 30)), (week.Previous, week.Next));
        Assert.Equal("Week 48: 23 november 2026 tot en met 29 november 2026", week.Caption);

        var month = CalendarPeriod.Parse("maand", "2026-11-26", new DateOnly(2000, 1, 1));
        Assert.Equal("november 2026", month.Caption);
        Assert.Equal(6, month.Weeks.Count);
        Assert.Equal(new DateOnly(2026, 10, 26), month.Weeks[0][0]);
        Assert.Equal(new DateOnly(2026, 12, 6), month.Weeks[^1][^1]);
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 1)), (month.Previous, month.Next));
        Assert.Equal("weergave=maand&datum=2026-12-01", month.Query(month.Next));

        var fallback = CalendarPeriod.Parse(null, "geen datum", new DateOnly(2026, 11, 23));
        Assert.Equal((false, new DateOnly(2026, 11, 23)), (fallback.IsMonth, fallback.First));
    }

    private static SessionFact Lesson(DateOnly date, bool attendanceRecorded = false) =>
        new(Guid.NewGuid(), date, new TimeOnly(9, 30), new TimeOnly(11, 30), SessionKind.LanguageLesson, null, attendanceRecorded);

    private static SessionFact Workshop(DateOnly date, WorkshopTheme theme, TimeOnly start, TimeOnly end) =>
        new(Guid.NewGuid(), date, start, end, SessionKind.Workshop, theme, true);
}
