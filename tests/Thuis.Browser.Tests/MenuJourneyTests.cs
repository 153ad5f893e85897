using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed class MenuJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly (int Width, int Height)[] Screens = [(1280, 800), (390, 844)];

    [Theory]
    [InlineData("beheerder@dalfsen.example")]
    [InlineData("coordinator@dalfsen.example")]
    [InlineData("klantregisseur@dalfsen.example")]
    [InlineData("vrijwilligers@dalfsen.example")]
    [InlineData("partner@dalfsen.example")]
    public async Task Every_role_walks_its_whole_menu_on_a_desktop_and_a_phone_without_Geen_toegang(string email)
    {
        await SignInAsync(email);

        foreach (var (width, height) in Screens)
        {
            await Page.SetViewportSizeAsync(width, height);
            await Page.GotoAsync("/");
            await Accessibility.AssertNoSeriousViolationsAsync(Page);
            var overflow = await Page.EvaluateAsync<int>("document.querySelector('nav.thuis-nav').scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"Het menu schuift {overflow} px opzij bij {width} px.");

            // The items are read from the menu itself, so a new item is walked as soon as it is there.
            var menu = Page.Locator("nav.thuis-nav a");
            var hrefs = new List<string>();
            foreach (var link in await menu.AllAsync())
            {
                hrefs.Add(await link.GetAttributeAsync("href") ?? "");
            }
            Assert.Contains("/", hrefs);
            foreach (var href in hrefs)
            {
                var item = Page.Locator($"nav.thuis-nav a[href='{href}']");
                var response = await Page.RunAndWaitForResponseAsync(() => item.ClickAsync(), r => r.Request.IsNavigationRequest);
                await Page.WaitForLoadStateAsync();

                Assert.True(response.Status == 200, $"{email} opent {href} bij {width} px en krijgt {response.Status}.");
                await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).Not.ToHaveTextAsync("Geen toegang");
                await Expect(Page.Locator($"nav.thuis-nav a[href='{href}']")).ToHaveAttributeAsync("aria-current", "page");
            }
        }
    }

    [Fact]
    public async Task The_refusal_and_a_damaged_link_explain_themselves_accessibly_on_a_desktop_and_a_phone()
    {
        await SignInAsync("beheerder@dalfsen.example");

        foreach (var (width, height) in Screens)
        {
            await Page.SetViewportSizeAsync(width, height);
            await Page.GotoAsync("/dossiers");
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Geen toegang", Level = 1 })).ToBeVisibleAsync();
            await Expect(Page.GetByText("Deze pagina is voor de coördinator integratie of de klantregisseur.")).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(Page);

            await Page.GotoAsync("/account/inloggen?uitgelogd=x");
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Adres niet begrepen", Level = 1 })).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(Page);
            await SaveScreenshotAsync($"adres-niet-begrepen-{width}");
        }
    }
}
