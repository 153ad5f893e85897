using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using Thuis.Web.Data;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed partial class SignInJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_case_manager_signs_in_sees_their_municipality_and_signs_out()
    {
        await Page.GotoAsync(SignInPath);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Inloggen", Level = 1 })).ToBeVisibleAsync();
        await SaveScreenshotAsync("inlogpagina");

        await Page.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(CaseManagerOfDalfsen);
        await Page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(DemoData.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Uri(Fixture.BaseAddress, "/").ToString());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Goedendag, Karin Klantregisseur");
        var header = Page.GetByRole(AriaRole.Banner);
        await Expect(header).ToContainTextAsync("Gemeente: Dalfsen");
        await Expect(header.GetByText("Dalfsen", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("U werkt in Thuis voor de gemeente Dalfsen als klantregisseur.");
        await SaveScreenshotAsync("startpagina");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen", Exact = true }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(SignInPage());
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("U bent uitgelogd.");
        await Expect(Page.GetByRole(AriaRole.Banner)).Not.ToContainTextAsync("Dalfsen");
        await SaveScreenshotAsync("uitgelogd");

        await Page.GotoAsync("/");

        await Expect(Page).ToHaveURLAsync(SignInPage());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Inloggen", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_wrong_password_shows_a_Dutch_message_and_keeps_the_typed_email_address()
    {
        // An account no other test signs in with, so the failed attempt cannot lock anyone else out.
        const string email = "vrijwilligers@zoetermeer.example";
        await Page.GotoAsync(SignInPath);

        await Page.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(email);
        await Page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync("dit-is-niet-het-wachtwoord");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Het e-mailadres of het wachtwoord klopt niet.");
        await Expect(Page).ToHaveURLAsync(SignInPage());
        await Expect(Page.GetByLabel("E-mailadres", new() { Exact = true })).ToHaveValueAsync(email);
        await Expect(Page.GetByLabel("Wachtwoord", new() { Exact = true })).ToHaveValueAsync("");
        await SaveScreenshotAsync("foutmelding");
    }

    [GeneratedRegex(@"/account/inloggen(\?.*)?$")]
    private static partial Regex SignInPage();
}
