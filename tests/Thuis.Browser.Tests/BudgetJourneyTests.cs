using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed class BudgetJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_coordinator_sets_next_years_budget_after_bad_input_and_reads_the_budget_page_with_its_chart()
    {
        await SignInAsync("coordinator@zoetermeer.example");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Begroting", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex("^Begroting integratie \\d{4}$"));
        var year = int.Parse((await Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync())![^4..], System.Globalization.CultureInfo.InvariantCulture);

        // This year's demo budget: the chart per month, the tables and their downloads.
        await Expect(Page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^Prognose per maand in") })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("bronnen")).ToContainTextAsync("Rijksbijdrage inburgering");
        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Kosten per persoon tegen de norm van de leerroute" })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("excel-export")).ToBeVisibleAsync();
        // What the people of each housing year cost, and the accounting to the state in one table.
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = "Kosten per persoon per cohort" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = $"Verantwoording aan het Rijk over {year} (Wet inburgering 2021)" })).ToContainTextAsync("asielstatushouders gehuisvest in");
        await AccessibleAtBothWidthsAsync("01-begroting");
        await Page.GetByTestId("verantwoording").ScrollIntoViewIfNeededAsync();
        await SaveScreenshotAsync("01b-verantwoording");

        // Next year has no budget yet: the empty state leads to the form.
        await Page.GetByLabel("Jaar").SelectOptionAsync(new SelectOptionValue { Label = (year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Toon" }).ClickAsync();
        await Expect(Page.GetByTestId("geen-begroting")).ToBeVisibleAsync();
        await AccessibleAtBothWidthsAsync("02-geen-begroting");
        await Page.GetByRole(AriaRole.Link, new() { Name = $"Begroting {year + 1} vastleggen" }).ClickAsync();

        // Bad input first: a negative amount and more allocated than the budget holds; the summary takes focus.
        await Page.GetByLabel("Rijksbijdrage inburgering").FillAsync("-100");
        await Page.GetByLabel("PVT", new() { Exact = true }).FillAsync("90000");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();
        var summary = Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "negatief" });
        await Expect(summary).ToBeFocusedAsync();
        await Expect(Page.GetByLabel("PVT", new() { Exact = true })).ToHaveValueAsync("90000");
        await AccessibleAtBothWidthsAsync("03-begroting-fout");

        await Page.GetByLabel("Rijksbijdrage inburgering").FillAsync("60000");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "meer dan de begroting van € 60.000,00" })).ToBeFocusedAsync();
        await Page.GetByLabel("Eigen middelen").FillAsync("40000.50");
        await Page.GetByLabel("Norm B1-route").FillAsync("2370");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("De begroting is opgeslagen.");
        await Expect(Page.GetByTestId("bronnen")).ToContainTextAsync("€ 100.000,50");
        await AccessibleAtBothWidthsAsync("04-begroting-opgeslagen");
    }
}
