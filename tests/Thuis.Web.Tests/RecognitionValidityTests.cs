using Thuis.Web.Features.Interventions;

namespace Thuis.Web.Tests;

public sealed class RecognitionValidityTests
{
    [Theory]
    [InlineData("2021-03-01", 3, "2024-02-28", RecognitionState.Current)]
    [InlineData("2021-03-01", 3, "2024-02-29", RecognitionState.Current)]
    [InlineData("2021-03-01", 3, "2024-03-01", RecognitionState.Expired)]
    [InlineData("2022-06-15", 5, "2027-06-14", RecognitionState.Current)]
    [InlineData("2022-06-15", 5, "2027-06-15", RecognitionState.Expired)]
    [InlineData("2020-02-29", 5, "2025-02-27", RecognitionState.Current)]
    [InlineData("2020-02-29", 5, "2025-02-28", RecognitionState.Expired)]
    public void A_recognition_holds_for_its_years_from_the_assessment_and_is_expired_the_day_after(string assessed, int years, string today, RecognitionState expected)
    {
        var recognition = new Recognition(RecognitionLevel.WellFounded, DateOnly.Parse(assessed, System.Globalization.CultureInfo.InvariantCulture), years);

        Assert.Equal(expected, RecognitionValidity.StateOn(recognition, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_last_valid_day_is_the_day_before_the_anniversary()
    {
        Assert.Equal(new DateOnly(2024, 2, 29), RecognitionValidity.LastValidDay(new Recognition(RecognitionLevel.WellDescribed, new DateOnly(2021, 3, 1), 3)));
    }

    [Fact]
    public void Without_a_recognition_nothing_can_expire()
    {
        Assert.Equal(RecognitionState.NotRecognised, RecognitionValidity.StateOn(new Recognition(RecognitionLevel.None, null, null), new DateOnly(2030, 1, 1)));
    }

    [Theory]
    [InlineData(RecognitionLevel.WellFounded, null, 5, "Vul de datum van de beoordeling in.")]
    [InlineData(RecognitionLevel.WellFounded, "2024-01-01", 4, "Een erkenning geldt 3 of 5 jaar.")]
    [InlineData(RecognitionLevel.PracticeExample, "2024-01-01", null, "Een erkenning geldt 3 of 5 jaar.")]
    public void A_recognition_needs_its_date_and_3_or_5_years(RecognitionLevel level, string? assessed, int? years, string message)
    {
        var recognition = new Recognition(level, assessed is null ? null : DateOnly.Parse(assessed, System.Globalization.CultureInfo.InvariantCulture), years);

        Assert.Equal(message, InterventionRules.RecognitionError(recognition));
    }
}
