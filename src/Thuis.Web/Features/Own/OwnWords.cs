using Microsoft.Extensions.Localization;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Own;

/// <summary>
/// The fixed words around a step, a proposal or a consent, in the person's language; what staff wrote (a step, a
/// proposal, a purpose) stays as written.
/// </summary>
public static class OwnWords
{
    /// <summary>A date as the person reads it: day, month name in their language, year, on the Gregorian calendar.</summary>
    public static string Date(DateOnly date, Language? language = null) =>
        date.ToString("d MMMM yyyy", (language ?? Languages.Current).Culture);

    /// <summary>The day of a moment in the Netherlands, as the person reads it.</summary>
    public static string Date(DateTimeOffset instant, Language? language = null) =>
        Date(Today.DayInTheNetherlands(instant), language);

    /// <summary>
    /// Text staff wrote or a name, set apart from the sentence around it (Unicode first-strong isolate), so that
    /// "Taalhuis (demo)" or "06-12345678" keeps its own direction inside an Arabic or Dari sentence. A left-to-right
    /// page needs no isolate, and its text stays as it is.
    /// </summary>
    public static string Isolate(string? text) =>
        text is null ? "" : Languages.Current.RightToLeft ? $"\u2068{text}\u2069" : text;

    /// <summary>The person's language as recorded in Dutch ("Arabisch"), in its own name when Thuis speaks it.</summary>
    public static string LanguageName(string language) =>
        Languages.FromDutchName(language)?.NativeName ?? Isolate(language);

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

    public static string Answer(NewcomerAnswer answer, IStringLocalizer<OwnTexts> texts) => answer switch
    {
        NewcomerAnswer.Yes => texts["AnswerWordYes"],
        NewcomerAnswer.No => texts["AnswerWordNo"],
        _ => texts["AnswerWordNotNow"],
    };

    /// <summary>"U zei: ja. Op 6 december 2026." — or that the case manager wrote the answer down for them.</summary>
    public static string Answered(OwnProposal proposal, IStringLocalizer<OwnTexts> texts)
    {
        var on = proposal.AnsweredOn is { } day ? OwnWords.Date(day) : "";
        var answered = texts[proposal.AnsweredThemselves ? "AnsweredThemselves" : "AnsweredForYou", Answer(proposal.Answer, texts), on];
        return proposal.Answer == NewcomerAnswer.NotNow && proposal.NotNowUntil is { } until
            ? $"{answered} {texts["NotNowUntilShown", OwnWords.Date(until)]}"
            : answered;
    }

    /// <summary>Which of the person's data the organisation receives with this consent, in a short list of words.</summary>
    public static string Shared(OwnConsent consent, IStringLocalizer<OwnTexts> texts) =>
        string.Join(", ", new[]
        {
            texts["SharedFirstName"].Value,
            texts["SharedLanguage"].Value,
            consent.SharesPhone ? texts["SharedPhone"].Value : null,
            consent.SharesEmail ? texts["SharedEmail"].Value : null,
        }.OfType<string>());

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
