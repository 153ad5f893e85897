using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Interventions;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>Who does what counts the interventions available here beside the offers of the social map.</summary>
public sealed class InterventionCoverageTests
{
    [Fact]
    public async Task An_intervention_available_here_shows_in_the_coverage_of_its_own_municipality_only()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        var id = await Guide.AddOwnInterventionAsync(app, world.A, Guide.Details("Geldcursus voor ouders in Dalfsen", domain: ParticipationDomain.FinancialHealth));
        await Guide.MakeAvailableAsync(app, world.A, id, "Loket geldzaken");
        using var a = new ThuisClient(app);
        await a.SignInOrFailAsync(await world.CreateUserAsync(world.A, Roles.Coordinator));
        using var b = new ThuisClient(app);
        await b.SignInOrFailAsync(await world.CreateUserAsync(world.B, Roles.Coordinator));

        var own = await a.GetAsync("/sociale-kaart/dekking");
        Assert.Contains("Geldcursus voor ouders in Dalfsen", own.Text, StringComparison.Ordinal);
        Assert.NotNull(own.Document.QuerySelector($"a[href='/interventiewijzer/{id}']"));
        Assert.DoesNotContain("Geldcursus voor ouders in Dalfsen", (await b.GetAsync("/sociale-kaart/dekking")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_interventions_target_group_maps_onto_the_audiences_of_the_coverage_view()
    {
        var target = new InterventionTargetGroup(null, null, TargetGender.Women, CefrLevel.None, SuitsNonLiterate: true,
            ForParents: true, ForOver50: false, ForYoungPeople: false);

        Assert.Equal([TargetAudience.Parents, TargetAudience.Women, TargetAudience.LowLiterate], InterventionCoverage.AudiencesOf(target));
        Assert.Empty(InterventionCoverage.AudiencesOf(new InterventionTargetGroup(null, null, TargetGender.Everyone, CefrLevel.None, false, false, false, false)));
    }
}
