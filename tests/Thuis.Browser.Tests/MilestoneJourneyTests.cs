using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed partial class MilestoneJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_case_manager_ticks_two_settling_items_and_sees_the_progress_on_the_timeline()
    {
        await SignInAsync(CaseManagerOfDalfsen);

        // Samira Haddad, housed about two hundred days ago, still has a few things to arrange.
        await Page.GotoAsync("/dossiers?wie=alle");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Haddad, Samira" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Samira Haddad", Level = 1 })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Mijlpalen en vestigen", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Mijlpalen: vestigen, inburgeren, participeren", Level = 1 })).ToBeVisibleAsync();
        var settling = Page.GetByRole(AriaRole.Heading, new() { Level = 2, NameRegex = SettlingProgress() });
        var (done, total) = Progress(await settling.TextContentAsync());
        Assert.True(total - done >= 2, $"Er staat te weinig open: {done} van {total}.");
        var timeline = Page.GetByRole(AriaRole.List, new() { Name = "Tijdlijn" });
        await Expect(timeline.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(5);
        await Expect(timeline.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Vestigen" })).ToContainTextAsync($"{done} van {total} geregeld");
        await Expect(timeline.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Vandaag" })).ToContainTextAsync("Maand 6");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("01-tijdlijn");

        // The library card and meeting the neighbours are arranged; the checklist is one form.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Vestigingslijst bijwerken", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Vestigingslijst", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        var library = Page.GetByRole(AriaRole.Group, new() { Name = "Bibliotheekpas", Exact = true });
        var neighbours = Page.GetByRole(AriaRole.Group, new() { Name = "Kennismaking met buren en wijk", Exact = true });
        await Expect(library.GetByLabel("open", new() { Exact = true })).ToBeCheckedAsync();
        await library.GetByLabel("geregeld", new() { Exact = true }).CheckAsync();
        await neighbours.GetByLabel("geregeld", new() { Exact = true }).CheckAsync();
        await neighbours.GetByLabel("Toelichting (bij ‘niet van toepassing’: de reden)").FillAsync("Koffieochtend in het wijkcentrum bezocht.");
        await SaveScreenshotAsync("02-twee-afgevinkt");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("De vestigingslijst is opgeslagen.");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = $"Vestigen: {done + 2} van {total} geregeld" })).ToBeVisibleAsync();
        await Expect(timeline.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Vestigen" })).ToContainTextAsync($"{done + 2} van {total} geregeld");
        var items = Page.GetByRole(AriaRole.List, new() { Name = $"Vestigen: {done + 2} van {total} geregeld" });
        await Expect(items.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Bibliotheekpas" })).ToContainTextAsync("door Karin Klantregisseur");
        await Expect(items.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Kennismaking met buren en wijk" })).ToContainTextAsync("geregeld op");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("03-voortgang-op-tijdlijn");

        // The milestones page for integrating and participating passes axe too.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Stand van inburgeren en participeren bijwerken", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Stand van inburgeren en participeren", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("04-stand");
    }

    private static (int Done, int Total) Progress(string? heading)
    {
        var match = SettlingProgress().Match(heading ?? "");
        Assert.True(match.Success, $"Geen voortgang in '{heading}'.");
        return (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^Vestigen: (\d+) van (\d+) geregeld$")]
    private static partial Regex SettlingProgress();
}
