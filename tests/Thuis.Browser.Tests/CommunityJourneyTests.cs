using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed class CommunityJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string VolunteerCoordinatorOfDalfsen = "vrijwilligers@dalfsen.example";

    [Fact]
    public async Task A_role_model_presentation_is_planned_with_a_newcomer_who_consents_and_its_reach_recorded()
    {
        // The case manager records that someone of their caseload wants to tell their story.
        await SignInAsync(CaseManagerOfDalfsen);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Draagvlak", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Draagvlak in de buurt");
        await AccessibleAtBothWidthsAsync("01-kalender");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Rolmodellen en hun toestemming" }).ClickAsync();
        var person = Page.GetByLabel("Wie geeft toestemming");
        var name = (await person.Locator("option").Nth(1).TextContentAsync())!.Trim();
        await person.SelectOptionAsync(new SelectOptionValue { Label = name });
        await Page.GetByLabel("Toelichting (optioneel)").FillAsync("Vertelt graag op de basisschool van haar kinderen.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Toestemming vastleggen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync(new Regex("De toestemming is vastgelegd."));
        await Expect(Page.GetByTestId("toestemmingen")).ToContainTextAsync(name);
        await AccessibleAtBothWidthsAsync("02-rolmodellen");
        await Page.Context.ClearCookiesAsync();

        // The volunteer coordinator plans the presentation: first without what it needs, every message at once.
        await SignInAsync(VolunteerCoordinatorOfDalfsen);
        await Page.GotoAsync("/draagvlak");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Activiteit plannen" }).ClickAsync();
        await Page.GetByLabel("Soort activiteit").SelectOptionAsync(new SelectOptionValue { Label = "Rolmodelpresentatie" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Activiteit opslaan" }).ClickAsync();
        var summary = Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Kies waar de presentatie is" });
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToContainTextAsync("Vul het postcodegebied van de buurt in");
        await AccessibleAtBothWidthsAsync("03-plannen-fouten");

        var today = await Page.EvaluateAsync<string>("() => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' })");
        await Page.GetByLabel("Bij een rolmodelpresentatie: waar").SelectOptionAsync(new SelectOptionValue { Label = "Basisschool" });
        await Page.GetByLabel("Titel").FillAsync("Gastles in groep 8: mijn nieuwe thuis");
        await Page.GetByLabel("Organisatie die ontvangt").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Page.GetByLabel("Datum").FillAsync(today);
        await Page.GetByLabel("Plaats").FillAsync("Aula van de basisschool");
        await Page.GetByLabel("Buurt: postcodegebied").FillAsync("7721");
        await Page.GetByLabel("Naam van de buurt (optioneel)").FillAsync("Centrum");
        await Page.GetByLabel("Publiek (optioneel)").SelectOptionAsync(new SelectOptionValue { Label = "Leerlingen of studenten" });
        await Page.GetByLabel(name, new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Activiteit opslaan" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("De activiteit is opgeslagen.");
        await Expect(Page.GetByTestId("rolmodellen")).ToContainTextAsync(name);

        // After the lesson: how many it reached and what followed.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Bereik en vervolg vastleggen" }).ClickAsync();
        await Page.GetByLabel("Bereikt (aantal mensen)").FillAsync("54");
        await Page.GetByLabel("Nieuwe vrijwilligers aangemeld").FillAsync("2");
        await Page.GetByLabel("Nieuw aanbod van de organisatie").FillAsync("1");
        await Page.GetByLabel("Vervolg in woorden (optioneel)").FillAsync("Twee ouders melden zich als taalmaatje.");
        await AccessibleAtBothWidthsAsync("04-bereik-invullen");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Activiteit opslaan" }).ClickAsync();
        await Expect(Page.GetByTestId("bereik")).ToContainTextAsync("54 mensen");
        await AccessibleAtBothWidthsAsync("05-activiteit");

        await Page.GetByRole(AriaRole.Link, new() { Name = "← Draagvlak" }).ClickAsync();
        await Expect(Page.GetByTestId("activiteit").Filter(new() { HasText = "Gastles in groep 8" })).ToContainTextAsync("54 bereikt");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Bereik per kwartaal en per buurt" }).ClickAsync();
        await Expect(Page.GetByTestId("tabel-bereik-per-buurt")).ToContainTextAsync("7721 Centrum");
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = "Bereikte mensen per kwartaal" })).ToBeVisibleAsync();
        await AccessibleAtBothWidthsAsync("06-bereik");
    }
}
