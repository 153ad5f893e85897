using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Plans;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed class WorkRouteJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_case_manager_puts_the_training_in_applying_in_the_plan_and_chooses_an_education_route_with_the_person()
    {
        var person = await PersonWithFixedPlanAsync();
        await SignInAsync(CaseManagerOfDalfsen);
        await Page.GotoAsync($"/dossiers/{person}/plan");

        var road = Page.GetByTestId("werk-suggesties");
        await Expect(road).ToContainTextAsync("Sollicitatietraining volgen");
        await Expect(road).ToContainTextAsync("Elevator pitch maken en oefenen");
        await AccessibleAtBothWidthsAsync("01-plan-met-training");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sollicitatietraining volgen: in het plan zetten" }).ClickAsync();
        await Expect(Page.GetByText("De stap staat in een nieuwe conceptversie van het plan.")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Sollicitatietraining volgen: in het plan zetten" })).ToHaveCountAsync(0);
        await Expect(Page.Locator("main")).ToContainTextAsync("Sollicitatietraining volgen");
        await AccessibleAtBothWidthsAsync("02-training-in-plan");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Opleidingsroute", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Opleidingsroute voor Yonas Werkroute");
        await Expect(Page.GetByLabel("Begint bij")).ToHaveValueAsync("entree");
        await Expect(Page.GetByLabel("Gaat tot en met")).ToHaveValueAsync("mbo2");
        await AccessibleAtBothWidthsAsync("03-route-kiezen");

        // A route without a field and starting yesterday: every message at once, the summary takes focus.
        var yesterday = TimeProvider.System.InTheNetherlands().AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Page.GetByLabel("Eerste opleiding begint op").FillAsync(yesterday);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Route in het plan zetten" }).ClickAsync();
        var summary = Page.Locator(".thuis-error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToContainTextAsync("Vul de richting in");
        await Expect(summary).ToContainTextAsync("De route kan niet in het verleden beginnen.");
        await Expect(Page.GetByLabel("Eerste opleiding begint op")).ToHaveValueAsync(yesterday);
        await AccessibleAtBothWidthsAsync("04-route-fouten");

        var start = TimeProvider.System.InTheNetherlands().AddDays(40);
        await Page.GetByLabel("Richting of beroep").FillAsync("zorg en welzijn");
        await Page.GetByLabel("Eerste opleiding begint op").FillAsync(start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Page.GetByLabel("School (optioneel)").FillAsync("ROC Deltion");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Route in het plan zetten" }).ClickAsync();

        await Expect(Page.GetByText("De opleidingsroute staat als stappen in het plan, op volgorde.")).ToBeVisibleAsync();
        var main = Page.Locator("main");
        await Expect(main).ToContainTextAsync("Entreeopleiding (mbo 1) in zorg en welzijn volgen en het diploma halen");
        await Expect(main).ToContainTextAsync("Basisberoepsopleiding (mbo 2) in zorg en welzijn volgen en het diploma halen");
        await AccessibleAtBothWidthsAsync("05-route-in-plan");
    }

    /// <summary>Yonas, with primary school from Eritrea and a fixed plan aiming at work.</summary>
    private async Task<Guid> PersonWithFixedPlanAsync()
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var dalfsen = await db.Municipalities.Where(m => m.Name == "Dalfsen").Select(m => m.Id).SingleAsync(TestContext.Current.CancellationToken);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(dalfsen);
        var today = TimeProvider.System.InTheNetherlands();
        var newcomer = new Newcomer(dalfsen,
            new PersonDetails("Yonas", "Werkroute", new DateOnly(1999, 2, 3), Gender.Male, "Eritrea", null, null, null, null, false, null, null),
            new LegalFrame(TargetGroup.AsylumPermitHolder, today.AddMonths(-8), today.AddMonths(-6), today.AddMonths(-6), null, null, null, null),
            DateTimeOffset.UtcNow);
        var education = new EducationSection(newcomer.Id, dalfsen);
        education.Update(EducationLevel.Primary, null, 6, []);
        education.MarkRecorded("Klantregisseur Dalfsen", DateTimeOffset.UtcNow);
        var plan = IntegrationPlan.FirstDraft(newcomer, "Karin Klantregisseur", DateTimeOffset.UtcNow.AddMonths(-5));
        plan.Revise(new PlanTerms(LearningRoute.B1, MainGoal.Work, "Werken in de zorg, net als mijn moeder.", 4, 4, null, null, null, null, 6, today.AddDays(20), 2),
            new Dictionary<ParticipationDomain, string> { [ParticipationDomain.PaidWork] = "Werk vinden in de zorg" },
            [new StepContent(null, ParticipationDomain.Meeting, "Naar het taalcafé in de bibliotheek", StepOwner.Newcomer, null, today.AddDays(14), true, null)],
            today.AddMonths(-5));
        plan.Fix(today.AddMonths(-4), "Karin Klantregisseur", DateTimeOffset.UtcNow.AddMonths(-4));
        db.Newcomers.Add(newcomer);
        db.Add(education);
        db.IntegrationPlans.Add(plan);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return newcomer.Id;
    }
}
