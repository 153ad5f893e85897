using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;

namespace Thuis.Web.Features.Trajectories;

/// <summary>
/// A municipality's own practice for the PVT, on top of the law: how many language lessons, whether there is a
/// workshop on each of the eight themes, and within how many months of its start the trajectory runs. The default
/// is Zoetermeer's practice that the project started from: 26 lessons and eight workshops in three months.
/// </summary>
public sealed record PvtPractice(int Lessons, bool ThemedWorkshops, int Months)
{
    public const int MaxLessons = 60;
    public const int MaxMonths = 12;

    public static PvtPractice Default { get; } = new(26, true, 3);

    /// <summary>Why these choices cannot be a municipality's practice, or null.</summary>
    public string? Refusal => Lessons is < 0 or > MaxLessons ? $"Kies 0 tot en met {MaxLessons} taallessen."
        : Months is < 1 or > MaxMonths ? $"Kies 1 tot en met {MaxMonths} maanden."
        : null;
}

/// <summary>
/// What a person must have attended for a kind of group to count as done, with what the law asks and what the
/// municipality adds kept apart so that every page can say which is which.
/// </summary>
public sealed record TrajectoryRequirement(
    CourseKind Kind,
    decimal LawHours,
    decimal LawPracticeHours,
    IReadOnlyList<WorkshopTheme> LawThemes,
    int PracticeLessons,
    IReadOnlyList<WorkshopTheme> PracticeThemes)
{
    /// <summary>Every theme a person must have covered, the law's first.</summary>
    public IReadOnlyList<WorkshopTheme> Themes => [.. LawThemes.Union(PracticeThemes)];

    /// <summary>Whether these counters meet the law and the municipality's practice together.</summary>
    public bool IsMetBy(int lessons, decimal hours, decimal practiceHours, IEnumerable<WorkshopTheme> themes) =>
        lessons >= PracticeLessons && hours >= LawHours && practiceHours >= LawPracticeHours && !Themes.Except(themes).Any();

    /// <summary>What the law asks, in Dutch.</summary>
    public string LawSummary => Kind switch
    {
        CourseKind.Pvt => $"minstens {LawHours:0} uur, met de ondertekening van de participatieverklaring",
        _ => $"minstens {LawPracticeHours:0} uur praktijk (werkervaring in een taalrijke omgeving) en de {LawThemes.Count} thema's; niet voor de onderwijsroute",
    };

    /// <summary>What the municipality adds, in Dutch; null when it adds nothing.</summary>
    public string? PracticeSummary
    {
        get
        {
            var parts = new List<string>();
            if (PracticeLessons > 0)
            {
                parts.Add($"{PracticeLessons} taallessen");
            }
            if (PracticeThemes.Except(LawThemes).Any())
            {
                parts.Add($"een workshop over elk van de {PracticeThemes.Count} thema's");
            }
            return parts.Count == 0 ? null : string.Join(" en ", parts);
        }
    }

    public string Summary => PracticeSummary is { } practice ? $"wet: {LawSummary}; werkwijze van de gemeente: {practice}" : $"wet: {LawSummary}";
}

/// <summary>The PVT template's choices: the start date, lesson days and the times of lessons and workshops.</summary>
public sealed record PvtTemplate(
    DateOnly Start, IReadOnlyCollection<DayOfWeek> LessonDays, TimeOnly LessonStart, TimeOnly LessonEnd, TimeOnly WorkshopStart, TimeOnly WorkshopEnd);

/// <summary>The sessions a template plans, or why it cannot plan them.</summary>
public sealed record PlannedSessions(IReadOnlyList<SessionDetails> Sessions, string? Refusal);

/// <summary>
/// The requirements of the trajectories in one place, the law apart from a municipality's practice (docs/law.md,
/// section 7). The law, as Divosa's overview of the Wet inburgering 2021 and the Besluit describes it (the articles'
/// own wording could not be read): the PVT is at least 12 hours including the signing of the participation
/// declaration, and an introduction to the core values; the MAP has a practical component of at least 40 hours and
/// eight themes, and the onderwijsroute is exempt from it. Everything else about the PVT — language lessons, the eight
/// themed workshops, the months it runs — is the municipality's <see cref="PvtPractice"/>.
/// </summary>
public static class TrajectoryRequirements
{
    public const decimal PvtLawHours = 12;
    public const decimal MapLawPracticeHours = 40;

    public static IReadOnlyList<WorkshopTheme> PvtThemes { get; } =
    [
        WorkshopTheme.Money, WorkshopTheme.WorkAndEducation, WorkshopTheme.Care, WorkshopTheme.Housing, WorkshopTheme.Leisure,
        WorkshopTheme.PoliticsAndDemocracy, WorkshopTheme.HistoryAndCulture, WorkshopTheme.DutchValues,
    ];

    public static IReadOnlyList<WorkshopTheme> MapThemes { get; } =
    [
        WorkshopTheme.MapCareerOrientation, WorkshopTheme.MapEmployeeCompetences, WorkshopTheme.MapRealisticPicture, WorkshopTheme.MapProspects,
        WorkshopTheme.MapGainingCompetences, WorkshopTheme.MapNetwork, WorkshopTheme.MapFindingWork, WorkshopTheme.MapWorkCulture,
    ];

    /// <summary>The workshop where the participation declaration is signed; the law asks for the signing.</summary>
    public static WorkshopTheme Signing => WorkshopTheme.DutchValues;

    public static TrajectoryRequirement Pvt(PvtPractice practice) =>
        new(CourseKind.Pvt, PvtLawHours, 0, [Signing], practice.Lessons, practice.ThemedWorkshops ? PvtThemes : []);

    public static TrajectoryRequirement Map { get; } = new(CourseKind.Map, 0, MapLawPracticeHours, MapThemes, 0, []);

    /// <summary>The requirement of a kind of group in a municipality; a language course or workshop series has none of its own.</summary>
    public static TrajectoryRequirement? For(CourseKind kind, PvtPractice practice) => kind switch
    {
        CourseKind.Pvt => Pvt(practice),
        CourseKind.Map => Map,
        _ => null,
    };

    /// <summary>The municipality's PVT practice as the signed-in user's municipality set it.</summary>
    public static async Task<PvtPractice> PracticeAsync(AppDbContext db, Guid? municipalityId, CancellationToken cancellationToken) =>
        municipalityId is { } id
            ? await db.Municipalities.Where(m => m.Id == id).Select(m => m.PvtPractice).SingleOrDefaultAsync(cancellationToken) ?? PvtPractice.Default
            : PvtPractice.Default;

    /// <summary>The kinds of session a group of this kind can have: practice hours belong to the MAP.</summary>
    public static IReadOnlyList<SessionKind> SessionKindsFor(CourseKind kind) => kind == CourseKind.Map
        ? [SessionKind.Workshop, SessionKind.Practice, SessionKind.LanguageLesson]
        : [SessionKind.LanguageLesson, SessionKind.Workshop];

    /// <summary>The themes a workshop of this kind of group can have.</summary>
    public static IReadOnlyList<WorkshopTheme> ThemesFor(CourseKind kind) => kind switch
    {
        CourseKind.Pvt => PvtThemes,
        CourseKind.Map => MapThemes,
        _ => [.. PvtThemes, .. MapThemes],
    };

    /// <summary>The last day of a PVT that starts on this day and runs for the municipality's months, counted like the term.</summary>
    public static DateOnly PvtLastDay(DateOnly start, PvtPractice practice) => Plans.IntegrationLaw.PeriodLastDay(start, practice.Months);

    /// <summary>
    /// Plans a PVT to the municipality's practice: its number of language lessons on the chosen weekdays from the
    /// start date, and the workshops (one per theme, or only the signing) spread over them on lesson days, after the
    /// lesson, with Nederlandse waarden — the signing — on the last day. Refused when the lessons do not fit in the
    /// practice's months, the times do not make sense, or the sessions together give fewer hours than the law asks.
    /// </summary>
    public static PlannedSessions PlanPvt(PvtTemplate template, PvtPractice practice)
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

        var themes = practice.ThemedWorkshops ? PvtThemes : [Signing];
        // The days the sessions fall on: a lesson on each, or, without lessons, one workshop a lesson day.
        var sessionDays = new List<DateOnly>();
        var needed = Math.Max(practice.Lessons, practice.Lessons == 0 ? themes.Count : 1);
        for (var day = template.Start; sessionDays.Count < needed; day = day.AddDays(1))
        {
            if (days.Contains(day.DayOfWeek))
            {
                sessionDays.Add(day);
            }
        }
        var lastDay = PvtLastDay(template.Start, practice);
        if (sessionDays[^1] > lastDay)
        {
            var what = practice.Lessons > 0 ? $"{practice.Lessons} taallessen" : $"{themes.Count} workshops";
            return Refused($"Op deze lesdagen passen geen {what} tussen de startdatum en {Platform.Localization.DutchFormat.Date(lastDay)}. Kies meer lesdagen, of een startdatum die op een lesdag valt.");
        }

        var sessions = sessionDays.Take(practice.Lessons).Select((date, i) => new SessionDetails(
            date, template.LessonStart, template.LessonEnd, SessionKind.LanguageLesson, $"Taalles {i + 1}", null)).ToList();
        for (var i = 0; i < themes.Count; i++)
        {
            // Evenly over the days, the signing on the last: with 26 lessons after lesson 3, 6, 9, 13, 16, 19, 22 and 26.
            var date = sessionDays[((i + 1) * sessionDays.Count / themes.Count) - 1];
            sessions.Add(new SessionDetails(date, template.WorkshopStart, template.WorkshopEnd, SessionKind.Workshop, $"Workshop {themes[i].Dutch()}", themes[i]));
        }
        var hours = sessions.Sum(s => (decimal)(s.End - s.Start).TotalMinutes / 60m);
        if (hours < PvtLawHours)
        {
            return Refused($"Deze lessen en workshops duren samen {hours.ToString("0.#", Platform.Localization.DutchFormat.Culture)} uur; de wet vraagt minstens {PvtLawHours:0} uur. Maak de lessen of workshops langer.");
        }
        return new PlannedSessions([.. sessions.OrderBy(s => s.Date).ThenBy(s => s.Start)], null);
    }

    private static PlannedSessions Refused(string refusal) => new([], refusal);
}
