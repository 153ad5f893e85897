namespace Thuis.Web.Features.Plans;

public enum LearningRoute
{
    B1,
    /// <summary>Onderwijsroute: only for people younger than 28.</summary>
    Education,
    /// <summary>Z-route: self-reliance and participation, without exams.</summary>
    Z,
}

/// <summary>
/// The dates the Wet inburgering 2021 counts with, in one small place. Calendar dates in Dutch days;
/// a period of years that would end on 29 February in a year without one ends on 28 February.
/// </summary>
public static class IntegrationLaw
{
    /// <summary>The PIP must be fixed within this many weeks of registration in the municipality (a municipal setting).</summary>
    public const int DefaultPipWeeks = 10;

    /// <summary>The participation declaration trajectory starts within this many days of housing (a municipal setting).</summary>
    public const int DefaultPvtStartDays = 14;

    public const int TermYears = 3;

    public const int RouteSwitchMonths = 18;

    public const int EducationRouteAgeLimit = 28;

    public static DateOnly PipDeadline(DateOnly registeredInMunicipality, int weeks = DefaultPipWeeks) =>
        registeredInMunicipality.AddDays(7 * weeks);

    public static DateOnly PvtStartDeadline(DateOnly housed, int days = DefaultPvtStartDays) => housed.AddDays(days);

    /// <summary>
    /// The inburgeringstermijn starts the day after the first PIP's decision date (dagtekening) and lasts three years,
    /// so its last day is the third anniversary of that decision date. A later version of the plan does not move it.
    /// </summary>
    public static DateOnly TermStarts(DateOnly firstDecisionDate) => firstDecisionDate.AddDays(1);

    public static DateOnly TermLastDay(DateOnly firstDecisionDate) => firstDecisionDate.AddYears(TermYears);

    /// <summary>The last day a switch of learning route is still allowed.</summary>
    public static DateOnly RouteSwitchLastDay(DateOnly firstDecisionDate) => firstDecisionDate.AddMonths(RouteSwitchMonths);

    public static int AgeOn(DateOnly born, DateOnly day)
    {
        var age = day.Year - born.Year;
        return born.AddYears(age) > day ? age - 1 : age;
    }

    /// <summary>Why a route may not be chosen for this person on this day, or null when it may.</summary>
    public static string? RouteRefusal(LearningRoute route, DateOnly born, DateOnly decisionDate) =>
        route == LearningRoute.Education && AgeOn(born, decisionDate) >= EducationRouteAgeLimit
            ? $"De onderwijsroute is alleen mogelijk tot {EducationRouteAgeLimit} jaar; deze persoon is dan {AgeOn(born, decisionDate)}."
            : null;
}
