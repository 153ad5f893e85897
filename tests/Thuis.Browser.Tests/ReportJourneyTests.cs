using System.IO.Compression;
using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed class ReportJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string CoordinatorOfDalfsen = "coordinator@dalfsen.example";

    [Fact]
    public async Task The_coordinator_reads_the_report_filters_a_quarter_and_downloads_the_Excel_workbook()
    {
        await SignInAsync(CoordinatorOfDalfsen);
        await Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Rapportages" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Rapportages", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("cohort-omvang")).ToContainTextAsync("Iedereen die gehuisvest is");
        // The funnel chart is an image with a name, and its table says the same.
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = "Trechter: deel van het cohort per stap" })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("tabel-trechter")).ToContainTextAsync("intake afgerond");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("01-iedereen");

        // The money of everyone housed: its chart and its two tables.
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = "Geld op orde: deel per uitkomst" })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("tabel-geld")).ToContainTextAsync("ontzorgd");
        await Expect(Page.GetByTestId("tabel-geld-bedragen")).ToContainTextAsync("€");
        await Page.GetByTestId("geld").ScrollIntoViewIfNeededAsync();
        await SaveScreenshotAsync("01b-geld");

        // The demo people were housed over the last year and a half: after everyone come the years, then the
        // quarters, the current one first.
        var cohort = Page.GetByLabel("Cohort", new() { Exact = true });
        var values = await cohort.Locator("option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
        Assert.Matches("^[0-9]{4}$", values[1]);
        var previousQuarter = values.Where(v => v.Contains("-K", StringComparison.Ordinal)).Skip(1).First();
        Assert.Matches("^[0-9]{4}-K[1-4]$", previousQuarter);
        await cohort.SelectOptionAsync(previousQuarter!);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Toon", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"cohort={previousQuarter}$"));
        await Expect(Page.GetByTestId("cohort-omvang")).ToContainTextAsync("kwartaal");
        await Expect(cohort).ToHaveValueAsync(previousQuarter!);
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("02-kwartaal");

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("excel-export").ClickAsync());
        Assert.Matches($"^rapportage-alle-tabellen-{previousQuarter}-[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}\\.xlsx$", download.SuggestedFilename);
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(file);
        try
        {
            using var zip = ZipFile.OpenRead(file);
            Assert.Contains(zip.Entries, e => e.FullName == "xl/workbook.xml");
            Assert.Equal(Thuis.Web.Features.Reports.ReportTables.Keys.Count, zip.Entries.Count(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
