using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed class DebtsJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_case_manager_records_a_debt_after_bad_input_sees_the_total_and_reads_in_early_signals_of_arrears()
    {
        await SignInAsync(CaseManagerOfDalfsen);
        await Page.GotoAsync("/dossiers?wie=alle&zoek=Haddad");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Haddad, Samira" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Samira Haddad", Level = 1 })).ToBeVisibleAsync();
        var dossier = new Uri(Page.Url).AbsolutePath;
        await Page.GotoAsync($"{dossier}/geld/schulden");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Schulden van Samira", Level = 1 })).ToBeVisibleAsync();
        await AccessibleAtBothWidthsAsync("01-schulden");

        // Everything wrong at once: the summary takes focus and names each fault; what was typed stays.
        await Page.GetByLabel("Bedrag in euro’s").FillAsync("twaalf");
        await Page.GetByLabel("Notitie (optioneel)").FillAsync("Brief van de deurwaarder meegenomen naar het gesprek.");
        await Page.GetByLabel("Stand", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "kies" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Schuld vastleggen" }).ClickAsync();
        var summary = Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Vul in aan wie de schuld is." });
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToContainTextAsync("Kies wat voor schuldeiser het is.");
        await Expect(summary).ToContainTextAsync("Vul het bedrag in als getal");
        await Expect(summary).ToContainTextAsync("Vul in sinds wanneer de schuld er is.");
        await Expect(summary).ToContainTextAsync("Kies de stand van de schuld.");
        await Expect(Page.GetByLabel("Bedrag in euro’s")).ToHaveValueAsync("twaalf");
        await Expect(Page.GetByLabel("Notitie (optioneel)")).ToHaveValueAsync("Brief van de deurwaarder meegenomen naar het gesprek.");
        await AccessibleAtBothWidthsAsync("02-fouten");

        await Page.GetByLabel("Schuldeiser", new() { Exact = true }).FillAsync("Woonstichting Dalfsen");
        await Page.GetByLabel("Soort schuldeiser").SelectOptionAsync(new SelectOptionValue { Label = "verhuurder" });
        await Page.GetByLabel("Bedrag in euro’s").FillAsync("1.234,50");
        await Page.GetByLabel("Sinds", new() { Exact = true }).FillAsync("2026-09-01");
        await Page.GetByLabel("Stand", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "open" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Schuld vastleggen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("De schuld is vastgelegd.");
        await Expect(Page.Locator("#totaal-open")).ToHaveTextAsync("€ 1.234,50");
        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Schulden van Samira" })).ToContainTextAsync("Woonstichting Dalfsen");
        await AccessibleAtBothWidthsAsync("03-totaal");

        // The early signals of a month, read from a file: hers is read, a stranger's is "onbekend".
        await Page.GetByRole(AriaRole.Link, new() { Name = "vroegsignalen inlezen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Vroegsignalen inlezen", Level = 1 })).ToBeVisibleAsync();
        var reference = $"HA-{Guid.NewGuid():N}"[..12];
        var csv = "\uFEFFbsn;melder;soort;kenmerk;bedrag;maanden;datum\r\n"
            + $"999990019;Woonstichting Dalfsen;verhuurder;{reference};612,40;2;01-12-2026\r\n"
            + "123456782;Vitens;drinkwater;VS-1;80;1;01-12-2026\r\n";
        await Page.GetByLabel("CSV-bestand").SetInputFilesAsync(new FilePayload { Name = "vroegsignalen.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Inlezen", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync(new Regex("^1 melding ingelezen, 0 al ingelezen, 1 regel afgewezen\\.$"));
        var rows = Page.GetByRole(AriaRole.Table, new() { Name = "Per regel" });
        await Expect(rows).ToContainTextAsync("Samira Haddad");
        await Expect(rows).ToContainTextAsync("onbekend");
        await AccessibleAtBothWidthsAsync("04-ingelezen");

        // On her page the report waits for contact, with the day it is due.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Samira Haddad" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Vroegsignalen van Samira" })).ToContainTextAsync(reference);
        await AccessibleAtBothWidthsAsync("05-vroegsignaal");
    }
}
