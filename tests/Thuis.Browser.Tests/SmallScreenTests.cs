using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

/// <summary>
/// The pages people use most, on a phone (390 px) and at 400 % zoom (320 CSS px): nothing scrolls sideways, the
/// header's words stay whole, its targets and every button and field are large enough to tap, and axe finds nothing
/// serious; and at 1280 px every table fits without scrolling.
/// </summary>
public sealed class SmallScreenTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly int[] Widths = [390, 320];

    [Fact]
    public async Task A_case_managers_start_page_caseload_dossier_plan_and_signals_fit_a_phone_and_400_percent_zoom()
    {
        await SignInAsync(CaseManagerOfDalfsen);
        await Page.GotoAsync("/plannen?wie=alle");
        var plan = await Page.Locator("tbody th a").Last.GetAttributeAsync("href");
        await Page.GotoAsync("/dossiers");
        var dossier = await Page.Locator("tbody a").First.GetAttributeAsync("href");

        foreach (var path in new[] { "/", "/dossiers", dossier!, plan!, "/signalen" })
        {
            await AssertFitsAsync(path);
        }
    }

    [Fact]
    public async Task A_coordinators_trajectory_group_and_report_fit_a_phone_and_400_percent_zoom()
    {
        await SignInAsync("coordinator@dalfsen.example");
        await Page.GotoAsync("/trajecten");
        var group = await Page.Locator("tbody a").First.GetAttributeAsync("href");

        foreach (var path in new[] { group!, "/rapportages", "/trajecten/nieuw" })
        {
            await AssertFitsAsync(path);
        }

        // The report's charts write their labels and figures as text the size of the page's, also on a phone,
        // so they grow with the reader's zoom instead of shrinking with the drawing.
        foreach (var width in Widths)
        {
            await Page.SetViewportSizeAsync(width, 844);
            await Page.GotoAsync("/rapportages");
            var sizes = await Page.EvaluateAsync<double[]>(
                "() => [...document.querySelectorAll('.thuis-chart__label, .thuis-chart__value')].map(e => parseFloat(getComputedStyle(e).fontSize))");
            Assert.NotEmpty(sizes);
            var body = await Page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)");
            Assert.All(sizes, size => Assert.True(size >= body, $"Een label van de grafiek is {size} px bij {width} px breed; de tekst is {body} px."));
        }

        // The section on paid work is there with its chart and tables (axe looked at the whole page above); a picture of it at both widths.
        foreach (var width in new[] { 1280, 390 })
        {
            await Page.SetViewportSizeAsync(width, 844);
            await Page.GotoAsync("/rapportages");
            var work = Page.Locator("section[data-testid='werk']");
            await Expect(work.GetByRole(AriaRole.Heading, new() { Name = "Werk", Exact = true })).ToBeVisibleAsync();
            await Expect(work.Locator(".thuis-chart")).ToBeVisibleAsync();
            foreach (var table in new[] { "werk", "werk-per-werkgever", "werk-per-jobcoach" })
            {
                await Expect(work.Locator($"[data-testid='tabel-{table}']")).ToBeVisibleAsync();
            }
            await work.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", $"rapportage-werk-{width}.png") });
        }
    }

    [Fact]
    public async Task The_error_summary_takes_focus_is_announced_links_to_each_field_and_each_field_is_described_by_its_error()
    {
        await SignInAsync(CaseManagerOfDalfsen);
        // First search, as the page asks; nobody is found, and the registration form appears.
        await Page.GotoAsync("/dossiers/nieuw?zoek=Niemand%20Bekend");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Registreren", Exact = true }).ClickAsync();

        var summary = Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Controleer de invoer" });
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary).ToBeFocusedAsync();
        await Expect(Page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Fout: Statushouder registreren"));
        var links = summary.GetByRole(AriaRole.Link);
        Assert.True(await links.CountAsync() >= 3, "De samenvatting noemt elke fout met een link naar het veld.");

        var first = links.First;
        var message = (await first.TextContentAsync())!.Trim();
        var href = (await first.GetAttributeAsync("href"))!;
        Assert.StartsWith("/dossiers/nieuw", href, StringComparison.Ordinal);
        await first.ClickAsync();
        var field = Page.Locator(href[href.IndexOf('#', StringComparison.Ordinal)..]);
        await Expect(field).ToBeFocusedAsync();
        await Expect(field).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(message)));
        await Accessibility.AssertNoSeriousViolationsAsync(Page);

        await Page.SetViewportSizeAsync(320, 844);
        Assert.True(await OverflowAsync() <= 0, "Het formulier met fouten schuift opzij bij 320 px.");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("fouten-320");
    }

    private async Task AssertFitsAsync(string path)
    {
        foreach (var width in Widths)
        {
            await Page.SetViewportSizeAsync(width, 844);
            await Page.GotoAsync(path);
            var overflow = await OverflowAsync();
            Assert.True(overflow <= 0, $"{path} schuift {overflow} px opzij bij {width} px breed.");

            // Every link and button in the header and menu: its text on one line and at least 44 px high.
            var broken = await Page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('.thuis-header a, .thuis-header button')]
                    .filter(e => e.offsetParent !== null)
                    .flatMap(e => {
                        const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
                        const lines = new Set();
                        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                            if (!node.textContent.trim()) continue;
                            const range = document.createRange();
                            range.selectNodeContents(node);
                            [...range.getClientRects()].forEach(r => lines.add(Math.round(r.top)));
                        }
                        const height = e.getBoundingClientRect().height;
                        const problems = [];
                        if (lines.size > 1) problems.push(`'${e.textContent.trim()}' breekt over ${lines.size} regels`);
                        if (height < 44) problems.push(`'${e.textContent.trim()}' is ${Math.round(height)} px hoog`);
                        return problems;
                    })
                """);
            Assert.True(broken.Length == 0, $"{path} bij {width} px: {string.Join("; ", broken)}");

            // Every button on the page, and every field people tap, is at least 44 px high.
            var small = await Page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('main button, main input:not([type=checkbox]):not([type=radio]):not([type=hidden]), main select, main .utrecht-button-link')]
                    .filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 44)
                    .map(e => `${e.tagName.toLowerCase()} '${(e.textContent || e.name || e.id).trim()}' is ${Math.round(e.getBoundingClientRect().height)} px hoog`)
                """);
            Assert.True(small.Length == 0, $"{path} bij {width} px: {string.Join("; ", small)}");
            await Accessibility.AssertNoSeriousViolationsAsync(Page);
            await SaveScreenshotAsync($"{path.Trim('/').Replace('/', '-')}-{width}");
        }
        await Page.SetViewportSizeAsync(1280, 800);
        await Page.GotoAsync(path);
        await Accessibility.AssertNoSeriousViolationsAsync(Page);

        // On a desktop screen every table fits without scrolling inside its region.
        var wide = await Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('main table')]
                .filter(t => t.parentElement.scrollWidth > t.parentElement.clientWidth + 1)
                .map(t => `'${(t.caption?.textContent ?? '').trim()}' is ${t.parentElement.scrollWidth} px breed in ${t.parentElement.clientWidth} px`)
            """);
        Assert.True(wide.Length == 0, $"{path} bij 1280 px: {string.Join("; ", wide)}");
    }

    private Task<int> OverflowAsync() =>
        Page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
}
