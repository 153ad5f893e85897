using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Plans;

public enum LearningRoute
{
    B1,
    /// <summary>Onderwijsroute: only for people younger than 28 when the route is first given.</summary>
    Education,
    /// <summary>Z-route: self-reliance and participation, without exams.</summary>
    Z,
}

/// <summary>A fixed version of a plan as the law's route rules look at it: its decision date and its learning route.</summary>
public readonly record struct FixedRoute(DateOnly DecisionDate, LearningRoute? Route);

/// <summary>
/// The dates the Wet inburgering 2021 counts with, in one small place, as pure functions. The sources and their
/// wording are in docs/law.md.
/// <para>
/// Periods are counted the Dutch way: a period of months or years that starts on a day ends on the day before the
/// same date that many months or years later. When that date does not exist (a start on 29 February, or on the 31st
/// before a shorter month) the period runs to the end of that month. A birthday on 29 February falls on 1 March in a
/// year without one.
/// </para>
/// </summary>
public static class IntegrationLaw
{
    /// <summary>The PIP must be fixed within this many weeks of registration in the municipality (a municipal setting).</summary>
    public const int DefaultPipWeeks = 10;

    /// <summary>The participation declaration trajectory starts within this many days of housing (a municipal setting, not the law).</summary>
    public const int DefaultPvtStartDays = 14;

    // Wet inburgering 2021, art. 11 lid 1: "De inburgeringsplichtige voldoet binnen drie jaar aan de inburgeringsplicht."
    public const int TermYears = 3;

    // Besluit inburgering 2021: a learning route may change within 18 months of the term's start (see docs/law.md
    // for what could and could not be verified of this article's wording).
    public const int RouteSwitchMonths = 18;

    public const int EducationRouteAgeLimit = 28;

    /// <summary>The age from which Thuis counts the inburgeringsplicht (see <see cref="DutyStarts"/>).</summary>
    public const int DutyAge = 18;

    // Participatiewet art. 56a (inserted by the Wet inburgering 2021): the college pays the fixed costs of an asylum
    // permit holder on bijstand for six months from the start of the right to bijstand; see docs/law.md, section 8.
    public const int OntzorgenMinimumMonths = 6;

    /// <summary>
    /// Whether the law obliges the municipality to ontzorgen this person: an asylum permit holder whose income is a
    /// benefit (bijstand). Other people may be ontzorgd too, as a choice, without a minimum.
    /// </summary>
    public static bool MustOntzorgen(Dossiers.TargetGroup targetGroup, Intake.IncomeSource? income) =>
        targetGroup == Dossiers.TargetGroup.AsylumPermitHolder && income == Intake.IncomeSource.Benefit;

    /// <summary>The earliest last day of ontzorgen that starts on <paramref name="from"/>: six months, counted like the term.</summary>
    public static DateOnly OntzorgenMinimumLastDay(DateOnly from) => PeriodLastDay(from, OntzorgenMinimumMonths);

    /// <summary>Why this period of ontzorgen is too short for someone the law obliges the municipality to ontzorgen, or null.</summary>
    public static string? OntzorgenRefusal(bool mustOntzorgen, DateOnly? from, DateOnly? until) =>
        mustOntzorgen && from is { } start && until is { } end && end >= start && end < OntzorgenMinimumLastDay(start)
            ? $"Een asielstatushouder met een uitkering wordt ten minste zes maanden ontzorgd (Participatiewet, art. 56a): tot en met {DutchFormat.Date(OntzorgenMinimumLastDay(start))} of later."
            : null;

    public static DateOnly PipDeadline(DateOnly registeredInMunicipality, int weeks = DefaultPipWeeks) =>
        registeredInMunicipality.AddDays(7 * weeks);

    public static DateOnly PvtStartDeadline(DateOnly housed, int days = DefaultPvtStartDays) => housed.AddDays(days);

    /// <summary>
    /// The day the same date comes round <paramref name="months"/> months later; a date that month lacks (29, 30, 31)
    /// rolls over to the first day of the next month, as a 29 February birthday does to 1 March.
    /// </summary>
    public static DateOnly SameDateLater(DateOnly from, int months)
    {
        var later = from.AddMonths(months);
        return later.Day == from.Day ? later : later.AddDays(1);
    }

    /// <summary>The last day of a period of <paramref name="months"/> months whose first day is <paramref name="firstDay"/>.</summary>
    public static DateOnly PeriodLastDay(DateOnly firstDay, int months) => SameDateLater(firstDay, months).AddDays(-1);

    /// <summary>
    /// The inburgeringstermijn starts the day after the first PIP's decision date (dagtekening). A later version of
    /// the plan does not move it.
    /// </summary>
    // Wet inburgering 2021, art. 11 lid 2 and lid 3.
    public static DateOnly TermStarts(DateOnly firstDecisionDate) => firstDecisionDate.AddDays(1);

    /// <summary>The last day of the three-year term: its start plus three years, less one day.</summary>
    // Wet inburgering 2021, art. 11 lid 1.
    public static DateOnly TermLastDay(DateOnly firstDecisionDate) => PeriodLastDay(TermStarts(firstDecisionDate), 12 * TermYears);

    /// <summary>The last day of the 18 months in which a learning route may change, counted like the term.</summary>
    public static DateOnly RouteSwitchLastDay(DateOnly firstDecisionDate) => PeriodLastDay(TermStarts(firstDecisionDate), RouteSwitchMonths);

    /// <summary>The birthday on which someone reaches <paramref name="years"/>; one born on 29 February has it on 1 March in other years.</summary>
    public static DateOnly Birthday(DateOnly born, int years) => SameDateLater(born, 12 * years);

    public static int AgeOn(DateOnly born, DateOnly day)
    {
        var age = day.Year - born.Year;
        return Birthday(born, age) > day ? age - 1 : age;
    }

    /// <summary>
    /// The day the inburgeringsplicht starts to count for Thuis: the 18th birthday. Until then no PIP or PVT deadline
    /// runs. The Wet places the duty's lower bound lower, but leerplicht and kwalificatieplicht exempt almost every
    /// minor until 18; docs/law.md has the details and what is not verified.
    /// </summary>
    public static DateOnly DutyStarts(DateOnly born) => Birthday(born, DutyAge);

    public static bool IsUnderDutyAge(DateOnly born, DateOnly day) => day < DutyStarts(born);

    /// <summary>
    /// Why a route may not be chosen for this person on this decision date, or null when it may. The age limit of
    /// the onderwijsroute is measured on the decision date of the plan that first gave it
    /// (<paramref name="educationGivenOn"/>, when the plan keeps a route given earlier), so that someone who turns 28
    /// during the route is never made to leave it.
    /// </summary>
    public static string? RouteRefusal(LearningRoute route, DateOnly born, DateOnly decisionDate, DateOnly? educationGivenOn = null)
    {
        if (route != LearningRoute.Education)
        {
            return null;
        }
        var measuredOn = educationGivenOn is { } given && given <= decisionDate ? given : decisionDate;
        var age = AgeOn(born, measuredOn);
        return age >= EducationRouteAgeLimit
            ? $"De onderwijsroute is alleen mogelijk tot {EducationRouteAgeLimit} jaar; deze persoon is dan {age}."
            : null;
    }

    /// <summary>
    /// The decision date on which the onderwijsroute was first given in the run of fixed versions that still gives
    /// it, or null when the latest fixed version has another route (or there is none). Versions in the order they
    /// were fixed.
    /// </summary>
    public static DateOnly? EducationGivenOn(IEnumerable<FixedRoute> fixedVersions)
    {
        DateOnly? givenOn = null;
        foreach (var version in fixedVersions)
        {
            givenOn = version.Route == LearningRoute.Education ? givenOn ?? version.DecisionDate : null;
        }
        return givenOn;
    }

    /// <summary>
    /// Why the learning route may not change from <paramref name="from"/> to <paramref name="to"/> on this decision
    /// date, or null when it may. From the onderwijsroute to the B1-route is possible throughout the term; any other
    /// switch only within the 18 months. After the term's last day no switch is possible.
    /// <paramref name="termLastDay"/> is the term's last day when DUO extended it or set a new term; by default the
    /// three years from the first decision date.
    /// </summary>
    public static string? RouteChangeRefusal(LearningRoute from, LearningRoute to, DateOnly firstDecisionDate, DateOnly decisionDate,
        DateOnly? termLastDay = null)
    {
        if (from == to)
        {
            return null;
        }
        var termEnds = termLastDay ?? TermLastDay(firstDecisionDate);
        if (decisionDate > termEnds)
        {
            return $"De inburgeringstermijn liep tot en met {DutchFormat.Date(termEnds)}; daarna kan de leerroute niet meer wijzigen. "
                + $"Houd de {from.Dutch()} aan.";
        }
        if (IsAlwaysAllowedSwitch(from, to))
        {
            return null;
        }
        var switchEnds = RouteSwitchLastDay(firstDecisionDate);
        return decisionDate > switchEnds
            ? $"Van leerroute wisselen kan tot en met {DutchFormat.Date(switchEnds)} (18 maanden na het begin van de inburgeringstermijn). "
                + $"Alleen van de onderwijsroute naar de B1-route kan daarna nog. Houd de {from.Dutch()} aan of kies een eerdere dagtekening."
            : null;
    }

    /// <summary>From the onderwijsroute to the B1-route: allowed throughout the term, not only in the 18 months.</summary>
    public static bool IsAlwaysAllowedSwitch(LearningRoute from, LearningRoute to) =>
        from == LearningRoute.Education && to == LearningRoute.B1;
}
