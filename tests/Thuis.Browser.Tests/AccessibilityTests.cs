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
}
