using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed class TermChangeJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_case_manager_opens_DUOs_term_decision_from_a_fixed_plan_and_sees_every_missing_field_at_once_also_on_a_phone()
    {
        await SignInAsync(CaseManagerOfDalfsen);
        // People without a fixed plan come first; the last one on the list has one.
        await Page.GotoAsync("/plannen?wie=alle");
        await Page.Locator("tbody th a").Last.ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Termijn verlengd of nieuwe termijn vastleggen", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Termijn verlengd of nieuwe termijn", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen", Exact = true }).ClickAsync();
        var summary = Page.Locator(".thuis-error-summary");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary).ToContainTextAsync("Kies of DUO de termijn verlengt of een nieuwe termijn geeft.");
        await Expect(summary).ToContainTextAsync("Vul het kenmerk van het besluit van DUO in.");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("01-fouten");

        await Page.SetViewportSizeAsync(390, 844);
        var overflow = await Page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"De pagina schuift {overflow} px opzij op een telefoon.");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("02-telefoon");
    }
}
