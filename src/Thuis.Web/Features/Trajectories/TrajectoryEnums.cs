namespace Thuis.Web.Features.Trajectories;

/// <summary>What a course group is for; the PVT and the MAP carry a legal requirement.</summary>
public enum CourseKind
{
    /// <summary>Participatieverklaringstraject: at least 26 language lessons and eight workshops in three months.</summary>
    Pvt,
    LanguageCourse,
    /// <summary>Module Arbeidsmarkt en Participatie: at least 40 hours and eight themes.</summary>
    Map,
    WorkshopSeries,
}

public enum SessionKind
{
    LanguageLesson,
    Workshop,
}

/// <summary>The themes of PVT and MAP workshops; the first eight are the PVT's, the last eight the MAP's.</summary>
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
    MapOwnTalents,
    MapLabourMarket,
    MapOccupations,
    MapEducationRoutes,
    MapApplying,
    MapNetwork,
    MapWorkCulture,
    MapVolunteering,
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
        WorkshopTheme.MapOwnTalents => "eigen talenten en ambities",
        WorkshopTheme.MapLabourMarket => "de Nederlandse arbeidsmarkt",
        WorkshopTheme.MapOccupations => "beroepen verkennen",
        WorkshopTheme.MapEducationRoutes => "opleidingen en diplomawaardering",
        WorkshopTheme.MapApplying => "solliciteren",
        WorkshopTheme.MapNetwork => "netwerken",
        WorkshopTheme.MapWorkCulture => "werknemersvaardigheden en werkcultuur",
        _ => "vrijwilligerswerk en stage",
    };

    public static string Dutch(this Attendance value) => value switch
    {
        Attendance.Present => "aanwezig",
        Attendance.ExcusedAbsence => "geoorloofd afwezig",
        _ => "ongeoorloofd afwezig",
    };
}
