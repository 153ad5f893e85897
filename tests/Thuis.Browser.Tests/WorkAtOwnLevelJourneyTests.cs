using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed class WorkAtOwnLevelJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_case_manager_sees_the_teacher_offered_work_in_her_own_field_not_in_the_warehouse_and_the_recognition_her_plan_needs()
    {
        await SignInAsync(CaseManagerOfDalfsen);
        await Page.GotoAsync("/dossiers?zoek=Haddad");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Haddad, Samira" }).First.ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Suggesties", Exact = true }).ClickAsync();
        await Page.GetByLabel("Soort").SelectOptionAsync(new SelectOptionValue { Label = "baan" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Filteren" }).ClickAsync();

        var cards = Page.Locator(".thuis-suggestions > li");
        await Expect(cards.Filter(new() { HasText = "Onderwijsassistent (leerwerkbaan)" })).ToContainTextAsync("in je eigen vak (leraar basisonderwijs), als opstap");
        await Expect(cards.Filter(new() { HasText = "Orderpicker" })).ToHaveCountAsync(0);
        await Expect(cards.Filter(new() { HasText = "Productiemedewerker" })).ToHaveCountAsync(0);
        await AccessibleAtBothWidthsAsync("01-banen");

        await Page.GotoAsync(Page.Url.Split('?')[0].Replace("/suggesties", "/plan", StringComparison.Ordinal));
        var road = Page.GetByTestId("werk-suggesties");
        await Expect(road).ToContainTextAsync("Erkenning als leraar basisonderwijs aanvragen bij DUO");
        await AccessibleAtBothWidthsAsync("02-plan");

        await Page.GotoAsync(Page.Url.Replace("/plan", "/intake/werkervaring", StringComparison.Ordinal));
        await Page.GetByLabel("Erkenning als leraar basisonderwijs bij DUO").SelectOptionAsync(new SelectOptionValue { Label = "aangevraagd" });
        await AccessibleAtBothWidthsAsync("03-werkervaring");
    }
}
