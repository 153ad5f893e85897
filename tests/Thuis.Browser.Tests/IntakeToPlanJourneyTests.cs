using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed class IntakeToPlanJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_case_manager_drafts_a_plan_from_the_intake_and_adds_an_intervention_from_the_guide_as_a_step()
    {
        var id = await AddPersonWithIntakeAsync();
        await SignInAsync(CaseManagerOfDalfsen);
        var soon = TimeProvider.System.InTheNetherlands().AddDays(21).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var main = Page.GetByRole(AriaRole.Main);

        // The dossier shows talents and languages at a glance.
        await Page.GotoAsync($"/dossiers/{id}");
        var summary = Page.Locator(".thuis-intake-summary");
        await Expect(summary.GetByRole(AriaRole.Heading, new() { Name = "Talenten en talen", Level = 2 })).ToBeVisibleAsync();
        await Expect(summary).ToContainTextAsync("Kan goed luisteren en organiseren");
        await Expect(summary).ToContainTextAsync("Arabisch (moedertaal): luisteren C2");
        await AccessibleAtBothWidthsAsync("01-dossier");

        // The plan form starts from what the intake recorded.
        await main.GetByRole(AriaRole.Link, new() { Name = "Plan (PIP)", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Plan opstellen", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Plan bewerken (versie 1, concept)");
        await Expect(summary.GetByRole(AriaRole.Heading, new() { Name = "Uit de brede intake", Level = 2 })).ToBeVisibleAsync();
        await Expect(summary).ToContainTextAsync("Kan goed luisteren en organiseren");
        await Expect(summary).ToContainTextAsync("Nederlands: luisteren A2");
        await Expect(summary).ToContainTextAsync("Een eigen kapsalon beginnen");
        await Expect(Page.GetByLabel("Wensen en dromen, in eigen woorden"))
            .ToHaveValueAsync("Komend jaar: Nederlands leren en een baantje bij de kapper\nLater: Een eigen kapsalon beginnen");
        await AccessibleAtBothWidthsAsync("02-plan-met-intake");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Het plan is opgeslagen." })).ToBeVisibleAsync();

        // From the plan to the guide, which chooses for this plan.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Plan bewerken", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Kies uit de interventiewijzer", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Interventiewijzer");
        await Expect(main).ToContainTextAsync("U kiest uit de interventiewijzer voor het plan van Rahel Kapper");
        await Page.GetByLabel("Participatiedomein").SelectOptionAsync(new SelectOptionValue { Label = "ontmoeten" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Zoeken", Exact = true }).ClickAsync();
        var card = Page.Locator(".thuis-guide-card").First;
        var name = (await card.Locator("h3").TextContentAsync())!.Trim();
        await AccessibleAtBothWidthsAsync("03-wijzer-voor-plan");

        await card.GetByRole(AriaRole.Link, new() { Name = "Voeg toe aan plan" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{name} toevoegen aan het plan van Rahel Kapper");
        await Expect(Page.GetByLabel("Domein", new() { Exact = true })).ToHaveValueAsync("Meeting");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Voeg toe aan plan", Exact = true }).ClickAsync();
        await Expect(Page.Locator(".thuis-error-summary")).ToContainTextAsync("Kies de datum waarop deze stap klaar moet zijn.");
        await AccessibleAtBothWidthsAsync("04-toevoegen-fout");
        await Page.GetByLabel("Klaar op").FillAsync(soon);
        await Page.GetByLabel("Laagdrempelig en leuk").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Voeg toe aan plan", Exact = true }).ClickAsync();

        // Back on the plan, with the step in its domain.
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Plan (PIP) van Rahel Kapper");
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "De interventie staat als nieuwe stap in het plan." })).ToBeVisibleAsync();
        var meeting = Page.Locator("section[aria-labelledby='domein-Meeting']");
        await Expect(meeting.GetByRole(AriaRole.Heading, new() { Name = "Ontmoeten", Level = 3 })).ToBeVisibleAsync();
        await Expect(meeting.GetByRole(AriaRole.Row)).ToContainTextAsync([$"Meedoen met {name}"]);
        await Expect(meeting).ToContainTextAsync($"Aanbod: {name}");
        await AccessibleAtBothWidthsAsync("05-plan-met-stap");
    }

    /// <summary>A newcomer of Dalfsen of this journey's own, whose intake names talents, languages and wishes.</summary>
    private async Task<Guid> AddPersonWithIntakeAsync()
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var dalfsen = await db.Municipalities.Where(m => m.Name == "Dalfsen").Select(m => m.Id).SingleAsync(TestContext.Current.CancellationToken);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(dalfsen);
        var today = TimeProvider.System.InTheNetherlands();
        var newcomer = new Newcomer(dalfsen,
            new PersonDetails("Rahel", "Kapper", new DateOnly(1994, 6, 12), Gender.Female, "Eritrea", null, null, null, null, false, null, null),
            new LegalFrame(TargetGroup.AsylumPermitHolder, today.AddMonths(-3), today.AddDays(-20), today.AddDays(-20), null, null, null, null),
            DateTimeOffset.UtcNow);
        var strengths = new StrengthsSection(newcomer.Id, dalfsen);
        strengths.Update("Kan goed luisteren en organiseren", "Haren knippen en vlechten", null, [], null, null);
        strengths.MarkRecorded("Klantregisseur Dalfsen", DateTimeOffset.UtcNow);
        var languages = new LanguagesSection(newcomer.Id, dalfsen);
        languages.Update([
            new LanguageSkill { Language = "Arabisch", MotherTongue = true, Listening = CefrLevel.C2, Reading = CefrLevel.C1, Speaking = CefrLevel.C2, Writing = CefrLevel.C1 },
            new LanguageSkill { Language = "Nederlands", Listening = CefrLevel.A2, Reading = CefrLevel.A1, Speaking = CefrLevel.A1, Writing = CefrLevel.A1 },
        ], Literacy.Literate);
        languages.MarkRecorded("Klantregisseur Dalfsen", DateTimeOffset.UtcNow);
        var wishes = new AspirationsSection(newcomer.Id, dalfsen);
        wishes.Update("Nederlands leren en een baantje bij de kapper", "Een eigen kapsalon beginnen");
        wishes.MarkRecorded("Klantregisseur Dalfsen", DateTimeOffset.UtcNow);
        db.Newcomers.Add(newcomer);
        db.AddRange(strengths, languages, wishes);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return newcomer.Id;
    }
}
