namespace Thuis.Web.Features.Plans;

/// <summary>
/// The seeds' counsel on a plan, as gentle nudges rather than rules: start with something low-threshold and fun in
/// "ontmoeten", and do not ask too much at once — someone who is over-asked drops out.
/// </summary>
public static class PlanNudges
{
    /// <summary>More open steps than this in the coming weeks counts as asking too much at once.</summary>
    public const int MaxStepsAtOnce = 5;

    /// <summary>A planned step counts as running "now" when it is due within this many days.</summary>
    public const int AtOnceWindowDays = 28;

    public static bool LacksFunMeetingStep(IEnumerable<PlanStep> steps) =>
        !steps.Any(s => s.Domain == ParticipationDomain.Meeting && s.LowThreshold && s.Status != StepStatus.Dropped);

    /// <summary>Steps under way, plus planned steps due soon or without a date.</summary>
    public static int StepsAtOnce(IEnumerable<PlanStep> steps, DateOnly today) =>
        steps.Count(s => s.Status == StepStatus.Doing
            || (s.Status == StepStatus.Planned && (s.Due is null || s.Due.Value <= today.AddDays(AtOnceWindowDays))));

    public static IReadOnlyList<string> For(IReadOnlyCollection<PlanStep> steps, DateOnly today)
    {
        var nudges = new List<string>();
        if (LacksFunMeetingStep(steps))
        {
            nudges.Add("Er staat nog geen laagdrempelige, leuke stap in ‘ontmoeten’. Begin met iets kleins dat plezier geeft, "
                + "zoals meedoen bij een sportclub, koor, taalcafé of buurtactiviteit; vink bij die stap ‘laagdrempelig en leuk’ aan.");
        }
        var atOnce = StepsAtOnce(steps, today);
        if (atOnce > MaxStepsAtOnce)
        {
            nudges.Add($"Let op overvragen: {atOnce} stappen lopen nu of binnen vier weken tegelijk (meer dan {MaxStepsAtOnce}). "
                + "Spreid de stappen, zodat de persoon het vol kan houden.");
        }
        return nudges;
    }
}
