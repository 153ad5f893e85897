using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed class DiplomaJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_case_manager_adds_a_second_diploma_beside_the_teachers_valued_bachelor_and_a_level_without_a_valuation_is_refused_beside_its_field()
    {
        await SignInAsync(CaseManagerOfDalfsen);
        await Page.GotoAsync("/dossiers?zoek=Haddad");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Haddad, Samira" }).First.ClickAsync();
        await Page.GotoAsync(Page.Url.Split('?')[0] + "/intake/opleiding");

        var bachelor = Page.GetByRole(AriaRole.Group, new() { Name = "Diploma 1: Bachelor pedagogiek" });
        await Expect(bachelor.GetByLabel("Diplomawaardering", new() { Exact = true })).ToHaveValueAsync("Valued");
        await Expect(bachelor.GetByLabel("Nederlands niveau volgens de waardering")).ToHaveValueAsync("6");
        await AccessibleAtBothWidthsAsync("01-diplomas");

        var next = Page.GetByRole(AriaRole.Group, new() { Name = "Diploma 2 (nieuw)" });
        await next.GetByLabel("Opleiding", new() { Exact = true }).FillAsync("Master onderwijskunde");
        await next.GetByLabel("Land", new() { Exact = true }).FillAsync("Libanon");
        await next.GetByLabel("Diplomawaardering", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "aangevraagd" });
        await next.GetByLabel("Nederlands niveau volgens de waardering").SelectOptionAsync(new SelectOptionValue { Label = "NLQF 7 — master" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();

        var refused = Page.GetByRole(AriaRole.Group, new() { Name = "Diploma 2: Master onderwijskunde" });
        await Expect(refused.Locator("#diploma-2-nlqf-fout")).ToContainTextAsync("Een niveau hoort bij een gewaardeerd diploma");
        await AccessibleAtBothWidthsAsync("02-fout");

        await refused.GetByLabel("Nederlands niveau volgens de waardering").SelectOptionAsync(new SelectOptionValue { Label = "nog niet bekend" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Group, new() { Name = "Diploma 2: Master onderwijskunde" }).GetByLabel("Diplomawaardering", new() { Exact = true })).ToHaveValueAsync("Applied");
    }
}
