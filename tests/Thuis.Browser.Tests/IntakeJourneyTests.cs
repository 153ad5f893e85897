using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed partial class IntakeJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    // A fictional person; the BSN passes the elfproef and is not one of the demo data's.
    private const string GivenNames = "Selam";
    private const string FamilyName = "Habte";
    private const string ValidBsn = "999990093";

    [Fact]
    public async Task A_case_manager_registers_a_newcomer_and_records_languages_a_former_trade_talents_and_network()
    {
        await SignInAsync(CaseManagerOfDalfsen);

        // First search, so nobody gets a second dossier.
        await Page.GotoAsync("/dossiers/nieuw");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Statushouder registreren", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Registreren", Exact = true })).ToHaveCountAsync(0);
        var search = Page.GetByRole(AriaRole.Searchbox, new() { Name = "Zoeken", Exact = true });
        await search.FillAsync($"{GivenNames} {FamilyName}");
        await search.PressAsync("Enter");
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Niemand gevonden");
        await SaveScreenshotAsync("01-gezocht");

        // A mistyped BSN is refused in Dutch beside the field, and what was typed stays.
        await Page.GetByLabel("Voornamen", new() { Exact = true }).FillAsync(GivenNames);
        await Page.GetByLabel("Achternaam", new() { Exact = true }).FillAsync(FamilyName);
        await Page.Locator("#geboortedatum").FillAsync("1995-03-08");
        await Page.GetByLabel("Land van herkomst", new() { Exact = true }).FillAsync("Eritrea");
        await Page.Locator("#bsn").FillAsync("123456789");
        await Page.Locator("#inschrijving").FillAsync("2025-09-01");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Registreren", Exact = true }).ClickAsync();

        await Expect(Page.Locator("#bsn-fout")).ToContainTextAsync("Dit BSN klopt niet");
        await Expect(Page.GetByLabel("Voornamen", new() { Exact = true })).ToHaveValueAsync(GivenNames);
        await Expect(Page.GetByLabel("Achternaam", new() { Exact = true })).ToHaveValueAsync(FamilyName);
        await Expect(Page.Locator("#bsn")).ToHaveValueAsync("123456789");
        await SaveScreenshotAsync("02-bsn-klopt-niet");

        await Page.Locator("#bsn").FillAsync(ValidBsn);
        await Page.Locator("#bsn").PressAsync("Enter");

        await Expect(Page).ToHaveURLAsync(RegisteredDossier());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{GivenNames} {FamilyName}");
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("De statushouder is geregistreerd.");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("0 van 12 onderdelen ingevuld");
        await SaveScreenshotAsync("03-geregistreerd");
        var dossier = Page.Url.Split('?')[0];

        // Languages: Tigrinya as mother tongue, spoken at C2; Dutch spoken at A1.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Talen", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Talen", Level = 1 })).ToBeVisibleAsync();
        await Page.GetByLabel("Taal 1", new() { Exact = true }).FillAsync("Tigrinya");
        await Page.GetByLabel("Taal 1 is moedertaal", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Taal 1 spreken", new() { Exact = true }).SelectOptionAsync("C2");
        await Page.GetByLabel("Taal 2", new() { Exact = true }).FillAsync("Nederlands");
        await Page.GetByLabel("Taal 2 spreken", new() { Exact = true }).SelectOptionAsync("A1");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Opgeslagen.");
        await Expect(Page.GetByLabel("Taal 1", new() { Exact = true })).ToHaveValueAsync("Tigrinya");
        await Expect(Page.GetByLabel("Taal 1 is moedertaal", new() { Exact = true })).ToBeCheckedAsync();
        await Expect(Page.GetByLabel("Taal 1 spreken", new() { Exact = true })).ToHaveValueAsync("C2");
        await Expect(Page.GetByLabel("Taal 2", new() { Exact = true })).ToHaveValueAsync("Nederlands");
        await Expect(Page.GetByLabel("Taal 2 spreken", new() { Exact = true })).ToHaveValueAsync("A1");
        await SaveScreenshotAsync("04-talen-opgeslagen");

        // Work experience: a cook, found in ESCO in Dutch.
        await Page.GetByRole(AriaRole.Link, new() { Name = $"← Dossier van {GivenNames} {FamilyName}" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Werkervaring", Exact = true }).ClickAsync();
        var occupation = Page.GetByRole(AriaRole.Searchbox, new() { Name = "Beroep", Exact = true });
        await occupation.FillAsync("kok");
        await occupation.PressAsync("Enter");
        var found = Page.GetByRole(AriaRole.List, new() { Name = "Gevonden beroepen" });
        await Expect(found).ToContainTextAsync("cook");
        await SaveScreenshotAsync("05-esco-gezocht");

        await found.GetByRole(AriaRole.Link, new() { Name = "kok", Exact = true }).ClickAsync();
        await Expect(Page.GetByLabel("Beroep 1", new() { Exact = true })).ToHaveValueAsync("kok");
        await Page.GetByLabel("Jaren bij beroep 1", new() { Exact = true }).FillAsync("6");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Opgeslagen.");
        var firstJob = Page.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByLabel("Beroep 1", new() { Exact = true }) });
        await Expect(firstJob.GetByLabel("Beroep 1", new() { Exact = true })).ToHaveValueAsync("kok");
        await Expect(firstJob.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("cook");
        await Expect(firstJob.GetByLabel("Jaren bij beroep 1", new() { Exact = true })).ToHaveValueAsync("6");
        await SaveScreenshotAsync("06-werkervaring-opgeslagen");

        // Strengths: talents in their own words, and cooking as an interest, ticked from the keyboard.
        await Page.GotoAsync($"{dossier}/intake/eigen-kracht");
        await Page.GetByLabel("Talenten", new() { Exact = true }).FillAsync("Kookt voor grote groepen; geduldig met kinderen.");
        var cooking = Page.GetByLabel("koken", new() { Exact = true });
        await cooking.FocusAsync();
        await Page.Keyboard.PressAsync("Space");
        await Expect(cooking).ToBeCheckedAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Opgeslagen.");
        await Expect(Page.GetByLabel("Talenten", new() { Exact = true })).ToHaveValueAsync("Kookt voor grote groepen; geduldig met kinderen.");
        await Expect(Page.GetByLabel("koken", new() { Exact = true })).ToBeCheckedAsync();
        await Expect(Page.GetByLabel("bakken", new() { Exact = true })).Not.ToBeCheckedAsync();
        await SaveScreenshotAsync("07-eigen-kracht-opgeslagen");

        // Network: a cousin in Zwolle.
        await Page.GotoAsync($"{dossier}/intake/netwerk");
        await Page.GetByLabel("Wie 1", new() { Exact = true }).FillAsync("Neef Daniel");
        await Page.GetByLabel("Relatie 1", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "familie" });
        await Page.GetByLabel("Plaats 1", new() { Exact = true }).FillAsync("Zwolle");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Opgeslagen.");
        await Expect(Page.GetByLabel("Wie 1", new() { Exact = true })).ToHaveValueAsync("Neef Daniel");
        await Expect(Page.GetByLabel("Relatie 1", new() { Exact = true }).Locator("option:checked")).ToHaveTextAsync("familie");
        await Expect(Page.GetByLabel("Plaats 1", new() { Exact = true })).ToHaveValueAsync("Zwolle");
        await SaveScreenshotAsync("08-netwerk-opgeslagen");

        // The dossier now shows four of the twelve parts done, and by whom.
        await Page.GetByRole(AriaRole.Link, new() { Name = $"← Dossier van {GivenNames} {FamilyName}" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(dossier);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Brede intake: 4 van 12 onderdelen ingevuld" })).ToBeVisibleAsync();
        var parts = Page.GetByRole(AriaRole.List, new() { Name = "Brede intake: 4 van 12 onderdelen ingevuld" });
        foreach (var part in new[] { "Talen", "Werkervaring", "Eigen kracht", "Informeel netwerk" })
        {
            var item = parts.GetByRole(AriaRole.Listitem).Filter(new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = part, Exact = true }) });
            await Expect(item).ToContainTextAsync("ingevuld door Karin Klantregisseur");
        }
        var open = parts.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "nog niet ingevuld" });
        await Expect(open).ToHaveCountAsync(8);
        await SaveScreenshotAsync("09-dossier-vier-onderdelen");
    }

    [Fact]
    public async Task The_caseload_register_and_dossier_pages_have_no_serious_accessibility_violations()
    {
        await SignInAsync(CaseManagerOfDalfsen);

        await Page.GotoAsync("/dossiers");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Caseload", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);

        // The whole municipality, so the table of people is there to be scanned and opened.
        await Page.GetByLabel("Wie", new() { Exact = true }).SelectOptionAsync("alle");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Toon", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Table)).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("caseload");

        await Page.GotoAsync("/dossiers/nieuw?zoek=x");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Registreren", Exact = true })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("registreren");

        await Page.GotoAsync("/dossiers?wie=alle");
        await Page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(Page).ToHaveURLAsync(DossierPage());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Brede intake" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("dossier");
    }

    [GeneratedRegex(@"/dossiers/[0-9a-f-]{36}\?geregistreerd=1$")]
    private static partial Regex RegisteredDossier();

    [GeneratedRegex(@"/dossiers/[0-9a-f-]{36}$")]
    private static partial Regex DossierPage();
}
