namespace Thuis.Matching.Tests;

public sealed class FairnessReportTests
{
    [Fact]
    public void The_report_gives_placement_rate_and_mean_quality_per_gender_origin_and_education()
    {
        Person[] people =
        [
            new() { Id = "a", Gender = "vrouw", Origin = "Eritrea", Education = EducationLevel.Primary },
            new() { Id = "b", Gender = "vrouw", Origin = "Syrië", Education = EducationLevel.Bachelor },
            new() { Id = "c", Gender = "man", Origin = "Eritrea", Education = EducationLevel.Primary },
            new() { Id = "d", Gender = "man", Origin = "Syrië", Education = EducationLevel.Primary },
            new() { Id = "e", Gender = "man", Education = EducationLevel.Bachelor, NotNow = true },
        ];
        Suggestion[] suggestions =
        [
            new("a", "o1", 2.0, [], MatchingEngine.RulesVersion),
            new("a", "o2", 1.0, [], MatchingEngine.RulesVersion),
            new("c", "o3", 3.0, [], MatchingEngine.RulesVersion),
            new("d", "o1", 1.0, [], MatchingEngine.RulesVersion),
        ];

        var report = FairnessReport.For(people, suggestions);

        Assert.Equal(
            [
                (FairnessDimension.Gender, "man", 2, 2, 1.0, 2.0),
                (FairnessDimension.Gender, "vrouw", 2, 1, 0.5, 1.5),
                (FairnessDimension.Origin, "Eritrea", 2, 2, 1.0, 2.25),
                (FairnessDimension.Origin, "Syrië", 2, 1, 0.5, 1.0),
                (FairnessDimension.Education, "Bachelor", 1, 0, 0.0, 0.0),
                (FairnessDimension.Education, "Primary", 3, 3, 1.0, 1.833333333333),
            ],
            report.Groups.Select(g => (g.Dimension, g.Group, g.People, g.Placed, g.PlacementRate, Math.Round(g.MeanQuality, 12))));
    }

    [Fact]
    public void A_cohort_assignment_can_be_reported_on()
    {
        Person[] people = [new() { Id = "a", Gender = "vrouw", Talents = ["koken"] }, new() { Id = "b", Talents = ["koken"] }];
        var index = MatchingIndex.Build([new Offer { Id = "o", Title = "Kookclub", Tags = ["koken"], Capacity = 1 }]);

        var assignment = MatchingEngine.ProposeForCohort(people, index);
        var report = FairnessReport.For(people, assignment.Suggestions);

        var gender = report.Groups.Where(g => g.Dimension == FairnessDimension.Gender).ToList();
        Assert.Equal(["onbekend", "vrouw"], gender.Select(g => g.Group));
        Assert.Equal(1, gender.Sum(g => g.Placed));
        Assert.Equal(assignment.Suggestions.Single().Score, gender.Single(g => g.Placed == 1).MeanQuality);
    }
}
