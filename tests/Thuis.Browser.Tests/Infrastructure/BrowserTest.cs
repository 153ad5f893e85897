using Microsoft.Playwright;
using Thuis.Web.Data;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests.Infrastructure;

/// <summary>A test that walks Thuis in its own browser context, and can sign in and keep screenshots.</summary>
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncLifetime
{
    /// <summary>Demo accounts seeded in Development; every one has <see cref="DemoData.Password"/>.</summary>
    protected const string CaseManagerOfDalfsen = "klantregisseur@dalfsen.example";

    protected const string SignInPath = "/account/inloggen";

    private IBrowserContext? _context;

    protected BrowserFixture Fixture { get; } = fixture;

    protected IPage Page { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        _context = await Fixture.NewContextAsync();
        Page = await _context.NewPageAsync();
        // A crashed renderer shows in the test as "target closed"; say so where the run's output can be read.
        Page.Crash += (_, page) => Console.Error.WriteLine($"The browser's page crashed at {page.Url} in {GetType().Name}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>Fills the sign-in form with the demo password and sends it, as a person would; the caller says where it lands.</summary>
    protected static async Task SignInWithPasswordAsync(IPage page, string email)
    {
        await page.GotoAsync(SignInPath);
        await page.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
    }

    /// <summary>Signs in through the sign-in form, as a person would, and waits for the start page.</summary>
    protected async Task SignInAsync(string email)
    {
        await SignInWithPasswordAsync(Page, email);
        await Expect(Page).ToHaveURLAsync(new Uri(Fixture.BaseAddress, "/").ToString());
    }

    /// <summary>
    /// Axe finds nothing serious at 1280 px and on a phone (390 px), where the page does not scroll sideways either;
    /// a screenshot of each width is kept. Ends at 1280 px.
    /// </summary>
    protected async Task AccessibleAtBothWidthsAsync(string step)
    {
        await Page.SetViewportSizeAsync(1280, 900);
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync($"{step}-1280");
        await Page.SetViewportSizeAsync(390, 844);
        var overflow = await Page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"De pagina schuift {overflow} px opzij op een telefoon ({step}).");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync($"{step}-390");
        await Page.SetViewportSizeAsync(1280, 900);
    }

    /// <summary>Keeps a full-page screenshot in TestResults/screenshots, named after the test and the step.</summary>
    protected async Task SaveScreenshotAsync(string step)
    {
        var test = TestContext.Current.TestMethod?.MethodName ?? "test";
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(folder, $"{test}--{step}.png"),
            FullPage = true,
        });
    }
}
