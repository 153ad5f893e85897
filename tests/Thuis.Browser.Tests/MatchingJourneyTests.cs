using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed class MatchingJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string PartnerOfDalfsen = "partner@dalfsen.example";
    private const string CoordinatorOfDalfsen = "coordinator@dalfsen.example";

    [Fact]
    public async Task A_case_manager_reads_the_reasons_proposes_a_suggestion_and_after_the_yes_the_partner_accepts_the_referral()
    {
        await SignInAsync(CaseManagerOfDalfsen);
        await Page.GotoAsync("/dossiers?zoek=Hussein");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Hussein, Heval" }).First.ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Suggesties", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Suggesties voor Heval");
        await Expect(Page.Locator(".thuis-suggestions > li").First).ToContainTextAsync("Waarom dit past");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);

        await Page.GetByLabel("Participatiedomein").SelectOptionAsync(new SelectOptionValue { Label = "ontmoeten" });
        await Page.GetByLabel("Soort").SelectOptionAsync(new SelectOptionValue { Label = "activiteit" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Filteren" }).ClickAsync();
        // A suggestion from the partner whose demo worker signs in below, with a reason in words.
        var card = Page.Locator(".thuis-suggestions > li").Filter(new() { HasText = "VluchtelingenWerk" }).First;
        await Expect(card).ToContainTextAsync("partner: kan een verwijzing ontvangen");
        await Expect(card.Locator(".thuis-reasons li").First).ToBeVisibleAsync();
        var title = (await card.Locator("h3").TextContentAsync())!.Trim();
        await SaveScreenshotAsync("01-suggesties");
        await card.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Voorstellen aan Heval") }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Het voorstel is vastgelegd.");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(title);
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Waarom het past");
        await Page.GetByLabel("ja", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Antwoord vastleggen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("gegeven op");
        await Page.GetByLabel("neemt zelf contact op").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Verwijzing versturen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("De verwijzing is verstuurd naar de partner.");
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = title })).ToContainTextAsync("verstuurd");

        await Page.Context.ClearCookiesAsync();
        await SignInAsync(PartnerOfDalfsen);
        await Page.GotoAsync("/verwijzingen");
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = title }).Filter(new() { HasText = "Heval" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(Page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync("Hussein");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Verwijzing aannemen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("geaccepteerd");
        await SaveScreenshotAsync("02-partner-neemt-aan");
    }

    [Fact]
    public async Task A_coordinator_runs_a_matching_round_for_language_buddies_and_accepts_two()
    {
        await SignInAsync(CoordinatorOfDalfsen);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Koppelen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Koppelen in één ronde");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await Page.GetByLabel("Soort").SelectOptionAsync(new SelectOptionValue { Label = "taalmaatje" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Koppelvoorstellen maken" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Koppelvoorstellen: taalmaatje");
        var rows = Page.Locator(".thuis-cohort-table tbody tr");
        Assert.True(await rows.CountAsync() >= 2, "minstens twee koppelvoorstellen");
        await Expect(rows.First.Locator(".thuis-reasons li").First).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("03-koppelronde");

        // Side by side: each row names the person and the taalmaatje, with the reasons between.
        var first = (await rows.Nth(0).Locator("th").TextContentAsync())!.Trim();
        var second = (await rows.Nth(1).Locator("th").TextContentAsync())!.Trim();
        await rows.Nth(0).GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Accepteren") }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Geaccepteerd");
        await Page.Locator(".thuis-cohort-table tbody tr").Filter(new() { HasText = second })
            .GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Accepteren") }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Geaccepteerd");
        await Expect(Page.Locator(".thuis-cohort-table tbody tr").Filter(new() { HasText = "Geaccepteerd door" })).ToHaveCountAsync(2);
        await SaveScreenshotAsync("04-twee-geaccepteerd");

        // Each accepted match is a proposal waiting for the person's own answer.
        await Page.Locator(".thuis-cohort-table tbody tr").Filter(new() { HasText = first }).GetByRole(AriaRole.Link, new() { Name = "Naar het voorstel" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Taalmaatje");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Antwoord vastleggen" })).ToBeVisibleAsync();
    }
}
