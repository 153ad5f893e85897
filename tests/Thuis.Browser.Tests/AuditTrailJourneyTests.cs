using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed class AuditTrailJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_privacy_officer_finds_who_looked_at_a_dossier_and_checks_the_chain()
    {
        // A case manager opens Samira Haddad's dossier first, so the trail has a view of it.
        await SignInAsync(CaseManagerOfDalfsen);
        await Page.GotoAsync("/dossiers?wie=alle&zoek=Haddad");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Haddad, Samira" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Samira Haddad", Level = 1 })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();

        await SignInAsync("fg@dalfsen.example");
        var menu = Page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdnavigatie" });
        await Expect(menu.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Start", "Audittrail", "Bewaren en wissen"]);
        await AccessibleAtBothWidthsAsync("01-start");

        await menu.GetByRole(AriaRole.Link, new() { Name = "Audittrail" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Audittrail", Level = 1 })).ToBeVisibleAsync();
        await Page.GetByLabel("Dossier van (naam of kenmerk)").FillAsync("Haddad");
        await Page.GetByLabel("Handeling").SelectOptionAsync("inzien");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        var first = Page.Locator("table tbody tr").First;
        await Expect(first).ToContainTextAsync("Karin Klantregisseur");
        await Expect(first).ToContainTextAsync("inzien: dossier");
        await Expect(first).ToContainTextAsync("Haddad, Samira");
        await AccessibleAtBothWidthsAsync("02-gezocht");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Audittrail controleren" }).ClickAsync();
        await Expect(Page.GetByTestId("audit-report")).ToContainTextAsync("De audittrail is intact.");
        await AccessibleAtBothWidthsAsync("03-gecontroleerd");
    }
}
