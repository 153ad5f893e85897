using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using Thuis.Web.Features.Own;
using Thuis.Web.Platform.Localization;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed class MoneyJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_case_manager_records_a_bill_the_municipality_pays_and_makes_the_household_budget_with_the_person()
    {
        await SignInAsync(CaseManagerOfDalfsen);
        await Page.GotoAsync("/dossiers");
        var person = Page.Locator("table tbody tr a").Nth(5);
        var name = (await person.TextContentAsync())!.Trim();
        await person.ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Geld: ontzorgen, schulden en huishoudboekje" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex("^Geld: "));
        await AccessibleAtBothWidthsAsync("01-geld");

        // Another fixed cost without what it is or its amount: every message at once, in a summary that takes focus.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Vaste last toevoegen" }).ClickAsync();
        await Page.GetByLabel("Vaste last", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "andere vaste last" });
        await Page.GetByLabel("Betaald aan").FillAsync("Telecombedrijf");
        await Page.GetByLabel("Bedrag per maand in euro").FillAsync("veertig");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Vaste last opslaan" }).ClickAsync();
        var summary = Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Beschrijf welke vaste last de gemeente betaalt." });
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToContainTextAsync("Vul een bedrag in euro in, bijvoorbeeld 612,40.");
        await Expect(Page.GetByLabel("Betaald aan")).ToHaveValueAsync("Telecombedrijf");
        await AccessibleAtBothWidthsAsync("02-vaste-last-fouten");

        await Page.GetByLabel("Omschrijving (bij een andere vaste last)").FillAsync("Internet en telefoon");
        await Page.GetByLabel("Bedrag per maand in euro").FillAsync("39,95");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Vaste last opslaan" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("De vaste last is opgeslagen.");
        await Expect(Page.GetByTestId("vaste-lasten")).ToContainTextAsync("Internet en telefoon");
        await Expect(Page.GetByTestId("vaste-lasten")).ToContainTextAsync("€ 39,95");

        // The household budget, typed as people type amounts.
        await Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Huishoudboekje (maken|bijwerken)$") }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex("^Huishoudboekje van "));
        await Page.GetByLabel("Uitkering (netto)").FillAsync("1.400,00");
        await Page.GetByLabel("Huur", new() { Exact = true }).FillAsync("600");
        await Page.GetByLabel("Telefoon en internet").FillAsync("39,95");
        foreach (var other in new[] { "Huurtoeslag en zorgtoeslag", "Kinderbijslag en kindgebonden budget", "Energie", "Water", "Zorgverzekering" })
        {
            await Page.GetByLabel(other, new() { Exact = true }).FillAsync("");
        }
        await AccessibleAtBothWidthsAsync("03-huishoudboekje");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Huishoudboekje opslaan" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Het huishoudboekje is opgeslagen.");
        await Expect(Page.GetByTestId("huishoudboekje-samenvatting")).ToContainTextAsync("Per maand komt er € 1.400,00 binnen");
        await Expect(Page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^Huishoudboekje van ") })).ToBeVisibleAsync();
        await AccessibleAtBothWidthsAsync("04-geld-met-huishoudboekje");
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public async Task The_newcomer_reads_their_own_money_in_Arabic_right_to_left()
    {
        await SignInWithPasswordAsync(Page, "nieuwkomer@dalfsen.example");
        await Expect(Page).ToHaveURLAsync(new Uri(Fixture.BaseAddress, OwnSetup.StartPath).ToString());

        await Page.GotoAsync($"/mijn/geld?{LocalizationSetup.LanguageParameter}=ar");

        var arabic = Languages.Find("ar")!;
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(OwnTexts.In(arabic, "MoneyTitle"));
        await Expect(Page.GetByTestId("own-money-week")).ToContainTextAsync("€");
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = OwnTexts.In(arabic, "MoneyChartTitle") })).ToBeVisibleAsync();
        await AccessibleAtBothWidthsAsync("01-mijn-geld");
        await Page.GotoAsync($"/mijn/geld?{LocalizationSetup.LanguageParameter}=nl");
    }
}
