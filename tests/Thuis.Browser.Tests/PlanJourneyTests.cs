using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using Thuis.Web.Platform.Localization;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed partial class PlanJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_case_manager_draws_up_a_plan_with_small_steps_in_two_domains_fixes_it_and_prints_it()
    {
        await SignInAsync(CaseManagerOfDalfsen);
        var soon = TimeProvider.System.InTheNetherlands().AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var later = TimeProvider.System.InTheNetherlands().AddDays(45).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // The demo's first person has no plan yet; the overview lists her among those without a fixed plan.
        await Page.GotoAsync("/plannen?wie=alle");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Haddad, Samira", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Plan (PIP) van Samira Haddad");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Plan opstellen", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Plan bewerken (versie 1, concept)");

        await Page.GetByLabel("Wensen en dromen, in eigen woorden").FillAsync("Weer als verpleegkundige werken en Nederlands leren met andere moeders.");
        await Page.GetByLabel("Leerroute", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "B1-route" });
        await Page.GetByLabel("Hoofddoel", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "werk" });
        await Page.GetByLabel("Doel in ontmoeten").FillAsync("Andere moeders in het dorp leren kennen");
        await Page.GetByLabel("Doel in betaald werk").FillAsync("Weer in de zorg werken");
        await FillStepAsync(1, "ontmoeten", "Meedoen met de wandelgroep op dinsdag", "vrijwilliger", soon, fun: true);
        await FillStepAsync(2, "betaald werk", "Diploma laten waarderen bij IDW", "klantregisseur", soon, fun: false);
        await FillStepAsync(3, "betaald werk", "Een dag meelopen in het verpleeghuis", "partnerorganisatie", later, fun: false);
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("01-plan-invullen");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Het plan is opgeslagen.");
        var main = Page.GetByRole(AriaRole.Main);
        await Expect(main.GetByRole(AriaRole.Heading, new() { Name = "Ontmoeten", Level = 3 })).ToBeVisibleAsync();
        await Expect(main.GetByRole(AriaRole.Heading, new() { Name = "Betaald werk", Level = 3 })).ToBeVisibleAsync();
        await Expect(main.GetByRole(AriaRole.Row)).ToContainTextAsync(["Meedoen met de wandelgroep", "Diploma laten waarderen", "Een dag meelopen"]);
        await Expect(main).Not.ToContainTextAsync("Er staat nog geen laagdrempelige");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("02-concept");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Plan vaststellen", Exact = true }).ClickAsync();
        await Expect(Page.GetByLabel("Dagtekening")).ToHaveValueAsync(TimeProvider.System.InTheNetherlands().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Plan vaststellen", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Het plan is vastgesteld.");
        await Expect(main).ToContainTextAsync("Inburgeringstermijn");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Nieuwe versie maken" })).ToBeVisibleAsync();
        await SaveScreenshotAsync("03-vastgesteld");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Afdrukken", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Persoonlijk Plan Inburgering en Participatie");
        await Expect(main).ToContainTextAsync("Samira Haddad");
        await Expect(main).ToContainTextAsync("B1-route");
        await Expect(main).ToContainTextAsync("Handtekening klantregisseur");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("04-afdrukken");

        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(Page.Locator(".thuis-header")).ToBeHiddenAsync();
        await Expect(Page.Locator(".thuis-screen-only")).ToBeHiddenAsync();
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(folder);
        var pdf = await Page.PdfAsync(new PagePdfOptions { Path = Path.Combine(folder, "plan-samira-haddad.pdf"), Format = "A4" });
        var pages = PdfPage().Count(System.Text.Encoding.Latin1.GetString(pdf));
        Assert.InRange(pages, 1, 2);
    }

    private async Task FillStepAsync(int number, string domain, string what, string owner, string due, bool fun)
    {
        await Page.Locator($"#stap-{number}-wat").FillAsync(what);
        await Page.Locator($"#stap-{number}-domein").SelectOptionAsync(new SelectOptionValue { Label = domain });
        await Page.Locator($"#stap-{number}-wie").SelectOptionAsync(new SelectOptionValue { Label = owner });
        await Page.Locator($"#stap-{number}-klaar").FillAsync(due);
        if (fun)
        {
            await Page.Locator($"#stap-{number}-leuk").CheckAsync();
        }
    }

    // A page object in the PDF, not the page tree ("/Type /Pages").
    [GeneratedRegex(@"/Type\s*/Page(?![a-z])")]
    private static partial Regex PdfPage();
}
