using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using Thuis.Web.Features.Own;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

/// <summary>
/// "Klopt er iets niet?" on a phone: the newcomer says what is wrong in their own words, the case manager finds it among
/// the signals with the day the answer is due, and resolves it with what was done, which the newcomer then reads. The
/// register, the staff's copy of a person's data and the accessibility statement are axe clean at both widths.
/// </summary>
public sealed class PrivacyJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_newcomer_asks_for_a_correction_on_a_phone_and_the_case_manager_sees_the_signal_and_answers()
    {
        var words = $"Mijn achternaam schrijf je met een h: Abdih {Guid.NewGuid().ToString("N")[..4]}";
        var phone = Page;
        await phone.SetViewportSizeAsync(390, 844);
        await SignInWithPasswordAsync(phone, "nieuwkomer@zoetermeer.example");
        await Expect(phone).ToHaveURLAsync(new Uri(Fixture.BaseAddress, OwnSetup.StartPath).ToString());

        await phone.GotoAsync(OwnSetup.DataPath);
        await phone.GetByTestId("own-correction-link").ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Klopt er iets niet?");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Verstuur", Exact = true }).ClickAsync();
        await Expect(phone.Locator(".thuis-error-summary")).ToContainTextAsync("Schrijf wat er niet klopt.");
        await AssertFitsAsync(phone, "klopt-niet-fout-390");
        await phone.GetByLabel("Wat klopt er niet?").FillAsync(words);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Verstuur", Exact = true }).ClickAsync();
        await Expect(phone.GetByTestId("own-corrections")).ToContainTextAsync(words);
        await Expect(phone.GetByTestId("own-correction-state").First).ToContainTextAsync("Nog niet klaar");
        await AssertFitsAsync(phone, "gevraagd-390");

        var desk = await (await Fixture.NewContextAsync()).NewPageAsync();
        await desk.SetViewportSizeAsync(390, 844);
        await SignInWithPasswordAsync(desk, "coordinator@zoetermeer.example");
        await desk.GotoAsync("/signalen?soort=" + nameof(Thuis.Web.Features.Signals.SignalKind.CorrectionAsked));
        var row = desk.Locator("[data-testid=signal-row]").Filter(new() { HasText = words });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Antwoord uiterlijk");
        await AssertFitsAsync(desk, "signaal-in-lijst-390");
        await row.GetByRole(AriaRole.Link, new() { Name = "Oppakken" }).ClickAsync();
        await Expect(desk.GetByTestId("correction-note-shown")).ToBeVisibleAsync();
        await AssertFitsAsync(desk, "signaal-390");
        await desk.GetByLabel("Wat is er gedaan?").FillAsync("Achternaam verbeterd in de gegevens.");
        await desk.GetByLabel("Afgehandeld", new() { Exact = false }).CheckAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Afhandelen", Exact = false }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Main)).ToContainTextAsync("afgehandeld");

        await phone.GotoAsync(OwnSetup.DataPath);
        var answered = phone.Locator("[data-testid=own-corrections] li").Filter(new() { HasText = words });
        await Expect(answered).ToContainTextAsync("Klaar op");
        await Expect(answered).ToContainTextAsync("Achternaam verbeterd in de gegevens.");
        await AssertFitsAsync(phone, "beantwoord-390");
    }

    [Fact]
    public async Task The_register_the_staff_copy_and_the_accessibility_statement_are_axe_clean_at_both_widths()
    {
        await Page.GotoAsync("/toegankelijkheid");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Toegankelijkheidsverklaring");
        await AccessibleAtBothWidthsAsync("toegankelijkheid");

        await SignInAsync("klantregisseur@zoetermeer.example");
        await Page.GotoAsync("/dossiers");
        await Page.Locator("table a[href^='/dossiers/']").First.ClickAsync();
        await Page.GetByTestId("person-data-link").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Gegevens van");
        await Expect(Page.GetByTestId("person-data-download")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/inzage/bestand$"));
        await AccessibleAtBothWidthsAsync("inzage");

        var officer = await (await Fixture.NewContextAsync()).NewPageAsync();
        await officer.SetViewportSizeAsync(1280, 900);
        await SignInWithPasswordAsync(officer, "fg@zoetermeer.example");
        await officer.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "Verwerkingsregister" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Verwerkingsregister Thuis");
        await AssertFitsAsync(officer, "verwerkingsregister-1280");
        await officer.SetViewportSizeAsync(390, 844);
        await AssertFitsAsync(officer, "verwerkingsregister-390");
    }

    private static async Task AssertFitsAsync(IPage page, string step)
    {
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"De pagina schuift {overflow} px opzij op een telefoon ({step}).");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        var test = TestContext.Current.TestMethod?.MethodName ?? "test";
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{test}--{step}.png"), FullPage = true });
    }
}
