using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed class ReferralJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string PartnerOfDalfsen = "partner@dalfsen.example";

    [Fact]
    public async Task A_case_manager_proposes_records_the_yes_and_refers_and_the_partner_accepts_seeing_only_what_it_needs()
    {
        await SignInAsync(CaseManagerOfDalfsen);
        await Page.GotoAsync("/dossiers?zoek=Haddad");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Haddad, Samira" }).First.ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Voorstellen en verwijzingen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Voorstellen en verwijzingen");

        await Page.GetByLabel("Wat stelt u voor?").FillAsync("Meedoen met de vrouwengroep op woensdag");
        // The partner whose demo worker signs in below.
        var partner = await Page.Locator("#organisatie option").Filter(new() { HasText = "VluchtelingenWerk" }).First.GetAttributeAsync("value");
        await Page.GetByLabel("Organisatie (optioneel)").SelectOptionAsync(partner!);
        await Page.GetByLabel("Waarom past het?").FillAsync("Wil andere moeders leren kennen; de groep is in haar wijk.");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Voorstel vastleggen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Het voorstel is vastgelegd.");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Meedoen met de vrouwengroep op woensdag" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Verwijzing versturen" })).ToHaveCountAsync(0);
        await Page.GetByLabel("ja", new() { Exact = true }).CheckAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("01-antwoord");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Antwoord vastleggen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("gegeven op");
        await Page.GetByLabel("Bericht voor de partner (optioneel)").FillAsync("Spreekt Arabisch en een beetje Nederlands.");
        await Expect(Page.GetByRole(AriaRole.Radio, new() { Checked = true })).ToHaveCountAsync(0);
        await Page.GetByLabel("neemt contact op met Samira").CheckAsync();
        await Page.GetByLabel("telefoonnummer delen").CheckAsync();
        await AccessibleAtBothWidthsAsync("02a-doorverwijzen");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Verwijzing versturen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("De verwijzing is verstuurd naar de partner.");
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "vrouwengroep" })).ToContainTextAsync("verstuurd");
        await SaveScreenshotAsync("02-verstuurd");

        await Page.Context.ClearCookiesAsync();
        await SignInAsync(PartnerOfDalfsen);
        await Page.GotoAsync("/verwijzingen");
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "vrouwengroep" });
        await Expect(row).ToContainTextAsync("Samira");
        await Expect(Page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync("Haddad");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Spreekt Arabisch en een beetje Nederlands.");
        await Expect(Page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync("BSN");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("telefoonnummer delen met");
        await AccessibleAtBothWidthsAsync("02b-partner-ziet-verwijzing");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Verwijzing aannemen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Opgeslagen.");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("geaccepteerd");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Gestart" })).ToBeVisibleAsync();
        await SaveScreenshotAsync("03-aangenomen");
    }

    [Fact]
    public async Task A_partner_ending_a_referral_chooses_the_outcome_themselves_and_still_going_waits_for_three_months()
    {
        await SignInAsync(PartnerOfDalfsen);
        await Page.GotoAsync("/verwijzingen");
        // A demo referral that started about a month ago.
        await Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Taalcafé op donderdagavond" }).Filter(new() { HasText = "gestart" })
            .First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Verwijzing: Taalcafé op donderdagavond");

        var attendance = Page.GetByRole(AriaRole.Table, new() { Name = "Aanwezigheid per datum" });
        await Expect(attendance).ToBeVisibleAsync();
        await Expect(attendance).ToContainTextAsync("aangepast; eerst afwezig");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("telefoonnummer");

        var outcome = Page.GetByRole(AriaRole.Group, new() { Name = "Uitkomst" });
        await Expect(outcome.GetByRole(AriaRole.Radio)).ToHaveCountAsync(2);
        await Expect(outcome.GetByRole(AriaRole.Radio, new() { Checked = true })).ToHaveCountAsync(0);
        var stillGoing = outcome.GetByRole(AriaRole.Radio, new() { Name = "doet na drie maanden nog mee" });
        await Expect(stillGoing).ToBeDisabledAsync();
        await Expect(outcome).ToContainTextAsync("kan vanaf");
        await Expect(outcome.GetByRole(AriaRole.Radio, new() { Name = "gestopt" })).ToBeEnabledAsync();
        await AccessibleAtBothWidthsAsync("04-uitkomst");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Beëindigen" }).ClickAsync();
        var summary = Page.Locator(".thuis-error-summary");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary).ToContainTextAsync("Kies de uitkomst van de verwijzing.");
        await Expect(Page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Fout: Verwijzing"));
        await Expect(Page.Locator("#uitkomst-fout")).ToContainTextAsync("Kies de uitkomst van de verwijzing.");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("gestart");
        await Expect(summary.GetByRole(AriaRole.Link).First).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("#uitkomst-Stopped$"));
        await AccessibleAtBothWidthsAsync("05-uitkomst-kiezen");
    }
}
