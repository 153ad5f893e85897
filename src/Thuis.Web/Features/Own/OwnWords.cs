using Microsoft.Extensions.Localization;
using Thuis.Web.Features.Plans;

namespace Thuis.Web.Features.Own;

/// <summary>The fixed words around a step, in the person's language; the step's own wording stays as staff wrote it.</summary>
public static class OwnWords
{
    public static string Who(OwnStep step, IStringLocalizer<OwnTexts> texts)
    {
        var who = step.Owner switch
        {
            StepOwner.Newcomer => texts["Yourself"],
            StepOwner.CaseManager => texts["CaseManager"],
            StepOwner.Partner => texts["Partner"],
            _ => texts["Volunteer"],
        };
        return step.OwnerName is { } name ? $"{who} ({name})" : who;
    }

    public static string Status(StepStatus status, IStringLocalizer<OwnTexts> texts) => status switch
    {
        StepStatus.Planned => texts["StatusPlanned"],
        StepStatus.Doing => texts["StatusDoing"],
        StepStatus.Done => texts["StatusDone"],
        _ => texts["StatusDropped"],
    };

    public static string Face(int face, IStringLocalizer<OwnTexts> texts) => texts[$"Face{Math.Clamp(face, ActivityFeedback.LowestFace, ActivityFeedback.HighestFace)}"];

    public static string Continue(WantsToContinue answer, IStringLocalizer<OwnTexts> texts) => answer switch
    {
        WantsToContinue.Yes => texts["ContinueYes"],
        WantsToContinue.No => texts["ContinueNo"],
        _ => texts["ContinueDontKnow"],
    };

    public static string Moment(FeedbackMoment moment, IStringLocalizer<OwnTexts> texts) =>
        moment == FeedbackMoment.TwoWeeks ? texts["FeedbackAfterTwoWeeks"] : texts["FeedbackAfterThreeMonths"];

    /// <summary>A day as the person's language writes it ("3 december 2026", "3 December 2026").</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture);
}
