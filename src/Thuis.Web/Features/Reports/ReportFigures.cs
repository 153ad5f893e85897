using Thuis.Web.Features.Milestones;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Signals;
using Thuis.Web.Features.Trajectories;

namespace Thuis.Web.Features.Reports;

/// <summary>
/// One step of the cohort funnel: how many of the cohort reached it, as a share of the cohort, and the median number of
/// days from the previous step and from housing, over the people who reached both; and how many of those reached this
/// step before the previous one or before housing (their days are negative), so the page can say why a median is.
/// </summary>
public sealed record FunnelStep(string Label, int Count, decimal? Percentage, decimal? MedianDaysFromPrevious, decimal? MedianDaysFromHousing,
    int BeforePrevious = 0, int BeforeHousing = 0);

/// <summary>People of the cohort active in one participation domain, or doing volunteer work, education or paid work.</summary>
public sealed record ActivityCount(string Label, int Count, decimal? Percentage);

/// <summary>Recorded attendance at sessions held so far, per kind of course.</summary>
public sealed record AttendanceRate(CourseKind Kind, int Present, int Excused, int Unexcused)
{
    public int Recorded => Present + Excused + Unexcused;

    public decimal? PresentPercentage => Figures.Percentage(Present, Recorded);

    public decimal? ExcusedPercentage => Figures.Percentage(Excused, Recorded);

    public decimal? UnexcusedPercentage => Figures.Percentage(Unexcused, Recorded);
}

/// <summary>Proposals through to a referral still going at three months; each step's conversion is of the step before.</summary>
public sealed record Conversion(string Label, int Proposals, int Yes, int Sent, int Started, int StillGoing)
{
    public IReadOnlyList<(string Step, int Count, decimal? Conversion)> Steps =>
    [
        ("voorstel", Proposals, null),
        ("ja, met toestemming", Yes, Figures.Percentage(Yes, Proposals)),
        ("verwijzing verstuurd", Sent, Figures.Percentage(Sent, Yes)),
        ("gestart", Started, Figures.Percentage(Started, Sent)),
        ("loopt na 3 maanden", StillGoing, Figures.Percentage(StillGoing, Started)),
    ];
}

/// <summary>Milestones reached within some months of housing, among those housed at least that long ago.</summary>
public sealed record OutcomeAt(int Months, int Eligible, IReadOnlyDictionary<MilestoneKind, int> Reached)
{
    public decimal? Percentage(MilestoneKind kind) => Figures.Percentage(Reached[kind], Eligible);
}

/// <summary>Plan steps in plans in force that name an offer or intervention, and how they went.</summary>
public sealed record InterventionUse(string Name, int Steps, int People, int Doing, int Done, int Dropped)
{
    public decimal? DonePercentage => Figures.Percentage(Done, Steps);
}

/// <summary>Referrals of the cohort to one organisation and how far they came.</summary>
public sealed record OrganisationResult(string Name, int Referrals, int Sent, int Accepted, int Started, int StillGoing, int Stopped)
{
    public decimal? StillGoingPercentage => Figures.Percentage(StillGoing, Started);
}

/// <summary>
/// The answers of the cohort to "Hoe gaat het?" about one offer, intervention, kind of volunteer or course group: how
/// many, at which moment, the mean face (1 heel slecht to 5 heel goed), how many were unhappy and how many wanted to stop.
/// </summary>
public sealed record FeedbackResult(string Name, int Answers, int TwoWeeks, int ThreeMonths, decimal? AverageFace, int Unhappy, int WantsToStop);

/// <summary>Signals of the cohort still open today, of one kind, by what the case manager did with them so far.</summary>
public sealed record OpenSignals(SignalKind Kind, int Open, int Acknowledged, int Snoozed, int Escalated)
{
    public int Total => Open + Acknowledged + Snoozed + Escalated;
}

/// <summary>
/// The road to work's outcomes for the cohort, counted over applications for jobs (not internships): who was hired and
/// how soon after housing, who works now, whether their latest job is at their own level or more than one level below it,
/// who still works 6 and 12 months after their first job (of those hired at least that long ago), and what the current
/// job did to the benefit.
/// </summary>
public sealed record WorkOutcomes(int CohortSize, int Hired, decimal? MedianDaysToFirstJob, int Working, int AtLevel, int BelowLevel, int LevelUnknown,
    int HiredSixMonthsAgo, int StillWorkingAtSix, int HiredTwelveMonthsAgo, int StillWorkingAtTwelve, int PartlyOffBenefit, int FullyOffBenefit)
{
    public static WorkOutcomes None(int cohortSize) => new(cohortSize, 0, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

/// <summary>The cohort's job applications at one employer and the hires that came of them.</summary>
public sealed record EmployerResult(string Name, int Applications, int Hired, int AtLevel, int BelowLevel, int HiredSixMonthsAgo, int StillWorkingAtSix)
{
    public decimal? BelowLevelPercentage => Figures.Percentage(BelowLevel, Hired);
}

/// <summary>The people of the cohort one job coach coaches now, their job applications, and how many were hired and at their level.</summary>
public sealed record JobCoachResult(string Name, int People, int Applications, int Hired, int AtLevel);

/// <summary>Everything the report shows and exports, for one municipality and one cohort, on one day.</summary>
public sealed record ReportFigures(
    Cohort Cohort, DateOnly Today, DateTimeOffset CountedAt, int CohortSize,
    IReadOnlyList<FunnelStep> Funnel, IReadOnlyList<ActivityCount> Domains, IReadOnlyList<ActivityCount> Occupations,
    IReadOnlyList<AttendanceRate> Attendance, IReadOnlyList<Conversion> Matching, IReadOnlyList<OutcomeAt> Outcomes,
    IReadOnlyList<InterventionUse> Interventions, IReadOnlyList<OrganisationResult> Organisations, IReadOnlyList<OpenSignals> Signals,
    IReadOnlyList<FeedbackResult> Feedback, WorkOutcomes Work, IReadOnlyList<EmployerResult> Employers, IReadOnlyList<JobCoachResult> JobCoaches,
    Money.MoneyOutcomes Money)
{
    public static IReadOnlyList<ParticipationDomain> DomainOrder => ParticipationDomains.All;
}

public static class Figures
{
    /// <summary>A share in percent with one decimal, rounded half away from zero; null when there is nothing to divide by.</summary>
    public static decimal? Percentage(int part, int whole) =>
        whole == 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);

    /// <summary>The mean with one decimal, rounded half away from zero; null for no values.</summary>
    public static decimal? Mean(IReadOnlyCollection<int> values) =>
        values.Count == 0 ? null : Math.Round((decimal)values.Sum() / values.Count, 1, MidpointRounding.AwayFromZero);

    /// <summary>The middle value, or the mean of the two middle values; null for no values.</summary>
    public static decimal? Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
    }
}
