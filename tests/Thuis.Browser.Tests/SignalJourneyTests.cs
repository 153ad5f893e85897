using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using Thuis.Web.Platform.Localization;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed class SignalJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_demo_case_manager_starts_the_day_from_the_inbox_escalates_one_signal_and_resolves_another()
    {
        await SignInAsync(CaseManagerOfDalfsen);
        var rows = Page.Locator("[data-testid=signal-row]");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Wie heeft vandaag aandacht nodig?", Level = 2 })).ToBeVisibleAsync();
        Assert.True(await rows.CountAsync() >= 3, $"Verwacht minstens drie signalen, zag er {await rows.CountAsync()}.");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("01-inbox");

        // Escalate the first to professional help: a proposal to the organisation, the person still decides.
        await rows.Nth(0).GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Oppakken") }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Signaal over");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("02-signaal");
        await Page.GetByLabel("Aan", new() { Exact = true }).SelectOptionAsync("ProfessionalHelp");
        await Page.GetByLabel("Organisatie voor professionele hulp", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Doorgeven", Exact = true }).ClickAsync();
        await Expect(Page.Locator(".utrecht-data-list__item", new() { HasText = "Stand" })).ToContainTextAsync("doorgegeven aan professionele hulp");
        await SaveScreenshotAsync("03-doorgegeven");

        // Resolve the next: a note and a confirmation are needed.
        await Page.GotoAsync("/");
        var next = Page.Locator("[data-testid=signal-row]").Filter(new() { HasNotText = "doorgegeven" }).First;
        await next.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Oppakken") }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Afhandelen", Exact = true }).ClickAsync();
        await Expect(Page.GetByText("Schrijf op wat er is gedaan.").First).ToBeVisibleAsync();
        await Page.GetByLabel("Wat is er gedaan?", new() { Exact = true }).FillAsync("Gebeld en samen een afspraak gemaakt.");
        await Page.GetByLabel("Ja, dit signaal is afgehandeld", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Afhandelen", Exact = true }).ClickAsync();
        await Expect(Page.Locator(".utrecht-data-list__item", new() { HasText = "Stand" })).ToContainTextAsync("afgehandeld");
        await SaveScreenshotAsync("04-afgehandeld");

        await Page.GotoAsync("/signalen");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Signalen", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("05-signalen");
    }

    [Fact]
    public async Task Registering_someone_whose_PIP_deadline_has_passed_shows_the_signal_among_the_case_managers_signals_at_once()
    {
        await SignInAsync(CaseManagerOfDalfsen);
        var registered = TimeProvider.System.InTheNetherlands().AddDays(-100).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        await Page.GotoAsync("/dossiers/nieuw?zoek=Ruta");
        await Page.GetByLabel("Voornamen", new() { Exact = true }).FillAsync("Ruta");
        await Page.GetByLabel("Achternaam", new() { Exact = true }).FillAsync("Laat Ingeschreven");
        await Page.Locator("#geboortedatum").FillAsync("1991-05-17");
        await Page.GetByLabel("Land van herkomst", new() { Exact = true }).FillAsync("Eritrea");
        await Page.Locator("#inschrijving").FillAsync(registered);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Registreren", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("De statushouder is geregistreerd.");

        // No hourly run in between: the save itself brought the signal. The full list, not the start page: the start page
        // shows the ten most urgent, and other journeys in this run raise older urgent signals for the same case manager.
        await Page.GotoAsync("/signalen");
        var row = Page.Locator("[data-testid=signal-row]", new() { HasText = "Ruta Laat Ingeschreven" }).Filter(new() { HasText = "PIP" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Het PIP had uiterlijk");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("06-pip-signaal-na-registreren");
    }
}
