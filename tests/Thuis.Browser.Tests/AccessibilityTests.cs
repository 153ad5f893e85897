using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed class AccessibilityTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_sign_in_page_has_no_serious_or_critical_accessibility_violations()
    {
        await Page.GotoAsync(SignInPath);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Inloggen", Level = 1 })).ToBeVisibleAsync();

        await Accessibility.AssertNoSeriousViolationsAsync(Page);
    }

    [Fact]
    public async Task The_start_page_of_a_signed_in_case_manager_has_no_serious_or_critical_accessibility_violations()
    {
        await SignInAsync(CaseManagerOfDalfsen);

        await Accessibility.AssertNoSeriousViolationsAsync(Page);
    }

    [Fact]
    public async Task A_dossier_and_its_journey_have_no_serious_or_critical_accessibility_violations()
    {
        await SignInAsync(CaseManagerOfDalfsen);
        await Page.GotoAsync("/dossiers?zoek=Hussein");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Hussein, Heval" }).First.ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Verloop", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Verloop van Heval");
        await Expect(Page.Locator(".thuis-journey__moment").First).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("verloop");
    }

    [Fact]
    public async Task The_administrator_sets_a_signal_threshold_with_the_keyboard_on_an_accessible_page()
    {
        // Zoetermeer, so the signals other journeys rely on in Dalfsen stay as they are.
        await SignInAsync("beheerder@zoetermeer.example");
        await Page.GotoAsync("/beheer");
        var quiet = Page.GetByLabel("Na afhandelen niet opnieuw signaleren binnen (dagen)");
        await quiet.FillAsync("15");
        await quiet.PressAsync("Enter");

        await Expect(Page.GetByText("De drempels zijn opgeslagen en de signalen zijn opnieuw bepaald.")).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("Na afhandelen niet opnieuw signaleren binnen (dagen)")).ToHaveValueAsync("15");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("beheer-drempels");
    }
}
