namespace Thuis.Web.Features.Trajectories;

/// <summary>A session as the counters see it: when, how long, what kind, and whether anyone's attendance was recorded.</summary>
public sealed record SessionFact(Guid Id, DateOnly Date, TimeOnly Start, TimeOnly End, SessionKind Kind, WorkshopTheme? Theme, bool AttendanceRecorded)
{
    /// <summary>Held so far: on an earlier day, or today once attendance has been recorded.</summary>
    public bool HeldBy(DateOnly today) => Date < today || (Date == today && AttendanceRecorded);

    public decimal Hours => (decimal)(End - Start).TotalMinutes / 60m;
}

/// <summary>
/// One person's counters in one group against the group's requirement: lessons and hours attended, absences,
/// the attendance percentage (present out of the sessions held so far since they joined) and the workshop
/// themes covered. The one place these figures are computed.
/// </summary>
public sealed record TrajectoryProgress(
    TrajectoryRequirement? Requirement, int SessionsHeld, int Present, int LessonsAttended, decimal HoursAttended,
    int ExcusedAbsences, int UnexcusedAbsences, int NotRecorded, IReadOnlyList<WorkshopTheme> ThemesCovered, int SessionsPlanned)
{
    /// <summary>Whole percent, rounded half away from zero; null before the first session was held.</summary>
    public int? AttendancePercentage => SessionsHeld == 0 ? null : (int)Math.Round(100m * Present / SessionsHeld, MidpointRounding.AwayFromZero);

    public int LessonsToGo => Requirement is null ? 0 : Math.Max(0, Requirement.MinLessons - LessonsAttended);

    public decimal HoursToGo => Requirement is null ? 0 : Math.Max(0, Requirement.MinHours - HoursAttended);

    public IReadOnlyList<WorkshopTheme> ThemesToGo => Requirement is null ? [] : [.. Requirement.Themes.Except(ThemesCovered)];

    public bool RequirementMet => Requirement is not null && LessonsToGo == 0 && HoursToGo == 0 && ThemesToGo.Count == 0;

    /// <summary>"Voldaan", or what is still to go, in Dutch.</summary>
    public string Verdict
    {
        get
        {
            if (Requirement is null)
            {
                return "geen wettelijke eis";
            }
            if (RequirementMet)
            {
                return "eis voldaan";
            }
            var parts = new List<string>();
            if (LessonsToGo > 0)
            {
                parts.Add(LessonsToGo == 1 ? "nog 1 les" : $"nog {LessonsToGo} lessen");
            }
            if (HoursToGo > 0)
            {
                parts.Add($"nog {HoursToGo.ToString("0.#", Platform.Localization.DutchFormat.Culture)} uur");
            }
            if (ThemesToGo.Count > 0)
            {
                parts.Add(ThemesToGo.Count == 1 ? "nog 1 thema" : $"nog {ThemesToGo.Count} thema's");
            }
            return string.Join(", ", parts) + " te gaan";
        }
    }

    /// <summary>Counts one person's attendance at a group's sessions from the day they joined, as of today.</summary>
    public static TrajectoryProgress Compute(
        TrajectoryRequirement? requirement, IEnumerable<SessionFact> sessions, DateOnly since, DateOnly today, IReadOnlyDictionary<Guid, Attendance> attendance)
    {
        var theirs = sessions.Where(s => s.Date >= since).ToList();
        var held = theirs.Where(s => s.HeldBy(today)).ToList();
        bool Was(SessionFact session, Attendance value) => attendance.TryGetValue(session.Id, out var recorded) && recorded == value;
        var present = held.Where(s => Was(s, Attendance.Present)).ToList();
        return new TrajectoryProgress(
            requirement,
            SessionsHeld: held.Count,
            Present: present.Count,
            LessonsAttended: present.Count(s => s.Kind == SessionKind.LanguageLesson),
            HoursAttended: present.Sum(s => s.Hours),
            ExcusedAbsences: held.Count(s => Was(s, Attendance.ExcusedAbsence)),
            UnexcusedAbsences: held.Count(s => Was(s, Attendance.UnexcusedAbsence)),
            NotRecorded: held.Count(s => !attendance.ContainsKey(s.Id)),
            ThemesCovered: [.. present.Where(s => s.Kind == SessionKind.Workshop && s.Theme is not null).Select(s => s.Theme!.Value).Distinct().Order()],
            SessionsPlanned: theirs.Count);
    }
}
