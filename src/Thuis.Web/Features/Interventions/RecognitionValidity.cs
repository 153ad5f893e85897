namespace Thuis.Web.Features.Interventions;

public enum RecognitionState
{
    NotRecognised,
    Current,
    Expired,
}

/// <summary>
/// The one rule for how long a recognition holds: from the assessment date for 3 or 5 years, so an assessment of
/// 1 March 2021 for 3 years holds up to and including 29 February 2024 and is "verlopen" from 1 March 2024. An
/// assessment on 29 February has its anniversary on 28 February in a common year.
/// </summary>
public static class RecognitionValidity
{
    public static IReadOnlyList<int> AllowedYears { get; } = [3, 5];

    /// <summary>The last day the recognition holds; null when there is none.</summary>
    public static DateOnly? LastValidDay(Recognition recognition) =>
        recognition is { Level: not RecognitionLevel.None, AssessedOn: { } assessed, ValidYears: { } years }
            ? assessed.AddYears(years).AddDays(-1)
            : null;

    public static RecognitionState StateOn(Recognition recognition, DateOnly today) =>
        LastValidDay(recognition) is not { } last ? RecognitionState.NotRecognised
        : today > last ? RecognitionState.Expired
        : RecognitionState.Current;
}
