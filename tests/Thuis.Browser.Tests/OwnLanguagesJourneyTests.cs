using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using Thuis.Web.Features.Own;
using Thuis.Web.Platform.Localization;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

/// <summary>
/// Every page of the own Thuis in every language the person may choose: marked with its language and direction, with a
/// heading, and within a phone's width. Axe reads, in each language, the pages with the most fixed text (start, sign-in,
/// Mijn gegevens, the sign-in settings); the Arabic and Tigrinya journeys read their pages in full. The language comes
/// from the page's link, as the letter's QR code gives it, so the demo person's own choice stays as it is.
/// </summary>
public sealed class OwnLanguagesJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly string[] SignedInPages =
    [
        OwnSetup.StartPath, "/mijn/plan", OwnSetup.AppointmentsPath, "/mijn/voorstellen", "/mijn/toestemmingen", "/mijn/hoe-gaat-het",
        "/mijn/wat-ik-wil", OwnSetup.CvPath, "/mijn/geld", OwnSetup.DataPath, OwnSetup.CorrectionPath, OwnSetup.SignInSetupPath, OwnSetup.CodeAppPath, OwnSetup.LanguagePath,
    ];

    private static readonly string[] AnonymousPages = [OwnSetup.SignInPath, "/mijn/activeren", OwnSetup.SignInCodePath];

    private static readonly HashSet<string> ReadByAxe = [OwnSetup.StartPath, OwnSetup.DataPath, OwnSetup.SignInSetupPath, OwnSetup.SignInPath];

    [Fact]
    public async Task Every_own_page_in_every_language_is_marked_and_fits_a_phone_and_the_fullest_are_axe_clean()
    {
        var stranger = await (await Fixture.NewContextAsync()).NewPageAsync();
        await stranger.SetViewportSizeAsync(390, 844);
        await Page.SetViewportSizeAsync(390, 844);
        await SignInWithPasswordAsync(Page, "nieuwkomer@zoetermeer.example");
        await Expect(Page).ToHaveURLAsync(new Uri(Fixture.BaseAddress, OwnSetup.StartPath).ToString());

        // Dutch, the source, is walked at both widths by the journeys of each page.
        foreach (var language in Languages.Newcomer.Where(l => l != Languages.Dutch))
        {
            foreach (var (page, path) in SignedInPages.Select(p => (Page, p)).Concat(AnonymousPages.Select(p => (stranger, p))))
            {
                await page.GotoAsync($"{path}?{LocalizationSetup.LanguageParameter}={language.Name}");
                var html = page.Locator("html");
                await Expect(html).ToHaveAttributeAsync("lang", language.Tag);
                await Expect(html).ToHaveAttributeAsync("dir", language.Direction);
                await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).Not.ToBeEmptyAsync();
                Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
                    $"{path} schuift opzij op 390 px in het {language.NativeName}");
                if (ReadByAxe.Contains(path))
                {
                    await Accessibility.AssertNoSeriousViolationsAsync(page);
                }
            }
        }
        await stranger.Context.CloseAsync();
    }
}
