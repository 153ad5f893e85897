using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed class InterventionGuideJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string CoordinatorOfDalfsen = "coordinator@dalfsen.example";

    [Fact]
    public async Task A_coordinator_finds_interventions_for_financial_health_for_a_55_year_old_with_A1_Dutch_and_makes_one_available_here()
    {
        await SignInAsync(CoordinatorOfDalfsen);
        var main = Page.GetByRole(AriaRole.Main);

        await Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Interventiewijzer", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Interventiewijzer");
        await Page.GetByLabel("Participatiedomein", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "financieel gezond zijn" });
        await Page.GetByLabel("Leeftijd", new() { Exact = true }).FillAsync("55");
        await Page.GetByLabel("Taalniveau Nederlands", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "A1" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Zoeken", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "3 interventies gevonden", Level = 2 })).ToBeVisibleAsync();
        var cards = Page.Locator(".thuis-guide-card");
        var card = cards.Filter(new() { HasText = "Thuisadministratie met een vrijwilliger" });
        await Expect(card).ToContainTextAsync("past bij 55 jaar");
        await Expect(card).ToContainTextAsync("taalniveau A1 is genoeg");
        await Expect(card).ToContainTextAsync("niet hier");
        await Expect(card).ToContainTextAsync("voorbeeldinhoud");
        await Expect(main).Not.ToContainTextAsync("Grip op geld");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("01-gevonden");

        await card.GetByRole(AriaRole.Link, new() { Name = "Thuisadministratie met een vrijwilliger", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thuisadministratie met een vrijwilliger");
        await Expect(main).ToContainTextAsync("Deze interventie is hier (nog) niet beschikbaar.");
        await Expect(main).ToContainTextAsync("goed onderbouwd");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("02-interventie");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Beschikbaar maken in uw gemeente", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Beschikbaarheid in uw gemeente");
        await Page.GetByLabel("Uitgevoerd door", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "VluchtelingenWerk Dalfsen (demo)" });
        await Page.GetByLabel("Capaciteit (aantal deelnemers tegelijk)", new() { Exact = true }).FillAsync("10");
        await Page.GetByLabel("Wachtlijst (aantal mensen)", new() { Exact = true }).FillAsync("0");
        await Page.GetByLabel("Wanneer", new() { Exact = true }).FillAsync("op afspraak, aan huis");
        await Page.GetByLabel("Contact", new() { Exact = true }).FillAsync("Coördinator thuisadministratie, 0529-000000");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("03-beschikbaar-maken");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "De beschikbaarheid in uw gemeente is opgeslagen." })).ToBeVisibleAsync();
        await Expect(main).ToContainTextAsync("VluchtelingenWerk Dalfsen (demo)");
        await Expect(main).ToContainTextAsync("geen wachtlijst");
        await Expect(main.Locator(".thuis-guide-card__badges").First).ToContainTextAsync("hier beschikbaar");

        // Back to the same question: the intervention now runs here and comes first.
        await Page.GoBackAsync();
        await Page.GoBackAsync();
        await Page.GoBackAsync();
        await Page.ReloadAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "3 interventies gevonden", Level = 2 })).ToBeVisibleAsync();
        await Expect(cards.First).ToContainTextAsync("Thuisadministratie met een vrijwilliger");
        await Expect(cards.First).ToContainTextAsync("hier beschikbaar bij VluchtelingenWerk Dalfsen (demo)");
        await Expect(cards.First.Locator(".thuis-tag--here")).ToHaveTextAsync("hier beschikbaar");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("04-hier-beschikbaar");
    }
}
