namespace Thuis.Web.Features.Trajectories;

/// <summary>A session as the counters see it: when, how long, what kind, and whether anyone's attendance was recorded.</summary>
public sealed record SessionFact(Guid Id, DateOnly Date, TimeOnly Start, TimeOnly End, SessionKind Kind, WorkshopTheme? Theme, bool AttendanceRecorded)
{
    /// <summary>Held so far: on an earlier day, or today once attendance has been recorded.</summary>
    public bool HeldBy(DateOnly today) => Date < today || (Date == today && AttendanceRecorded);

    public decimal Hours => (decimal)(End - Start).TotalMinutes / 60m;
}

/// <summary>
/// One person's counters in one group against the group's requirement: lessons, hours and practice hours attended,
/// absences, the attendance percentage (present out of the sessions held so far since they joined) and the workshop
/// themes covered. The one place these figures are computed; whether the law's part is met is told apart from the
/// municipality's practice.
/// </summary>
public sealed record TrajectoryProgress(
    TrajectoryRequirement? Requirement, int SessionsHeld, int Present, int LessonsAttended, decimal HoursAttended, decimal PracticeHoursAttended,
    int ExcusedAbsences, int UnexcusedAbsences, int NotRecorded, IReadOnlyList<WorkshopTheme> ThemesCovered, int SessionsPlanned)
{
    /// <summary>Whole percent, rounded half away from zero; null before the first session was held.</summary>
    public int? AttendancePercentage => SessionsHeld == 0 ? null : (int)Math.Round(100m * Present / SessionsHeld, MidpointRounding.AwayFromZero);

    public int LessonsToGo => Requirement is null ? 0 : Math.Max(0, Requirement.PracticeLessons - LessonsAttended);

    public decimal HoursToGo => Requirement is null ? 0 : Math.Max(0, Requirement.LawHours - HoursAttended);

    public decimal PracticeHoursToGo => Requirement is null ? 0 : Math.Max(0, Requirement.LawPracticeHours - PracticeHoursAttended);

    public IReadOnlyList<WorkshopTheme> ThemesToGo => Requirement is null ? [] : [.. Requirement.Themes.Except(ThemesCovered)];

    /// <summary>What the law asks is met: the hours, the practice hours and the law's themes (for the PVT: the signing).</summary>
    public bool LawMet => Requirement is not null && HoursToGo == 0 && PracticeHoursToGo == 0 && Requirement.LawThemes.All(ThemesCovered.Contains);

    /// <summary>The law and the municipality's practice are both met.</summary>
    public bool RequirementMet => Requirement is not null && Requirement.IsMetBy(LessonsAttended, HoursAttended, PracticeHoursAttended, ThemesCovered);

    /// <summary>"Eis voldaan", or what is still to go for the law and for the municipality's practice, in Dutch.</summary>
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
            var law = new List<string>();
            if (HoursToGo > 0)
            {
                law.Add($"nog {Hours(HoursToGo)} uur");
            }
            if (PracticeHoursToGo > 0)
            {
                law.Add($"nog {Hours(PracticeHoursToGo)} uur praktijk");
            }
            var lawThemesToGo = Requirement.LawThemes.Except(ThemesCovered).ToList();
            if (lawThemesToGo.Count == 1 && lawThemesToGo[0] == TrajectoryRequirements.Signing)
            {
                law.Add("de ondertekening van de participatieverklaring");
            }
            else if (lawThemesToGo.Count > 0)
            {
                law.Add(lawThemesToGo.Count == 1 ? "nog 1 thema" : $"nog {lawThemesToGo.Count} thema's");
            }
            var practice = new List<string>();
            if (LessonsToGo > 0)
            {
                practice.Add(LessonsToGo == 1 ? "nog 1 les" : $"nog {LessonsToGo} lessen");
            }
            var practiceThemesToGo = ThemesToGo.Except(Requirement.LawThemes).Count();
            if (practiceThemesToGo > 0)
            {
                practice.Add(practiceThemesToGo == 1 ? "nog 1 thema" : $"nog {practiceThemesToGo} thema's");
            }
            var lawText = law.Count == 0 ? "wettelijke eis voldaan" : "wet: " + string.Join(", ", law) + " te gaan";
            return practice.Count == 0 ? lawText : $"{lawText}; werkwijze gemeente: {string.Join(", ", practice)} te gaan";
        }
    }

    /// <summary>Hours as the pages write them: "12", "1,5".</summary>
    public static string Hours(decimal hours) => hours.ToString("0.#", Platform.Localization.DutchFormat.Culture);

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
            PracticeHoursAttended: present.Where(s => s.Kind == SessionKind.Practice).Sum(s => s.Hours),
            ExcusedAbsences: held.Count(s => Was(s, Attendance.ExcusedAbsence)),
            UnexcusedAbsences: held.Count(s => Was(s, Attendance.UnexcusedAbsence)),
            NotRecorded: held.Count(s => !attendance.ContainsKey(s.Id)),
            ThemesCovered: [.. present.Where(s => s.Kind == SessionKind.Workshop && s.Theme is not null).Select(s => s.Theme!.Value).Distinct().Order()],
            SessionsPlanned: theirs.Count);
    }
}
