using Microsoft.Extensions.Localization;
using Thuis.Web.Features.Plans;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Own;

/// <summary>The fixed words around a step, in the person's language; the step's own wording stays as staff wrote it.</summary>
public static class OwnWords
{
    /// <summary>A date as the person reads it: day, month name in their language, year, on the Gregorian calendar.</summary>
    public static string Date(DateOnly date, Language? language = null) =>
        date.ToString("d MMMM yyyy", (language ?? Languages.Current).Culture);

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
}
