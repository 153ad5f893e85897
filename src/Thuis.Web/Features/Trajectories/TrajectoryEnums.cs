namespace Thuis.Web.Features.Trajectories;

/// <summary>What a course group is for; the PVT and the MAP carry a legal requirement.</summary>
public enum CourseKind
{
    /// <summary>Participatieverklaringstraject: by law at least 12 hours with the signing of the declaration; the municipality adds its own practice.</summary>
    Pvt,
    LanguageCourse,
    /// <summary>Module Arbeidsmarkt en Participatie: at least 40 hours of practice and eight themes; not on the onderwijsroute.</summary>
    Map,
    WorkshopSeries,
}

public enum SessionKind
{
    LanguageLesson,
    Workshop,
    /// <summary>The MAP's practical component: work experience in a language-rich place; its hours count toward the 40.</summary>
    Practice,
}

/// <summary>
/// The themes of PVT and MAP workshops; the first eight are the PVT's (a municipality's practice, the last one where
/// the participation declaration is signed), the last eight the MAP's as the law's programme names them.
/// </summary>
public enum WorkshopTheme
{
    Money,
    WorkAndEducation,
    Care,
    Housing,
    Leisure,
    PoliticsAndDemocracy,
    HistoryAndCulture,
    /// <summary>Nederlandse waarden: the workshop where the participation declaration is signed.</summary>
    DutchValues,
    MapCareerOrientation,
    MapEmployeeCompetences,
    MapRealisticPicture,
    MapProspects,
    MapGainingCompetences,
    MapNetwork,
    MapFindingWork,
    MapWorkCulture,
}

/// <summary>Aanwezigheid at one session.</summary>
public enum Attendance
{
    Present,
    ExcusedAbsence,
    UnexcusedAbsence,
}

public static class TrajectoryTexts
{
    public static string Dutch(this CourseKind value) => value switch
    {
        CourseKind.Pvt => "participatieverklaringstraject (PVT)",
        CourseKind.LanguageCourse => "taalcursus",
        CourseKind.Map => "Module Arbeidsmarkt en Participatie (MAP)",
        _ => "workshopreeks",
    };

    public static string Abbreviation(this CourseKind value) => value switch
    {
        CourseKind.Pvt => "PVT",
        CourseKind.LanguageCourse => "taalcursus",
        CourseKind.Map => "MAP",
        _ => "workshopreeks",
    };

    public static string Dutch(this SessionKind value) => value switch
    {
        SessionKind.LanguageLesson => "taalles",
        SessionKind.Practice => "praktijk (werkervaring)",
        _ => "workshop",
    };

    public static string Dutch(this WorkshopTheme value) => value switch
    {
        WorkshopTheme.Money => "geld",
        WorkshopTheme.WorkAndEducation => "werk en opleiding",
        WorkshopTheme.Care => "zorg",
        WorkshopTheme.Housing => "wonen",
        WorkshopTheme.Leisure => "vrije tijd",
        WorkshopTheme.PoliticsAndDemocracy => "politiek en democratie",
        WorkshopTheme.HistoryAndCulture => "geschiedenis en cultuur van Nederland en de gemeente",
        WorkshopTheme.DutchValues => "Nederlandse waarden (ondertekening participatieverklaring)",
        WorkshopTheme.MapCareerOrientation => "beroepsoriëntatie",
        WorkshopTheme.MapEmployeeCompetences => "werknemerscompetenties",
        WorkshopTheme.MapRealisticPicture => "realistisch beroepsbeeld",
        WorkshopTheme.MapProspects => "beroepsperspectief",
        WorkshopTheme.MapGainingCompetences => "beroepscompetenties verwerven",
        WorkshopTheme.MapNetwork => "netwerk opbouwen",
        WorkshopTheme.MapFindingWork => "werk vinden",
        _ => "werkcultuur",
    };

    public static string Dutch(this Attendance value) => value switch
    {
        Attendance.Present => "aanwezig",
        Attendance.ExcusedAbsence => "geoorloofd afwezig",
        _ => "ongeoorloofd afwezig",
    };
}
