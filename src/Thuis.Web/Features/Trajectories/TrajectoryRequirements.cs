namespace Thuis.Web.Features.Trajectories;

/// <summary>What a person must have attended for a kind of course to count as done.</summary>
public sealed record TrajectoryRequirement(CourseKind Kind, int MinLessons, decimal MinHours, IReadOnlyList<WorkshopTheme> Themes)
{
    public string Summary => Kind switch
    {
        CourseKind.Pvt => $"minstens {MinLessons} taallessen en een workshop over elk van de {Themes.Count} thema's",
        _ => $"minstens {MinHours:0} uur en de {Themes.Count} thema's",
    };
}

/// <summary>The PVT template's choices: the start date, lesson days and the times of lessons and workshops.</summary>
public sealed record PvtTemplate(
    DateOnly Start, IReadOnlyCollection<DayOfWeek> LessonDays, TimeOnly LessonStart, TimeOnly LessonEnd, TimeOnly WorkshopStart, TimeOnly WorkshopEnd);

/// <summary>The sessions a template plans, or why it cannot plan them.</summary>
public sealed record PlannedSessions(IReadOnlyList<SessionDetails> Sessions, string? Refusal);

/// <summary>
/// The legal requirements of the trajectories in one place: the PVT (Zoetermeer's practice, now law: within
/// three months at least 26 language lessons and a workshop on each of eight themes, the last one where the
/// participation declaration is signed) and the MAP (at least 40 hours covering eight themes).
/// </summary>
public static class TrajectoryRequirements
{
    public const int PvtMinLessons = 26;
    public const int PvtMonths = 3;
    public const decimal PvtMinHours = 12;
    public const decimal MapMinHours = 40;

    public static IReadOnlyList<WorkshopTheme> PvtThemes { get; } =
    [
        WorkshopTheme.Money, WorkshopTheme.WorkAndEducation, WorkshopTheme.Care, WorkshopTheme.Housing, WorkshopTheme.Leisure,
        WorkshopTheme.PoliticsAndDemocracy, WorkshopTheme.HistoryAndCulture, WorkshopTheme.DutchValues,
    ];

    public static IReadOnlyList<WorkshopTheme> MapThemes { get; } =
    [
        WorkshopTheme.MapOwnTalents, WorkshopTheme.MapLabourMarket, WorkshopTheme.MapOccupations, WorkshopTheme.MapEducationRoutes,
        WorkshopTheme.MapApplying, WorkshopTheme.MapNetwork, WorkshopTheme.MapWorkCulture, WorkshopTheme.MapVolunteering,
    ];

    public static TrajectoryRequirement Pvt { get; } = new(CourseKind.Pvt, PvtMinLessons, PvtMinHours, PvtThemes);

    public static TrajectoryRequirement Map { get; } = new(CourseKind.Map, 0, MapMinHours, MapThemes);

    /// <summary>The requirement of a kind of group; a language course or workshop series has none of its own.</summary>
    public static TrajectoryRequirement? For(CourseKind kind) => kind switch
    {
        CourseKind.Pvt => Pvt,
        CourseKind.Map => Map,
        _ => null,
    };

    /// <summary>The themes a workshop of this kind of group can have.</summary>
    public static IReadOnlyList<WorkshopTheme> ThemesFor(CourseKind kind) => kind switch
    {
        CourseKind.Pvt => PvtThemes,
        CourseKind.Map => MapThemes,
        _ => [.. PvtThemes, .. MapThemes],
    };

    /// <summary>The last day of a PVT that starts on this day: three months later, the day before the same date.</summary>
    public static DateOnly PvtLastDay(DateOnly start) => start.AddMonths(PvtMonths).AddDays(-1);

    /// <summary>
    /// Plans a PVT: the minimum of 26 language lessons on the chosen weekdays from the start date, and the eight
    /// workshops spread over them on lesson days, after the lesson, with Nederlandse waarden on the last day.
    /// Refused when the lessons do not fit in three months or the times do not make sense.
    /// </summary>
    public static PlannedSessions PlanPvt(PvtTemplate template)
    {
        var days = template.LessonDays.Distinct().ToList();
        if (days.Count == 0)
        {
            return Refused("Kies minstens één lesdag.");
        }
        if (template.LessonEnd <= template.LessonStart || template.WorkshopEnd <= template.WorkshopStart)
        {
            return Refused("De eindtijd moet na de begintijd liggen.");
        }
        if (template.WorkshopStart < template.LessonEnd && template.LessonStart < template.WorkshopEnd)
        {
            return Refused("Een workshop valt op een lesdag; laat hem niet samenvallen met de les.");
        }

        var lessonDates = new List<DateOnly>();
        for (var day = template.Start; lessonDates.Count < PvtMinLessons; day = day.AddDays(1))
        {
            if (days.Contains(day.DayOfWeek))
            {
                lessonDates.Add(day);
            }
        }
        var lastDay = PvtLastDay(template.Start);
        if (lessonDates[^1] > lastDay)
        {
            return Refused($"Op deze lesdagen passen geen {PvtMinLessons} taallessen tussen de startdatum en {Platform.Localization.DutchFormat.Date(lastDay)}. Kies meer lesdagen, of een startdatum die op een lesdag valt.");
        }

        var sessions = lessonDates.Select((date, i) => new SessionDetails(
            date, template.LessonStart, template.LessonEnd, SessionKind.LanguageLesson, $"Taalles {i + 1}", null)).ToList();
        for (var i = 0; i < PvtThemes.Count; i++)
        {
            // Evenly over the lessons: after lesson 3, 6, 9, 13, 16, 19, 22 and 26.
            var date = lessonDates[((i + 1) * lessonDates.Count / PvtThemes.Count) - 1];
            sessions.Add(new SessionDetails(date, template.WorkshopStart, template.WorkshopEnd, SessionKind.Workshop, $"Workshop {PvtThemes[i].Dutch()}", PvtThemes[i]));
        }
        return new PlannedSessions([.. sessions.OrderBy(s => s.Date).ThenBy(s => s.Start)], null);
    }

    private static PlannedSessions Refused(string refusal) => new([], refusal);
}
