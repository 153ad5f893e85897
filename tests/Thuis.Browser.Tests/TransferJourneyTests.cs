using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed class TransferJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string CaseManagerOfZoetermeer = "klantregisseur@zoetermeer.example";

    [Fact]
    public async Task Dalfsen_hands_a_dossier_over_and_Zoetermeer_previews_and_receives_it()
    {
        await SignInAsync(CaseManagerOfDalfsen);
        // The last dossier of the caseload, so the journeys that start from the first ones are not disturbed.
        await Page.GotoAsync("/dossiers?wie=alle");
        await Page.Locator("table tbody tr a[href^='/dossiers/']").Last.ClickAsync();
        var name = (await Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync())!.Trim();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Dossier overdragen", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Dossier overdragen", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("Gezondheidsinformatie meesturen (alleen met toestemming van de persoon)")).Not.ToBeCheckedAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await Page.GetByLabel("Nieuwe gemeente", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Zoetermeer" });
        await Page.GetByLabel("Verhuisdatum", new() { Exact = true }).FillAsync("2026-11-12");
        await Page.GetByLabel("Reden van de verhuizing (optioneel)").FillAsync("Een woning dichter bij haar zus");
        await SaveScreenshotAsync("01-overdragen");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Verder", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Controleer en bevestig" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("12 november 2026");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("02-bevestigen");
        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Button, new() { Name = "Overdragen en bestand downloaden" }).ClickAsync());
        Assert.Matches(@"^overdracht-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.json$", download.SuggestedFilename);
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}-{download.SuggestedFilename}");
        await download.SaveAsAsync(file);
        Assert.Contains("\"format\": \"thuis-overdracht\"", await File.ReadAllTextAsync(file), StringComparison.Ordinal);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Terug naar het dossier" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Overgedragen aan Zoetermeer op");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("verhuisd");
        await SaveScreenshotAsync("03-overgedragen");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen", Exact = true }).ClickAsync();

        await SignInAsync(CaseManagerOfZoetermeer);
        await Page.GotoAsync("/dossiers");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Overdracht ontvangen", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Overdracht ontvangen", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await Page.GetByLabel("Overdrachtsbestand", new() { Exact = true }).SetInputFilesAsync(file);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Bestand bekijken" }).ClickAsync();

        var preview = Page.GetByRole(AriaRole.Main);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Wat er in het bestand staat" })).ToBeVisibleAsync();
        await Expect(preview).ToContainTextAsync(name);
        await Expect(preview).ToContainTextAsync("Dalfsen");
        await Expect(preview).ToContainTextAsync("niet meegestuurd");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("04-voorbeeld");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Overdracht ontvangen", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("De overdracht is ontvangen");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Ontvangen van Dalfsen op");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Klantregisseur: Karin Klantregisseur");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("05-ontvangen");

        // The same file a second time is refused, and nothing is added.
        await Page.GotoAsync("/dossiers/overdracht-ontvangen");
        await Page.GetByLabel("Overdrachtsbestand", new() { Exact = true }).SetInputFilesAsync(file);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Bestand bekijken" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Deze overdracht is al ontvangen.");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Overdracht ontvangen", Exact = true })).ToHaveCountAsync(0);
        await SaveScreenshotAsync("06-al-ontvangen");
        File.Delete(file);
    }
}
