using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed partial class UserAdministrationJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string AdministratorOfDalfsen = "beheerder@dalfsen.example";
    private const string ChosenPassword = "de kat zit graag op de vensterbank";

    [Fact]
    public async Task The_administrator_invites_a_case_manager_who_signs_in_and_is_deactivated_later()
    {
        var email = $"nieuwe-klantregisseur-{Guid.NewGuid():N}"[..30] + "@dalfsen.example";
        await SignInAsync(AdministratorOfDalfsen);
        await Page.GotoAsync("/beheer");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Gebruikers beheren" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Gebruikers", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Karin Klantregisseur");
        await AccessibleAtBothWidthsAsync("gebruikers");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Gebruiker uitnodigen" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Uitnodigen" }).ClickAsync();
        await Expect(Page.GetByText("Vul het e-mailadres in.").First).ToBeVisibleAsync();
        await AccessibleAtBothWidthsAsync("uitnodigen-fouten");
        await Page.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(email);
        await Page.GetByLabel("Naam", new() { Exact = true }).FillAsync("Noor Nieuw");
        await Page.GetByLabel("Rol", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "klantregisseur" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Uitnodigen" }).ClickAsync();
        var link = await Page.GetByTestId("uitnodigingslink").InputValueAsync();
        Assert.Contains("/account/uitnodiging?token=", link, StringComparison.Ordinal);
        await AccessibleAtBothWidthsAsync("uitnodiging-link");

        // The link is handed over and opened in another browser.
        var theirs = await (await Fixture.NewContextAsync()).NewPageAsync();
        await theirs.GotoAsync(link);
        await Expect(theirs.GetByRole(AriaRole.Main)).ToContainTextAsync("Noor Nieuw");
        await theirs.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(ChosenPassword);
        await theirs.GetByLabel("Wachtwoord nog een keer").FillAsync(ChosenPassword);
        await theirs.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord instellen" }).ClickAsync();
        await Expect(theirs).ToHaveURLAsync(new Uri(Fixture.BaseAddress, "/").ToString());
        await theirs.GetByRole(AriaRole.Button, new() { Name = "Uitloggen", Exact = true }).ClickAsync();
        await theirs.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(email);
        await theirs.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(ChosenPassword);
        await theirs.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
        await Expect(theirs.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Goedendag, Noor Nieuw");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Naar de gebruiker" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("actief");
        await AccessibleAtBothWidthsAsync("gebruiker");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Deactiveren" }).ClickAsync();
        await AccessibleAtBothWidthsAsync("deactiveren");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ja, deactiveren" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("De gebruiker is gedeactiveerd");

        await theirs.ReloadAsync();
        await Expect(theirs).ToHaveURLAsync(SignInPage());
        await theirs.Context.CloseAsync();
    }

    [Fact]
    public async Task The_password_page_is_accessible_at_both_widths()
    {
        await SignInAsync(AdministratorOfDalfsen);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Wachtwoord wijzigen" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord wijzigen" }).ClickAsync();
        await Expect(Page.GetByText("Vul uw huidige wachtwoord in.").First).ToBeVisibleAsync();

        await AccessibleAtBothWidthsAsync("wachtwoord");
    }

    [GeneratedRegex(@"/account/inloggen(\?.*)?$")]
    private static partial Regex SignInPage();
}
