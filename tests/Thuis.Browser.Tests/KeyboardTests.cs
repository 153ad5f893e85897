using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed partial class KeyboardTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_first_Tab_on_the_start_page_reaches_the_skip_link_which_moves_focus_to_the_content()
    {
        await SignInAsync(CaseManagerOfDalfsen);

        await Page.Keyboard.PressAsync("Tab");

        var skipLink = Page.GetByRole(AriaRole.Link, new() { Name = "Direct naar de inhoud", Exact = true });
        await Expect(skipLink).ToBeFocusedAsync();
        await Expect(skipLink).ToBeInViewportAsync();
        await SaveScreenshotAsync("overslaanlink");

        await Page.Keyboard.PressAsync("Enter");

        await Expect(Page).ToHaveURLAsync(ContentFragment());
        var main = Page.GetByRole(AriaRole.Main);
        await Expect(main).ToBeFocusedAsync();
        await Expect(main).ToHaveIdAsync("inhoud");
    }

    [GeneratedRegex("#inhoud$")]
    private static partial Regex ContentFragment();
}
