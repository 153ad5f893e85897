using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed partial class SocialMapJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string CoordinatorOfDalfsen = "coordinator@dalfsen.example";
    private const string VolunteerCoordinatorOfDalfsen = "vrijwilligers@dalfsen.example";

    [Fact]
    public async Task A_coordinator_adds_an_offer_that_fills_a_gap_in_the_coverage_and_the_volunteer_coordinator_adds_a_volunteer()
    {
        await SignInAsync(CoordinatorOfDalfsen);

        // The map, with partners marked.
        await Navigation.GetByRole(AriaRole.Link, new() { Name = "Sociale kaart", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sociale kaart", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Table)).ToContainTextAsync("Zorggroep Dalfsen");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("01-sociale-kaart");

        // Work for women is a gap in the demo municipality.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Wie doet wat", Exact = true }).ClickAsync();
        var cell = Page.Locator("[data-testid=cel-PaidWork-Women]");
        await Expect(cell).ToHaveTextAsync("gat");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("02-dekking-met-gat");

        // An employer adds a work-experience place for women.
        await Page.GotoAsync("/sociale-kaart?zoek=zorggroep");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Zorggroep Dalfsen", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Zorggroep Dalfsen", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("partner-status")).ToContainTextAsync("mag verwijzingen ontvangen");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("03-organisatie");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Aanbod toevoegen", Exact = true }).ClickAsync();
        await Page.GetByLabel("Soort aanbod", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "stage" });
        await Page.GetByLabel("Titel", new() { Exact = true }).FillAsync("Werkervaring in de zorg voor vrouwen");
        await Page.GetByLabel("Kosten in euro", new() { Exact = true }).FillAsync("-10");
        await Page.GetByLabel("vrouwen", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("dinsdag ochtend", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Aanbod toevoegen", Exact = true }).ClickAsync();

        // Refused in Dutch beside the fields; what was typed stays.
        await Expect(Page.Locator("#kosten-fout")).ToContainTextAsync("De kosten kunnen niet negatief zijn");
        await Expect(Page.Locator("#domeinen-fout")).ToContainTextAsync("Kies minstens één participatiedomein");
        await Expect(Page.GetByLabel("Titel", new() { Exact = true })).ToHaveValueAsync("Werkervaring in de zorg voor vrouwen");
        await Expect(Page.GetByLabel("vrouwen", new() { Exact = true })).ToBeCheckedAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("04-aanbod-geweigerd");

        await Page.GetByLabel("Kosten in euro", new() { Exact = true }).FillAsync("0");
        await Page.GetByLabel("betaald werk", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Aanbod toevoegen", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(OrganisationPage());
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Werkervaring in de zorg voor vrouwen");
        await SaveScreenshotAsync("05-aanbod-toegevoegd");

        // The gap is filled.
        await Page.GotoAsync("/sociale-kaart/dekking");
        await Expect(cell).ToContainTextAsync("1 aanbod");
        await Expect(cell).ToContainTextAsync("1 organisatie");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Werkervaring in de zorg voor vrouwen");
        await SaveScreenshotAsync("06-dekking-aangevuld");

        // Volunteers belong to the volunteer coordinator.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen", Exact = true }).ClickAsync();
        await SignInAsync(VolunteerCoordinatorOfDalfsen);
        await Navigation.GetByRole(AriaRole.Link, new() { Name = "Vrijwilligers", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Vrijwilligers", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("07-vrijwilligers");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Vrijwilliger toevoegen", Exact = true }).ClickAsync();
        await Page.GetByLabel("Naam", new() { Exact = true }).FillAsync("Semhar Tesfamariam");
        await Page.GetByLabel("taalmaatje", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("rolmodel", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Taal 1", new() { Exact = true }).FillAsync("Tigrinya");
        await Page.GetByLabel("Taal 1 niveau", new() { Exact = true }).SelectOptionAsync("C2");
        await Page.GetByLabel("zaterdag middag", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Hoeveel statushouders tegelijk", new() { Exact = true }).FillAsync("2");
        await Page.GetByLabel("Verklaring Omtrent het Gedrag (VOG)", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "aangevraagd" });
        await Page.GetByLabel("Datum van aanvraag of ontvangst", new() { Exact = true }).FillAsync("2026-10-01");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Vrijwilliger toevoegen", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Semhar Tesfamariam", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Nog niet inzetbaar: de VOG is aangevraagd");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("08-vrijwilliger");

        await Page.GotoAsync("/vrijwilligers?taal=tigr&dag=Saturday");
        await Expect(Page.GetByRole(AriaRole.Table)).ToContainTextAsync("Semhar Tesfamariam");
        await Expect(Page.GetByRole(AriaRole.Table)).ToContainTextAsync("nog niet inzetbaar");
        await SaveScreenshotAsync("09-vrijwilliger-gevonden");
    }

    private ILocator Navigation => Page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdnavigatie" });

    [GeneratedRegex("/sociale-kaart/organisaties/[0-9a-f-]{36}\\?opgeslagen=1")]
    private static partial Regex OrganisationPage();
}
